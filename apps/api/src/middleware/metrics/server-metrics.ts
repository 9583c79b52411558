import { processCollector } from './process-collector'
import { createMetricsRegistry, type MetricsRegistry } from './registry'

/**
 * The registry of one server process: its requests (added by the apps that record into it)
 * and the process's own figures. Create one per server and hand it to the API and the pages.
 */
export function createServerMetrics(): MetricsRegistry {
  const registry = createMetricsRegistry()
  registry.addCollector(processCollector())
  return registry
}
