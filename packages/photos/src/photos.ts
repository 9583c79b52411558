import { createHash } from 'node:crypto'
import {
  type AnyModule,
  type FieldMap,
  newId,
  PHOTO_CONTENT_TYPES,
  PHOTO_FORMATS,
  PHOTO_ID,
  PHOTOS_TABLE,
  type PhotoFormat,
  photoUrl,
  photoWidths,
  problem,
  type TenantContext,
} from '@cerdas/core'
import { limiter } from './concurrency'
import { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './limits'
import { processPhoto } from './process-photo'
import { type PhotoKey, type PhotoStorage, photoKey } from './storage'

/** A tenant's uploaded photo, as the API answers it. */
export interface Photo {
  id: string
  width: number
  height: number
  bytes: number
  sourceFormat: string
  uploadedBy: string
  createdAt: string
  /** The JPEG, WebP and AVIF renditions by width: `{ jpg: { 320: '/media/photos/...' } }`. */
  urls: Record<PhotoFormat, Record<string, string>>
}

/** Photos of one server: where files go, what an upload may be, and how many are processed at once. */
export interface PhotoService {
  storage: PhotoStorage
  limits: PhotoLimits
  /** Runs an upload's image work within the concurrency bound. */
  run<T>(work: () => Promise<T>): Promise<T>
}

/** @example const photos = photoService(localPhotoStorage(dataDir)) */
export function photoService(storage: PhotoStorage, limits: Partial<PhotoLimits> = {}): PhotoService {
  const all = { ...DEFAULT_PHOTO_LIMITS, ...limits }
  return { storage, limits: all, run: limiter(all.concurrency) }
}

interface PhotoRow {
  id: string
  width: number
  height: number
  bytes: number
  source_format: string
  uploaded_by: string
  created_at: string
}

function urlsOf(id: string, width: number): Photo['urls'] {
  return Object.fromEntries(
    PHOTO_FORMATS.map((format: PhotoFormat) => [
      format,
      Object.fromEntries(photoWidths(width).map((w) => [String(w), photoUrl(id, w, format)])),
    ]),
  ) as Photo['urls']
}

function photoOf(row: PhotoRow): Photo {
  return {
    id: row.id,
    width: Number(row.width),
    height: Number(row.height),
    bytes: Number(row.bytes),
    sourceFormat: row.source_format,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    urls: urlsOf(row.id, Number(row.width)),
  }
}

/** Every stored file of a photo. */
export function keysOf(tenantId: string, id: string, width: number): PhotoKey[] {
  return photoWidths(width).flatMap((w) => PHOTO_FORMATS.map((format) => photoKey(tenantId, id, w, format)))
}

const notFound = (id: string) => problem('notFound', `No photo "${id}".`)

async function findRow(ctx: TenantContext, column: 'id' | 'sha256', value: string): Promise<PhotoRow | undefined> {
  const found = await ctx.db.$client.execute({
    sql: `SELECT * FROM ${PHOTOS_TABLE} WHERE ${column} = ?`,
    args: [value],
  })
  return found.rows[0] as unknown as PhotoRow | undefined
}

/** A photo of the tenant, or a 404 problem. */
export async function getPhoto(ctx: TenantContext, id: string): Promise<Photo> {
  const row = PHOTO_ID.test(id) ? await findRow(ctx, 'id', id) : undefined
  if (!row) throw notFound(id)
  return photoOf(row)
}

/**
 * Stores an upload: checked and re-encoded (see processPhoto) within the service's concurrency
 * bound, its files written, then its row and audit entry in one transaction. The same bytes
 * uploaded again answer the photo already stored (`created: false`).
 */
export async function uploadPhoto(
  ctx: TenantContext,
  service: PhotoService,
  bytes: Uint8Array,
): Promise<{ photo: Photo; created: boolean }> {
  if (bytes.byteLength > service.limits.maxBytes)
    throw problem('payloadTooLarge', `A photo may be at most ${service.limits.maxBytes} bytes.`)
  if (bytes.byteLength === 0)
    throw problem('validation', 'The file is empty.', { errors: [{ pointer: '/file', message: 'empty' }] })
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const existing = await findRow(ctx, 'sha256', sha256)
  if (existing) return { photo: photoOf(existing), created: false }
  const processed = await service.run(() => processPhoto(bytes, service.limits))
  const id = newId('pho')
  const tenantId = ctx.tenant.id
  const written: PhotoKey[] = []
  try {
    for (const r of processed.renditions) {
      const key = photoKey(tenantId, id, r.width, r.format)
      await service.storage.put(key, r.data, PHOTO_CONTENT_TYPES[r.format])
      written.push(key)
    }
    const photo = await ctx.transaction(async (tx) => {
      const row: PhotoRow = {
        id,
        width: processed.width,
        height: processed.height,
        bytes: bytes.byteLength,
        source_format: processed.sourceFormat,
        uploaded_by: tx.actor ? `${tx.actor.kind}:${tx.actor.id}` : 'system',
        created_at: tx.now().toISOString(),
      }
      await tx.db.$client.execute({
        sql: `INSERT INTO ${PHOTOS_TABLE} (id, sha256, width, height, bytes, source_format, uploaded_by, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [id, sha256, row.width, row.height, row.bytes, row.source_format, row.uploaded_by, row.created_at],
      })
      const photo = photoOf(row)
      const { urls: _urls, ...audited } = photo
      await tx.audit({ action: 'create', entity: 'cerdas.photo', entityId: id, after: audited })
      return photo
    })
    return { photo, created: true }
  } catch (error) {
    // Files of a photo that was never recorded would be unreachable: take them away again.
    await service.storage.delete(written).catch(() => {})
    throw error
  }
}

/** The records that show a photo: `module.entity` and id, for every entity with a photos field. */
export async function photoUsers(
  ctx: TenantContext,
  modules: readonly AnyModule[],
  id: string,
): Promise<{ entity: string; id: string }[]> {
  const users: { entity: string; id: string }[] = []
  for (const mod of modules) {
    if (!ctx.tenant.modules[mod.id]) continue
    for (const entity of mod.entities ?? []) {
      const d = entity.declaration
      for (const [name, f] of Object.entries(d.fields as FieldMap)) {
        if (f.kind !== 'photos') continue
        const column = f.column ?? name.replace(/[A-Z]/g, (c: string) => `_${c.toLowerCase()}`)
        const found = await ctx.db.$client.execute({
          sql: `SELECT id FROM ${d.table} WHERE EXISTS (SELECT 1 FROM json_each(${column}) WHERE json_extract(json_each.value, '$.id') = ?) LIMIT 20`,
          args: [id],
        })
        for (const row of found.rows) users.push({ entity: `${d.module}.${d.name}`, id: String(row.id) })
      }
    }
  }
  return users
}

/**
 * Deletes a photo no record shows any more (409 naming the records that still do): its row and
 * audit entry in one transaction, then its files.
 */
export async function deletePhoto(
  ctx: TenantContext,
  service: PhotoService,
  modules: readonly AnyModule[],
  id: string,
): Promise<void> {
  const photo = await getPhoto(ctx, id)
  const users = await photoUsers(ctx, modules, photo.id)
  if (users.length > 0)
    throw problem(
      'conflict',
      `The photo is still shown by ${users.map((u) => `${u.entity} ${u.id}`).join(', ')}: remove it there first.`,
    )
  await ctx.transaction(async (tx) => {
    await tx.db.$client.execute({ sql: `DELETE FROM ${PHOTOS_TABLE} WHERE id = ?`, args: [photo.id] })
    const { urls: _urls, ...audited } = photo
    await tx.audit({ action: 'delete', entity: 'cerdas.photo', entityId: photo.id, before: audited })
  })
  await service.storage.delete(keysOf(ctx.tenant.id, photo.id, photo.width))
}
