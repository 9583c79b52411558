import type { ServerResponse } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'

// Releases waiting for the end of the handlers of a request served without a Node response.
const atEnd = new WeakMap<Request, Array<() => void>>()

/**
 * Ties `release` to the end of the request: under the Node server, when the
 * response has been sent (a streamed body too) or the connection dropped.
 * Without a Node response (`app.request` in tests) there is no such signal:
 * then the returned function releases, to be called once the handlers are
 * done, and {@link releaseAtRequestEnd} calls it too where installed.
 * @example const done = releaseWhenResponded(c, lease.release); await next().finally(done)
 */
export function releaseWhenResponded(c: Context, release: () => void): () => void {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing
  if (outgoing && typeof outgoing.once === 'function') {
    if (outgoing.closed) release()
    else outgoing.once('close', release)
    return () => {}
  }
  atEnd.get(c.req.raw)?.push(release)
  return release
}

/** Middleware calling, when the handlers are done, the releases no Node response could carry. */
export function releaseAtRequestEnd(): MiddlewareHandler {
  return async (c, next) => {
    const pending: Array<() => void> = []
    atEnd.set(c.req.raw, pending)
    try {
      await next()
    } finally {
      for (const release of pending) release()
    }
  }
}
