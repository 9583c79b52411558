import { type AnyModule, type ApiEnv, type ApiKit, problem } from '@cerdas/core'
import {
  localPhotoStorage,
  PHOTO_UPLOAD_PATH,
  type PhotoService,
  photoService,
  registerPhotoRoutes,
  uploadPhoto,
} from '@cerdas/photos'
import { flushPendingAuditOf, type Platform, sendModuleMail } from '@cerdas/platform'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createApiKit } from './middleware/auth'
import { createLogger, type Logger, requestLogger } from './middleware/logger'
import {
  apiRouteOf,
  createServerMetrics,
  type MetricsRegistry,
  requestMetrics,
  tenantDatabasesCollector,
} from './middleware/metrics'
import { problemErrorHandler, problemNotFound, validationHook } from './middleware/problem'
import { readCache, readCacheCollector } from './middleware/read-cache'
import { requestId } from './middleware/request-id'
import { securityHeaders } from './middleware/security-headers'
import { tenant } from './middleware/tenant'
import { registerDocs } from './routes/docs'
import { registerHealth } from './routes/health'
import { clientIp, registerAudit, registerAuth, registerTokens, registerUsers } from './routes/identity'
import { registerMailSettings } from './routes/mail-settings'
import { metricsEndpoint } from './routes/metrics'
import { registerOpenData } from './routes/open-data'
import { OPERATOR_TENANTS_PATH, operatorTenantsEndpoint } from './routes/operator-tenants'
import { registerSearch } from './routes/search'
import { registerTenantProfile } from './routes/tenant-profile'

export interface ApiAppOptions {
  platform: Platform
  trustProxy?: boolean
  bodyLimitBytes?: number
  logger?: Logger
  /** Where requests are counted and timed; a server shares one with its pages. */
  metrics?: MetricsRegistry
  /** Photo storage and limits; default: files under the data directory, the default limits. */
  photos?: PhotoService
}

/** What a multipart upload adds around its file (boundaries, part headers). */
const MULTIPART_OVERHEAD = 64 * 1024

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i

/**
 * Methods that carry no body skip the body checks: touching the body of a
 * request makes @hono/node-server build a full Request, which costs reads.
 */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A module route taking a file as its body, matched against requests. */
interface UploadRoute {
  method: string
  pattern: RegExp
  maxBytes: number
}

/** The modules' upload routes (`uploads` in a definition), as full paths under /api/v1. */
function uploadRoutes(modules: readonly AnyModule[]): UploadRoute[] {
  return modules.flatMap((mod) =>
    (mod.uploads ?? []).map((u) => ({
      method: u.method.toUpperCase(),
      pattern: new RegExp(`^/api/v1${u.path.replace(/\{[a-zA-Z]+\}/g, '[^/]+')}$`),
      maxBytes: u.maxBytes,
    })),
  )
}

const uploadOf = (uploads: readonly UploadRoute[], method: string, path: string) =>
  uploads.find((u) => u.method === method && u.pattern.test(path))

/** Bodies of API writes are JSON; anything else is refused before validation. */
const requireJsonBody =
  (uploads: readonly UploadRoute[]): MiddlewareHandler =>
  async (c, next) => {
    if (BODYLESS.has(c.req.method)) return next()
    // Without Content-Length (HTTP/2, chunked, in-process requests) the body stream itself tells.
    const length = c.req.header('content-length')
    const hasBody = length !== undefined ? length !== '0' : c.req.raw.body !== null
    // Photo uploads are multipart, a module's uploads a file: their routes check the type themselves.
    const fileBody = c.req.path === PHOTO_UPLOAD_PATH || uploadOf(uploads, c.req.method, c.req.path)
    if (hasBody && !fileBody && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw problem('unsupportedMediaType', 'Send the body as application/json.')
    }
    await next()
  }

/** Answers 404 for routes of a module the tenant has not enabled. */
function moduleEnabled(moduleId: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!c.var.ctx.tenant.modules[moduleId])
      throw problem('notFound', `This regency does not use the ${moduleId} module.`)
    await next()
  }
}

/**
 * The API: tenant resolution, auth, every module's routes under /api/v1, the
 * OpenAPI 3.1 document and its reference UI. Mounted by the web server; runs
 * standalone too.
 * @example
 * const app = createApiApp({ platform })
 * const res = await app.request('/api/v1/announcements', { headers: { host: 'toba.localhost' } })
 */
