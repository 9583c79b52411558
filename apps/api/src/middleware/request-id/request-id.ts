import type { MiddlewareHandler } from 'hono'

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Gives every request an id (kept from `X-Request-Id` when it looks safe) and
 * echoes it in the response, so a resident's report of an error can be traced.
 */
export function requestId(): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    // randomUUID draws from a pooled entropy cache: cheaper per request than a fresh random read.
    const id = incoming && SAFE_ID.test(incoming) ? incoming : `req_${crypto.randomUUID()}`
    c.set('requestId', id)
    c.header('X-Request-Id', id)
    await next()
  }
}
