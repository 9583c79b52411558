import { z } from 'zod'

export type Labels = Readonly<Record<string, string>>

/** One metric family a collector reports at scrape time: gauges and counters only. */
export interface CollectedMetric {
  name: string
  help: string
  type: 'gauge' | 'counter'
  values: ReadonlyArray<{ labels?: Labels; value: number }>
}

/** Reads figures that live elsewhere (open databases, cache hits) when Prometheus scrapes. */
export type Collector = () => readonly CollectedMetric[] | Promise<readonly CollectedMetric[]>

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/

// A collector is code of another package: what it hands back is checked before it reaches the text.
const collectedSchema = z.array(
  z.object({
    name: z.string().regex(METRIC_NAME),
    help: z.string(),
    type: z.enum(['gauge', 'counter']),
    values: z.array(
      z.object({
        labels: z.record(z.string().regex(LABEL_NAME), z.string()).optional(),
        value: z.number(),
      }),
    ),
  }),
)

/** Seconds: from a quick cached read to a slow page under load. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

interface HistogramSeries {
  labels: Labels
  counts: number[]
  sum: number
  count: number
}

export interface Counter {
  inc(labels: Labels, by?: number): void
}

export interface Histogram {
  observe(labels: Labels, value: number): void
}

export interface MetricsRegistry {
  counter(name: string, help: string): Counter
  histogram(name: string, help: string, buckets?: readonly number[]): Histogram
  /** Adds figures read at each scrape; a collector that throws is skipped and counted. */
  addCollector(collector: Collector): void
  /** Everything in the Prometheus text exposition format (version 0.0.4). */
  render(): Promise<string>
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
const escapeHelp = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')

function labelText(labels: Labels | undefined, extra?: [string, string]): string {
  const pairs = Object.entries(labels ?? {})
  if (extra) pairs.push(extra)
  if (pairs.length === 0) return ''
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return '+Inf'
  if (value === Number.NEGATIVE_INFINITY) return '-Inf'
  return String(value)
}

// Series are keyed by their label values in a fixed order, so {a,b} and {b,a} are one series.
const seriesKey = (labels: Labels) =>
  JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  )

function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`
}

/**
 * A small Prometheus registry: counters and histograms kept in memory by label set, plus
 * collectors read at scrape time. Label values must come from a bounded set (route patterns,
 * not raw paths), or the series grow without end.
 * @example
 * const metrics = createMetricsRegistry()
 * metrics.counter('jobs_total', 'Jobs done.').inc({ kind: 'mail' })
 * metrics.addCollector(() => [{ name: 'open_dbs', help: 'Open databases.', type: 'gauge', values: [{ value: 3 }] }])
 */
export function createMetricsRegistry(): MetricsRegistry {
  const renderers: Array<() => string> = []
  const collectors: Collector[] = []
  const names = new Set<string>()
  let collectorErrors = 0

  const claim = (name: string) => {
    if (!METRIC_NAME.test(name)) throw new Error(`Not a Prometheus metric name: ${name}`)
    if (names.has(name)) throw new Error(`Metric ${name} is registered twice`)
    names.add(name)
  }

  return {
    counter(name, help) {
      claim(name)
      const series = new Map<string, { labels: Labels; value: number }>()
      renderers.push(() => {
        let text = header(name, help, 'counter')
        for (const s of series.values()) text += `${name}${labelText(s.labels)} ${numberText(s.value)}\n`
        return text
      })
      return {
        inc(labels, by = 1) {
          const key = seriesKey(labels)
          const found = series.get(key)
          if (found) found.value += by
          else series.set(key, { labels: { ...labels }, value: by })
        },
      }
    },

    histogram(name, help, buckets = LATENCY_BUCKETS) {
      claim(name)
      const bounds = [...buckets].sort((a, b) => a - b)
      const series = new Map<string, HistogramSeries>()
      renderers.push(() => {
        let text = header(name, help, 'histogram')
        for (const s of series.values()) {
          // Prometheus buckets are cumulative: each counts every observation up to its bound.
          let cumulative = 0
          bounds.forEach((bound, i) => {
            cumulative += s.counts[i] ?? 0
            text += `${name}_bucket${labelText(s.labels, ['le', numberText(bound)])} ${cumulative}\n`
          })
          text += `${name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.count}\n`
          text += `${name}_sum${labelText(s.labels)} ${numberText(s.sum)}\n`
          text += `${name}_count${labelText(s.labels)} ${s.count}\n`
        }
        return text
      })
      return {
        observe(labels, value) {
          const key = seriesKey(labels)
          let s = series.get(key)
          if (!s) {
            s = { labels: { ...labels }, counts: bounds.map(() => 0), sum: 0, count: 0 }
            series.set(key, s)
          }
          const at = bounds.findIndex((bound) => value <= bound)
          if (at !== -1) s.counts[at] = (s.counts[at] ?? 0) + 1
          s.sum += value
          s.count += 1
        },
      }
    },

    addCollector(collector) {
      collectors.push(collector)
    },

    async render() {
      let text = renderers.map((r) => r()).join('')
      const seen = new Set(names)
      for (const collector of collectors) {
        let collected: z.infer<typeof collectedSchema>
        try {
          collected = collectedSchema.parse(await collector())
        } catch {
          collectorErrors += 1
          continue
        }
        for (const metric of collected) {
          // A family already printed would make the exposition invalid: the first one wins.
          if (seen.has(metric.name)) continue
          seen.add(metric.name)
          text += header(metric.name, metric.help, metric.type)
          for (const v of metric.values) text += `${metric.name}${labelText(v.labels)} ${numberText(v.value)}\n`
        }
      }
      text += header('cerdas_metrics_collector_errors_total', 'Collectors that failed during a scrape.', 'counter')
      text += `cerdas_metrics_collector_errors_total ${collectorErrors}\n`
      return text
    },
  }
}