export function createApiApp(options: ApiAppOptions): OpenAPIHono<ApiEnv> {
  const { platform } = options
  const log = options.logger ?? createLogger('silent')
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })

  app.onError(problemErrorHandler(log))
  app.notFound(problemNotFound)
  const metrics = options.metrics ?? createServerMetrics()
  metrics.addCollector(readCacheCollector(platform.readCache))
  metrics.addCollector(tenantDatabasesCollector(platform))
  app.use('*', requestMetrics(metrics, apiRouteOf))
  app.use('*', securityHeaders())
  app.use('/api/*', requestId(), requestLogger(log))
  const limitBody = bodyLimit({
    maxSize: options.bodyLimitBytes ?? 1_048_576,
    onError: () => {
      throw problem('payloadTooLarge', `The body may be at most ${options.bodyLimitBytes ?? 1_048_576} bytes.`)
    },
  })
  const photos = options.photos ?? photoService(localPhotoStorage(platform.options.dataDir))
  const photoLimit = photos.limits.maxBytes + MULTIPART_OVERHEAD
  // An upload is counted as it streams and refused as soon as it passes the photo limit.
  const limitPhotoBody = bodyLimit({
    maxSize: photoLimit,
    onError: () => {
      throw problem('payloadTooLarge', `A photo may be at most ${photos.limits.maxBytes} bytes.`)
    },
  })
  const uploads = uploadRoutes(platform.modules)
  // Each module upload is counted as it streams and refused as soon as it passes its own limit.
  const limitUploadBody = new Map(
    uploads.map((u) => [
      u,
      bodyLimit({
        maxSize: u.maxBytes,
        onError: () => {
          throw problem('payloadTooLarge', `The file may be at most ${u.maxBytes} bytes.`)
        },
      }),
    ]),
  )
  app.use('/api/*', (c, next) => {
    if (BODYLESS.has(c.req.method)) return next()
    if (c.req.path === PHOTO_UPLOAD_PATH) return limitPhotoBody(c, next)
    const upload = uploadOf(uploads, c.req.method, c.req.path)
    return upload ? limitUploadBody.get(upload)!(c, next) : limitBody(c, next)
  })
  app.use(
    '/api/v1/*',
    requireJsonBody(uploads),
    readCache({ platform, trustProxy: options.trustProxy ?? false }),
    tenant({ platform, trustProxy: options.trustProxy ?? false }),
  )

  const v1 = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  registerTenantProfile(v1, platform.modules)
  registerSearch(v1)
  registerOpenData(v1, { trustProxy: options.trustProxy ?? false })
  const kit: ApiKit = {
    ...createApiKit(platform.modules),
    // The same path as POST /api/v1/photos, for module routes a resident without an account uses.
    uploadPhoto: async (ctx, bytes) => {
      const { id, width, height } = (await uploadPhoto(ctx, photos, bytes)).photo
      return { id, width, height }
    },
    sendMail: (ctx, message) => sendModuleMail(platform, ctx, message, { log: (msg, fields) => log.warn(msg, fields) }),
    clientIp: (c) => clientIp(c, options.trustProxy ?? false),
  }
  registerAuth(v1, { trustProxy: options.trustProxy ?? false })
  registerUsers(v1, kit, { platform })
  registerTokens(v1, kit)
  registerAudit(v1, kit, platform.modules, {
    flushPending: (tenantId) => flushPendingAuditOf(platform, tenantId),
    verify: (tenantId, db) => platform.verifyAudit(tenantId, db),
  })
  registerMailSettings(v1, kit, platform)
  registerPhotoRoutes(v1, kit, photos, platform.modules)
  for (const mod of platform.modules) mountModule(app, v1, mod, kit)
  app.route('/api/v1', v1)
  for (const mod of platform.modules) {
    if (!mod.http) continue
    const { prefix } = mod.http
    // Forms (urlencoded or multipart, which may carry a photo) and JSON alike: no JSON-only rule.
    app.use(`${prefix}/*`, requestId(), requestLogger(log), (c, next) =>
      BODYLESS.has(c.req.method)
        ? next()
        : /^multipart\//i.test(c.req.header('content-type') ?? '')
          ? limitPhotoBody(c, next)
          : limitBody(c, next),
    )
    app.use(
      `${prefix}/*`,
      tenant({ platform, trustProxy: options.trustProxy ?? false, apiKeyParameter: true }),
      moduleEnabled(mod.id),
    )
    const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
    mod.http.routes(router, kit)
    app.route(prefix, router)
  }

  registerHealth(app, platform, options.trustProxy ?? false)
  app.get('/metrics', metricsEndpoint({ registry: metrics, platform, trustProxy: options.trustProxy ?? false }))
  app.get(OPERATOR_TENANTS_PATH, operatorTenantsEndpoint({ platform, trustProxy: options.trustProxy ?? false }))
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A tenant API token (cerdas_...) or a platform operator token (cerdas_op_...)',
  })
  app.doc31('/api/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Cerdas API',
      version: '1.0.0',
      description:
        'Public-service and tourism information of the regency served at this host. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }))
  registerDocs(app)
  return app
}

function mountModule(app: OpenAPIHono<ApiEnv>, v1: OpenAPIHono<ApiEnv>, mod: AnyModule, kit: ApiKit) {
  if (!mod.api) return
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  mod.api(router, kit)
  for (const path of new Set(router.routes.map((r) => r.path))) app.use(`/api/v1${path}`, moduleEnabled(mod.id))
  v1.route('/', router)
}
