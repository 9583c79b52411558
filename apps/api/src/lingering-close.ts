import { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

type Fetch<Env> = (request: Request, env: Env) => Response | Promise<Response>

export interface LingerBounds {
  /** The most request bytes read and thrown away after an early answer. */
  maxBytes: number
  /** The longest a connection stays open after an early answer. */
  maxMs: number
}

/** nginx lingers 30 s; a few seconds and 64 MiB let an ordinary upload finish on a slow line. */
export const DEFAULT_LINGER: LingerBounds = { maxBytes: 64 * 1024 * 1024, maxMs: 10_000 }

const lingering = new WeakSet<Socket>()

/** Whether the request declared a body that the handler did not read to its end. */
function unreadBody(incoming: IncomingMessage): boolean {
  const declared =
    incoming.headers['transfer-encoding'] !== undefined ||
    (incoming.headers['content-length'] !== undefined && incoming.headers['content-length'] !== '0')
  return declared && !incoming.readableEnded
}

/**
 * Reads and discards what the client still sends, then closes; past the bounds it closes anyway.
 * Closing at once would make the kernel reset the connection while the client is still writing,
 * and the client would see the reset instead of the answer.
 */
function lingerThenClose(incoming: IncomingMessage, socket: Socket, bounds: LingerBounds): void {
  let bytes = 0
  const close = () => {
    clearTimeout(timer)
    socket.destroy()
  }
  const timer = setTimeout(close, bounds.maxMs)
  timer.unref()
  socket.once('close', () => clearTimeout(timer))
  incoming.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (bytes > bounds.maxBytes) close()
  })
  incoming.once('end', close)
  incoming.once('error', close)
  // A body stream that was opened and left paused would otherwise hold the data back.
  incoming.removeAllListeners('readable')
  incoming.resume()
  if (incoming.readableEnded) close()
}

/**
 * Wraps a server's fetch so that an answer given before the request body was read (a 413, a 401,
 * a 415) also closes the connection: `Connection: close` tells the client not to send its next
 * request on it, and the rest of the refused body is drained (bounded) before the socket closes.
 * Without this the client's next request on that keep-alive socket is reset, and behind a proxy
 * that pools connections it would be another visitor's request.
 * @example serve({ fetch: closeAfterUnreadBody(app.fetch), port })
 */
export function closeAfterUnreadBody<Env>(fetch: Fetch<Env>, bounds: LingerBounds = DEFAULT_LINGER): Fetch<Env> {
  return async (request, env) => {
    const response = await fetch(request, env)
    // @hono/node-server passes the Node request as `env.incoming` (HTTP/2 streams close on their own).
    const incoming = (env as { incoming?: unknown } | undefined)?.incoming
    if (!(incoming instanceof IncomingMessage) || !unreadBody(incoming)) return response
    const socket = incoming.socket
    if (!lingering.has(socket)) {
      lingering.add(socket)
      // Node ends a `Connection: close` answer with destroySoon(), which would close before the drain
      // (and @hono/node-server calls it again when its own short drain gives up).
      let closing = false
      socket.destroySoon = () => {
        if (closing) return
        closing = true
        if (socket.writable) socket.end()
        lingerThenClose(incoming, socket, bounds)
      }
    }
    const headers = new Headers(response.headers)
    headers.set('Connection', 'close')
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
