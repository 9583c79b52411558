import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'

/** How often connections that went idle while draining are closed. */
const SWEEP_MS = 50

/**
 * How long a connection that has not sent a request yet is left open while draining. Its request
 * may be waiting, unread, in the socket's buffer (the event loop was busy when it arrived): closing
 * it would reset a request the client has sent, which it could not tell from a lost write.
 */
const NEW_CONNECTION_GRACE_MS = 2000

interface ConnectionState {
  openedAt: number
  /** Requests on it whose response has not finished. */
  active: number
  /** Requests on it answered so far. */
  answered: number
}

export interface DrainableServer {
  /**
   * Stops accepting connections and lets the requests in flight finish: a connection is closed as
   * soon as it has no request running (a new one once it has had a little while to send its
   * first), and whatever is still open after `timeoutMs` is cut. Resolves once no connection is left.
   */
  drain(timeoutMs: number): Promise<void>
}

/**
 * Follows a server's connections from now on, so that it can later be drained without cutting a
 * request off.
 * @example const connections = drainable(server); process.on('SIGTERM', () => connections.drain(10_000))
 */
export function drainable(server: Server): DrainableServer {
  const connections = new Map<Socket, ConnectionState>()
  let draining = false
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { openedAt: performance.now(), active: 0, answered: 0 })
    socket.once('close', () => connections.delete(socket))
  })
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket)
    // A request arriving while draining asks its connection to close after it.
    if (draining && !response.headersSent) response.setHeader('connection', 'close')
    if (!state) return
    state.active++
    response.once('close', () => {
      state.active--
      state.answered++
    })
  })

  const closeIdle = () => {
    const now = performance.now()
    for (const [socket, state] of connections) {
      if (state.active > 0) continue
      if (state.answered > 0 || now - state.openedAt >= NEW_CONNECTION_GRACE_MS) socket.destroy()
    }
  }

  return {
    drain: (timeoutMs) =>
      new Promise((resolve) => {
        draining = true
        const sweep = setInterval(closeIdle, SWEEP_MS)
        const cut = setTimeout(() => server.closeAllConnections(), timeoutMs)
        // net's close, not http's: http's also closes every connection without a request running,
        // including new ones whose request has not been read yet.
        NetServer.prototype.close.call(server, () => {
          clearInterval(sweep)
          clearTimeout(cut)
          resolve()
        })
        closeIdle()
      }),
  }
}
