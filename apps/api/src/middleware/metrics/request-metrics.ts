import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { Counter, Histogram, MetricsRegistry } from './registry'

/** Requests that reached no route of their own (a 404 from the fallback) share one label. */
export const UNMATCHED_ROUTE = 'unmatched'

interface RequestMetrics {
  requests: Counter
  duration: Histogram
}

// Both apps of one server (API and pages) record into the same two families of a registry.
const families = new WeakMap<MetricsRegistry, RequestMetrics>()

function requestMetricsOf(registry: MetricsRegistry): RequestMetrics {
  let found = families.get(registry)
  if (!found) {
    found = {
      requests: registry.counter(
        'cerdas_http_requests_total',
        'Requests answered, by route pattern (API) or page route id, method and status.',
      ),
      duration: registry.histogram(
        'cerdas_http_request_duration_seconds',
        'Time from a request to its response headers, by route, method and status.',
      ),
    }
    families.set(registry, found)
  }
  return found
}

/**
 * The route pattern a request addressed (`/api/v1/services/:id`), never the raw path, so the
 * label set stays bounded. It is the pattern even when middleware refused the request before
 * the route ran (a 401); a path that only wildcard middleware matched has no route.
 */
export function apiRouteOf(c: Context): string {
  const route = matchedRoutes(c).findLast((r) => !r.path.includes('*'))
  return route?.path ?? UNMATCHED_ROUTE
}

// Methods outside these would each make a series of their own.
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Counts every request and its latency by route, method and status.
 * @example app.use('*', requestMetrics(registry, apiRouteOf))
 */
export function requestMetrics(registry: MetricsRegistry, routeOf: (c: Context) => string): MiddlewareHandler {
  const { requests, duration } = requestMetricsOf(registry)
  return async (c, next) => {
    const started = performance.now()
    let answered = false
    try {
      await next()
      answered = true
    } finally {
      const labels = {
        route: routeOf(c),
        method: KNOWN_METHODS.has(c.req.method) ? c.req.method : 'OTHER',
        // An error that escaped every handler leaves no response of its own: the server answers 500.
        status: answered ? String(c.res.status) : '500',
      }
      requests.inc(labels)
      duration.observe(labels, (performance.now() - started) / 1000)
    }
  }
}
