import {
  type ApiEnv,
  type ApiKit,
  hasPermission,
  type ModuleRouter,
  permissionCatalog,
  type TenantContext,
} from '@cerdas/core'
import type { Context } from 'hono'
import { reportsSettings } from '../settings'
import { rowById } from '../views'
import { createOpen311Request } from './create-request'
import { discovery } from './discovery'
import { Open311Error } from './errors'
import { listOpen311Requests } from './requests'
import { listOpen311Services, open311ServiceDefinition } from './services'
import { toXml } from './xml'

/** The base path of the GeoReport v2 endpoint (documented in docs/open311.md). */
export const OPEN311_PREFIX = '/open311'
export const OPEN311_BASE = `${OPEN311_PREFIX}/v2`

type Format = 'json' | 'xml'

/** `services.json` → ['services', 'json']; any other suffix is not a GeoReport document. */
function split(file: string): [string, Format] {
  const match = /^(.+)\.(json|xml)$/.exec(file)
  if (!match) throw new Open311Error(404, 'Not found: GeoReport documents end in .json or .xml.')
  return [match[1] as string, match[2] as Format]
}

function send(c: Context, format: Format, root: string, value: unknown, status = 200) {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (format === 'xml') {
    headers['Content-Type'] = 'text/xml; charset=utf-8'
    return c.body(toXml(root, value), status as 200, headers)
  }
  headers['Content-Type'] = 'application/json; charset=utf-8'
  return c.body(JSON.stringify(value), status as 200, headers)
}

/** GeoReport errors: `[{ code, description }]`, the HTTP status as the code, in the asked format. */
function fail(c: Context, format: Format, error: unknown) {
  if (!(error instanceof Open311Error)) throw error
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterSeconds)))
  return send(c, format, 'errors', [{ code: error.status, description: error.description }], error.status)
}

const formatOf = (file: string): Format => (file.endsWith('.xml') ? 'xml' : 'json')

/** A caller whose api_key holds reports.report:create is trusted: no device counter, a higher address limit. */
function mayCreate(ctx: TenantContext): boolean {
  if (!ctx.actor) return false
  const entry = permissionCatalog(ctx.modules).find((p) => p.key === 'reports.report:create')
  return hasPermission(ctx.actor.grants ?? [], entry)
}

function origin(c: Context): string {
  return new URL(c.req.url).origin
}

/**
 * Open311 GeoReport v2 over the reports module: discovery, services, service definitions,
 * requests (GET with filters; POST with an api_key, or anonymous when the tenant allows it) and
 * tokens, each as `.json` or `.xml`.
 */
export function registerOpen311Routes(router: ModuleRouter, kit: ApiKit) {
  const handle =
    (work: (c: Context<ApiEnv>, name: string, format: Format) => Promise<Response>) => async (c: Context<ApiEnv>) => {
      const file = c.req.param('file') ?? ''
      try {
        const [name, format] = split(file)
        return await work(c, name, format)
      } catch (error) {
        return fail(c, formatOf(file), error)
      }
    }

  router.get(
    '/v2/:file',
    handle(async (c, name, format) => {
      const ctx = c.var.ctx
      if (name === 'discovery') return send(c, format, 'discovery', discovery(ctx, origin(c)))
      if (name === 'services') return send(c, format, 'services', await listOpen311Services(ctx))
      if (name === 'requests') {
        const q = c.req.query()
        return send(c, format, 'service_requests', await listOpen311Requests(ctx, q, origin(c)))
      }
      throw new Open311Error(404, `Not found: ${name}.`)
    }),
  )
  router.get(
    '/v2/services/:file',
    handle(async (c, code, format) =>
      send(c, format, 'service_definition', await open311ServiceDefinition(c.var.ctx, code)),
    ),
  )
  router.get(
    '/v2/requests/:file',
    handle(async (c, id, format) => {
      const found = await listOpen311Requests(
        c.var.ctx,
        { service_request_id: id, extensions: c.req.query('extensions') },
        origin(c),
      )
      if (found.length === 0) throw new Open311Error(404, `No service request ${id}.`)
      return send(c, format, 'service_requests', found)
    }),
  )
  router.get(
    '/v2/tokens/:file',
    handle(async (c, token, format) => {
      const row = /^rep_[0-9A-HJKMNP-TV-Z]{26}$/.test(token) ? await rowById(c.var.ctx, token) : null
      if (!row) throw new Open311Error(404, `No token ${token}.`)
      return send(c, format, 'service_requests', [{ service_request_id: row.number, token }])
    }),
  )
  router.post(
    '/v2/:file',
    handle(async (c, name, format) => {
      if (name !== 'requests') throw new Open311Error(404, `Not found: ${name}.`)
      const ctx = c.var.ctx
      const trusted = mayCreate(ctx)
      if (!ctx.actor && !reportsSettings(ctx).allowAnonymousOpen311)
        throw new Open311Error(403, 'An api_key is required to create service requests here.')
      const body = await c.req.parseBody({ all: true }).catch(() => {
        throw new Open311Error(400, 'The form body could not be read.')
      })
      const fields: Record<string, string> = {}
      const media: Uint8Array[] = []
      for (const [key, value] of Object.entries(body)) {
        for (const v of Array.isArray(value) ? value : [value]) {
          if (typeof v === 'string') fields[key] ??= v
          else if (key === 'media' && v instanceof Blob) media.push(new Uint8Array(await v.arrayBuffer()))
        }
      }
      const created = await createOpen311Request(ctx, {
        fields,
        media,
        guard: { ip: kit.clientIp?.(c), device: fields.device_id, trusted, delayTokenExempt: true },
        storePhoto: kit.uploadPhoto
          ? (bytes) => (kit.uploadPhoto as NonNullable<ApiKit['uploadPhoto']>)(ctx, bytes)
          : undefined,
      })
      return send(c, format, 'service_requests', [created], 201)
    }),
  )
}
