import type { MiddlewareHandler } from 'hono'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/**
 * A JSON-lines logger: one object per line on stdout, easy to ship and query.
 * @example const log = createLogger('info'); log.info('started', { port: 3000 })
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const at =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[lvl] < ORDER[level]) return
      write(JSON.stringify({ level: lvl, time: new Date().toISOString(), msg, ...fields }))
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** Logs one line per request with its id, tenant, status and duration. */
export function requestLogger(
  log: Logger,
): MiddlewareHandler<{ Variables: { requestId: string; tenantSlug?: string } }> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const status = c.res.status
    const fields = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      tenant: c.get('tenantSlug'),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    }
    if (status >= 500) log.error('request', fields)
    else log.info('request', fields)
  }
}
