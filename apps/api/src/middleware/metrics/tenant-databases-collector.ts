import type { PlatformStats } from '@cerdas/platform'
import type { CollectedMetric, Collector } from './registry'

/**
 * Tenant databases as the connection cache sees them, and the file descriptors they hold: the
 * figures to watch when one process serves hundreds of tenants (an evicted database still held
 * by a request shows as closing until that request ends).
 * @example registry.addCollector(tenantDatabasesCollector(platform))
 */
export function tenantDatabasesCollector(platform: { stats(): PlatformStats }): Collector {
  return () => {
    const stats = platform.stats()
    const metrics: CollectedMetric[] = [
      {
        name: 'cerdas_tenant_databases',
        help: 'Tenant databases open in the connection cache, and evicted ones still held by requests (closing).',
        type: 'gauge',
        values: [
          { labels: { state: 'open' }, value: stats.openTenantDatabases },
          { labels: { state: 'closing' }, value: stats.closingTenantDatabases },
        ],
      },
    ]
    if (stats.tenantDatabaseFileDescriptors !== undefined)
      metrics.push({
        name: 'cerdas_tenant_database_fds',
        help: 'File descriptors held on tenant database files (database, WAL, shared memory).',
        type: 'gauge',
        values: [{ value: stats.tenantDatabaseFileDescriptors }],
      })
    return metrics
  }
}
