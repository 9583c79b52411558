import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi'
import { z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import type { SendModuleMail, UploadModulePhoto } from './module-mail'
import type { TenantContext } from './tenant'

/** Hono environment of every tenant-scoped API route. */
export interface ApiEnv {
  Variables: {
    requestId: string
    /** The tenant context; its `actor` is the authenticated caller or null. */
    ctx: TenantContext
  }
}

export type ModuleRouter = OpenAPIHono<ApiEnv>

/** A route that writes: it names the permission it needs, which also lands in the OpenAPI document. */
export type GuardedRoute = RouteConfig & { 'x-permission': string }

/** What the API app hands a module when it registers its routes. */
export interface ApiKit {
  /** Middleware that answers 401/403 unless the caller holds the permission. */
  requirePermission(permission: string): MiddlewareHandler<ApiEnv>
  /**
   * The route with the permission check of its `x-permission` in front of
   * validation, so an anonymous caller gets 401 whatever body it sends.
   * @example router.openapi(kit.guard(createRoute), handler)
   */
  guard<R extends GuardedRoute>(route: R): R
  /**
   * Stores a photo a caller sent, a resident without an account too: the same size limit,
   * checks, re-encoding (metadata stripped) and audit entry as POST /api/v1/photos. A bad or
   * too large file throws a problem (415, 413). The API app provides it.
   * @example const photo = await kit.uploadPhoto?.(c.var.ctx, new Uint8Array(await file.arrayBuffer()))
   */
  uploadPhoto?: UploadModulePhoto
  /**
   * Sends a plain-text message through the tenant's own mail settings; never throws. The API app
   * provides it.
   * @example const { sent } = (await kit.sendMail?.(ctx, { to, subject: 'Kode Anda', text })) ?? { sent: false }
   */
  sendMail?: SendModuleMail
  /**
   * The caller's address as the API app sees it: X-Forwarded-For only behind a trusted proxy
   * (CERDAS_TRUST_PROXY), else the socket; undefined when unknown (then nothing is counted by it).
   * @example const ip = kit.clientIp?.(c)
   */
  clientIp?: (c: Context) => string | undefined
}

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:cerdas:problem:not-found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem')

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request',
  401: 'Authentication required',
  403: 'Permission denied',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Validation failed',
}

/**
 * OpenAPI response entries for problem+json errors, shared by every route.
 * @example responses: { 200: ok, ...problemResponses(404, 422) }
 */
export function problemResponses(...statuses: number[]) {
  const out: Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }
  > = {}
  for (const status of statuses) {
    out[status] = {
      description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/problem+json': { schema: problemSchema } },
    }
  }
  return out
}

/**
 * Translatable input of at most `max` characters per language: Indonesian
 * required, English optional, nothing else. (Built on the API's zod, so
 * routes can describe it further with `.openapi()`.)
 * @example name: localizedText(300)
 */
export const localizedText = (max: number) =>
  z.strictObject({
    id: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max).optional(),
  })

/** Translatable text as the API answers it. */
export const localizedTextOutput = z.object({ id: z.string(), en: z.string().optional() })

export const MAX_PAGE_SIZE = 100

/** Query parameters of every cursor-paginated list. */
export const cursorQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional().openapi({ description: 'Opaque cursor from the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(20)
    .openapi({ description: `Page size, at most ${MAX_PAGE_SIZE}` }),
})

/** A page of items with the cursor of the next page (null on the last page). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

/** Decodes a cursor; a tampered cursor yields undefined so the route can answer 400. */
export function decodeCursor(cursor: string): (string | number)[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value
  } catch {}
  return undefined
}

/** A record's verification stamp as the API answers it: one OpenAPI component for every module. */
export const verificationOutput = z
  .object({
    verified: z.boolean(),
    verifiedAt: z.string().nullable().openapi({ description: 'When a person last confirmed this record (UTC)' }),
    verifiedBy: z.string().nullable(),
    source: z.string().nullable().openapi({ description: 'Public source the record was checked against' }),
  })
  .openapi('Verification')
