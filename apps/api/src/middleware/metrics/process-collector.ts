import { readdirSync, readFileSync } from 'node:fs'
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks'
import type { CollectedMetric, Collector } from './registry'

// One monitor per process however many apps (tests make many) report it: it samples the loop itself.
let loopDelay: IntervalHistogram | undefined

const NS_PER_SECOND = 1e9

/** Descriptors this process holds; Linux only (elsewhere the figure is left out). */
function openFileDescriptors(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length
  } catch {
    return undefined
  }
}

/** The soft limit on open descriptors, from /proc (Node has no API for it). */
function maxFileDescriptors(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'))
    const soft = Number(line?.split(/\s{2,}/)[1])
    return Number.isFinite(soft) ? soft : undefined
  } catch {
    return undefined
  }
}

const gauge = (name: string, help: string, value: number | undefined): CollectedMetric[] =>
  value === undefined ? [] : [{ name, help, type: 'gauge', values: [{ value }] }]

/**
 * The process as the operating system sees it: memory, CPU time, descriptors, and how long
 * the event loop was held up since the previous scrape (a request that blocks the loop
 * delays every other one, which is what tail latency shows).
 */
export function processCollector(): Collector {
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
  }
  const monitor = loopDelay
  return () => {
    const memory = process.memoryUsage()
    const cpu = process.cpuUsage()
    const delay = (q: number) => (monitor.count > 0 ? monitor.percentile(q) / NS_PER_SECOND : 0)
    const metrics: CollectedMetric[] = [
      {
        name: 'process_cpu_seconds_total',
        help: 'CPU time of the process, user and system.',
        type: 'counter',
        values: [
          { labels: { mode: 'user' }, value: cpu.user / 1e6 },
          { labels: { mode: 'system' }, value: cpu.system / 1e6 },
        ],
      },
      ...gauge('process_resident_memory_bytes', 'Resident memory of the process.', memory.rss),
      {
        name: 'nodejs_heap_bytes',
        help: 'V8 heap, used and total, and memory held outside it (buffers, native).',
        type: 'gauge',
        values: [
          { labels: { kind: 'used' }, value: memory.heapUsed },
          { labels: { kind: 'total' }, value: memory.heapTotal },
          { labels: { kind: 'external' }, value: memory.external },
        ],
      },
      ...gauge('process_open_fds', 'Open file descriptors.', openFileDescriptors()),
      ...gauge('process_max_fds', 'Limit on open file descriptors.', maxFileDescriptors()),
      ...gauge('process_uptime_seconds', 'Seconds since the process started.', process.uptime()),
      {
        name: 'nodejs_eventloop_delay_seconds',
        help: 'Event-loop delay since the previous scrape: percentiles and maximum.',
        type: 'gauge',
        values: [
          { labels: { quantile: '0.5' }, value: delay(50) },
          { labels: { quantile: '0.9' }, value: delay(90) },
          { labels: { quantile: '0.99' }, value: delay(99) },
          { labels: { quantile: '1' }, value: monitor.count > 0 ? monitor.max / NS_PER_SECOND : 0 },
        ],
      },
    ]
    monitor.reset()
    return metrics
  }
}
