import type { ReadCache } from '@cerdas/platform'
import type { Collector } from '../metrics'

/**
 * The read cache's figures for /metrics: hits, misses, 304s, what it holds and what it dropped.
 * @example registry.addCollector(readCacheCollector(platform.readCache))
 */
export function readCacheCollector(cache: ReadCache): Collector {
  return () => {
    const stats = cache.stats()
    return [
      {
        name: 'cerdas_read_cache_requests_total',
        help: 'Public reads looked up in the read cache, by result',
        type: 'counter',
        values: [
          { labels: { result: 'hit' }, value: stats.hits },
          { labels: { result: 'miss' }, value: stats.misses },
        ],
      },
      {
        name: 'cerdas_read_cache_not_modified_total',
        help: 'Cached answers sent as 304 Not Modified',
        type: 'counter',
        values: [{ value: stats.notModified }],
      },
      {
        name: 'cerdas_read_cache_dropped_total',
        help: 'Responses dropped from the read cache: evicted for room, or expired by a write or a schedule change',
        type: 'counter',
        values: [
          { labels: { reason: 'evicted' }, value: stats.evictions },
          { labels: { reason: 'expired' }, value: stats.expired },
        ],
      },
      { name: 'cerdas_read_cache_entries', help: 'Responses held', type: 'gauge', values: [{ value: stats.entries }] },
      {
        name: 'cerdas_read_cache_bytes',
        help: 'Bytes held by the read cache',
        type: 'gauge',
        values: [{ value: stats.bytes }],
      },
    ]
  }
}
