import { createServer, type Server } from 'node:http'
import { type MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from './middleware/metrics'

/**
 * A second listener that serves only `GET /metrics`, on loopback: for a Prometheus agent on
 * the same machine, without a token, and out of reach of the public port and its hosts.
 * @example const server = await listenForMetrics(registry, 9464)
 */
export function listenForMetrics(registry: MetricsRegistry, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    registry.render().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' })
        res.end(req.method === 'HEAD' ? undefined : text)
      },
      () => res.writeHead(500).end(),
    )
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}
