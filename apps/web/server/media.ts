import { createHash } from 'node:crypto'
import { type AnyEntity, isProblemError, type Locale, type PhotoRef, photoWidths, pickText } from '@cerdas/core'
import { mediaProblem, type PhotoService, photoKey, renderShareImage, servePhotoFile } from '@cerdas/photos'
import type { Platform, ResolvedTenant } from '@cerdas/platform'

const PHOTO_PATH = /^\/media\/photos\/([^/]+)\/([^/]+)$/
const SHARE_PATH = /^\/media\/share\/([a-z][a-z0-9]*)\/([a-z][a-z0-9_]*)\/([^/]+)\.png$/

/** Share images change only with their record: a week in caches, then revalidated by ETag. */
const SHARE_CACHE = 'public, max-age=604800'

/**
 * Media of the tenant the host names: photo renditions (`/media/photos/<id>/<width>.<format>`) and
 * share images (`/media/share/<module>/<entity>/<key>.png`). An unknown host, another tenant's
 * photo, an unpublished record or an entity without public pages is a 404.
 */
export async function serveMedia(
  request: Request,
  options: { platform: Platform; photos: PhotoService; host: string },
): Promise<Response> {
  const url = new URL(request.url)
  const tenant = await options.platform.tenantByHost(options.host)
  if (!tenant) return mediaProblem(404, 'No such site.')
  const method = request.method === 'HEAD' ? 'HEAD' : 'GET'
  const photo = PHOTO_PATH.exec(url.pathname)
  if (photo) {
    return servePhotoFile(
      options.photos.storage,
      tenant.info.id,
      decodeURIComponent(photo[1] as string),
      photo[2] as string,
      method,
    )
  }
  const share = SHARE_PATH.exec(url.pathname)
  if (share) {
    const [, module, entity, key] = share as unknown as [string, string, string, string]
    const locale: Locale = url.searchParams.get('lang') === 'en' ? 'en' : 'id'
    return shareImage(request, options, tenant, { module, entity, key: decodeURIComponent(key), locale })
  }
  return mediaProblem(404, 'No such file.')
}

/** The public record a share image is of: published, of an enabled module's entity with pages. */
async function shareImage(
  request: Request,
  options: { platform: Platform; photos: PhotoService },
  tenant: ResolvedTenant,
  at: { module: string; entity: string; key: string; locale: Locale },
): Promise<Response> {
  const mod = tenant.info.modules[at.module] ? options.platform.modules.find((m) => m.id === at.module) : undefined
  const entity = mod?.entities?.find((e) => e.name === at.entity) as AnyEntity | undefined
  if (!entity?.declaration.page) return mediaProblem(404, 'No such page.')
  const lease = await options.platform.acquireTenantDb(tenant.record)
  try {
    const ctx = options.platform.context(tenant, lease.db, { locale: at.locale, actor: null })
    let record: Record<string, unknown>
    try {
      record = (await entity.get(ctx, at.key)) as Record<string, unknown>
    } catch (error) {
      if (isProblemError(error) && error.problem.status < 500) return mediaProblem(404, 'No such page.')
      throw error
    }
    const { branding, name } = tenant.info
    const etag = `"${createHash('sha1')
      .update(JSON.stringify([record.updatedAt, at.locale, name, branding.primaryColor, branding.accentColor]))
      .digest('base64url')}"`
    const headers = {
      'Content-Type': 'image/png',
      'Cache-Control': SHARE_CACHE,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    }
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
    const fields = Object.entries(entity.declaration.fields) as [string, { kind: string; search?: string }][]
    const titleField =
      fields.find(([, f]) => f.search === 'title') ?? fields.find(([, f]) => f.kind === 'localizedText')
    const rawTitle = titleField ? record[titleField[0]] : null
    const title =
      rawTitle && typeof rawTitle === 'object'
        ? pickText(rawTitle as { id: string; en?: string }, at.locale)
        : String(rawTitle ?? record.id)
    const photosField = fields.find(([, f]) => f.kind === 'photos')
    const first = photosField ? ((record[photosField[0]] as PhotoRef[] | undefined) ?? [])[0] : undefined
    const photo = first ? await photoBytes(options.photos, tenant.info.id, first) : undefined
    const png = await options.photos.run(() =>
      renderShareImage({
        siteName: name,
        title,
        kind: pickText(entity.declaration.title, at.locale),
        background: branding.primaryColor,
        accent: branding.accentColor,
        photo,
      }),
    )
    headers['Content-Type'] = 'image/png'
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(png), {
      status: 200,
      headers: { ...headers, 'Content-Length': String(png.byteLength) },
    })
  } finally {
    lease.release()
  }
}

/** The JPEG of a photo closest above the share image's photo column, read whole. */
async function photoBytes(photos: PhotoService, tenantId: string, photo: PhotoRef): Promise<Uint8Array | undefined> {
  const widths = photoWidths(photo.width)
  const width = widths.find((w) => w >= 640) ?? (widths[widths.length - 1] as number)
  const stored = await photos.storage.get(photoKey(tenantId, photo.id, width, 'jpg')).catch(() => null)
  if (!stored) return undefined
  if (stored.body instanceof Uint8Array) return stored.body
  return new Uint8Array(await new Response(stored.body).arrayBuffer())
}
