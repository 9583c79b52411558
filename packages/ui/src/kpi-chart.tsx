import { type Locale, translator } from '@cerdas/core/web'
import { chartMessages } from './chart-messages'
import { formatNumber, formatQuantity } from './number-format'

/** One value of a KPI at a period: a year (`2025`), a quarter (`2025-Q2`) or a month (`2025-06`). */
export interface KpiPoint {
  period: string
  value: number
}

export interface KpiChartProps {
  /** Unique on the page: the SVG's title and description ids derive from it. */
  id: string
  title: string
  unit: string
  /** Whether a higher or a lower value is better. */
  direction: 'higher' | 'lower'
  baseline?: KpiPoint | null | undefined
  actuals: readonly KpiPoint[]
  /** Targets by year. */
  targets: readonly KpiPoint[]
  locale: Locale
}

// Drawn in viewBox units; the SVG scales to its container's width.
// Narrow enough that its text stays legible scaled down to a phone's width.
const WIDTH = 400
const HEIGHT = 260
const MARGIN = { left: 48, right: 12, top: 30, bottom: 44 }
// Dark enough on white for 3:1 (lines, markers) and 4.5:1 (text); the dashes and marker shapes
// tell the series apart without colour.
export const KPI_COLOURS = {
  actual: '#0b5d7a',
  target: '#8a4b00',
  baseline: '#5b6470',
  grid: '#d8dde3',
  ink: '#1b1f23',
}

/** A year's target belongs at the year's end: after its quarters and months. */
const periodKey = (period: string) => (/^\d{4}$/.test(period) ? `${period}~` : period)
const yearOf = (period: string) => period.slice(0, 4)

/** Tick values 1, 2, 2.5 or 5 × 10ⁿ apart that cover [min, max] in about `count` steps. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  let lo = min
  let hi = max
  if (lo === hi) {
    // One value (often zero): give it room either side that still includes zero.
    if (lo === 0) hi = 1
    else if (lo > 0) lo = 0
    else hi = 0
  }
  const raw = (hi - lo) / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  const first = Math.floor(lo / step) * step
  const ticks: number[] = []
  // Rounded to the step's decimals, so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  for (let v = first; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)))
  while (ticks.length < 2) ticks.push(Number(((ticks.at(-1) ?? 0) + step).toFixed(decimals)))
  return ticks
}

export interface KpiChartLayout {
  periods: string[]
  ticks: { value: number; y: number }[]
  x: (period: string) => number
  y: (value: number) => number
  actuals: { period: string; value: number; x: number; y: number }[]
  targets: { period: string; value: number; x: number; y: number }[]
  baseline: { period: string; value: number; y: number } | null
}

/** Where everything goes: periods in time order along x, a zero-including nice scale along y. */
export function kpiChartLayout(props: Pick<KpiChartProps, 'baseline' | 'actuals' | 'targets'>): KpiChartLayout {
  const periods = [...new Set([...props.actuals, ...props.targets].map((p) => p.period))].sort((a, b) =>
    periodKey(a) < periodKey(b) ? -1 : periodKey(a) > periodKey(b) ? 1 : 0,
  )
  const values = [...props.actuals, ...props.targets, ...(props.baseline ? [props.baseline] : [])].map((p) => p.value)
  // Bars of progress read wrong when the axis starts above zero, so zero is always on it.
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values))
  const lo = ticks[0] as number
  const hi = ticks.at(-1) as number
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const index = new Map(periods.map((p, i) => [p, i]))
  const x = (period: string) => round(MARGIN.left + (plotWidth * ((index.get(period) ?? 0) + 0.5)) / periods.length)
  const y = (value: number) => round(MARGIN.top + plotHeight * (1 - (value - lo) / (hi - lo)))
  const place = (points: readonly KpiPoint[]) =>
    [...points]
      .sort((a, b) => (index.get(a.period) ?? 0) - (index.get(b.period) ?? 0))
      .map((p) => ({ period: p.period, value: p.value, x: x(p.period), y: y(p.value) }))
  return {
    periods,
    ticks: ticks.map((value) => ({ value, y: y(value) })),
    x,
    y,
    actuals: place(props.actuals),
    targets: place(props.targets),
    baseline: props.baseline ? { ...props.baseline, y: y(props.baseline.value) } : null,
  }
}

const round = (n: number) => Math.round(n * 10) / 10
const pathOf = (points: { x: number; y: number }[]) => points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join('')

/** The chart's one-paragraph summary: what a screen reader hears and what a caption can show. */
export function kpiChartSummary(props: KpiChartProps): string {
  const t = translator(chartMessages, props.locale)
  const q = (v: number) => formatQuantity(v, props.unit, props.locale)
  const parts: string[] = []
  if (props.baseline)
    parts.push(
      props.baseline.period
        ? t('baselineAt', { value: q(props.baseline.value), period: props.baseline.period })
        : `${t('baseline')} ${q(props.baseline.value)}.`,
    )
  const latest = kpiChartLayout(props).actuals.at(-1)
  if (latest) {
    parts.push(t('latest', { value: q(latest.value), period: latest.period }))
    const target = props.targets.find((p) => p.period === yearOf(latest.period))
    if (target) {
      parts.push(t('targetAt', { period: target.period, value: q(target.value) }))
      const met = props.direction === 'higher' ? latest.value >= target.value : latest.value <= target.value
      parts.push(t(met ? 'met' : 'notMet'))
    }
  } else parts.push(t('noActuals'))
  const last = [...props.targets].sort((a, b) => (a.period < b.period ? -1 : 1)).at(-1)
  if (last && (!latest || last.period !== yearOf(latest.period)))
    parts.push(t('targetAt', { period: last.period, value: q(last.value) }))
  parts.push(`${t(props.direction === 'higher' ? 'higherBetter' : 'lowerBetter')}.`)
  return parts.join(' ')
}

/**
 * A KPI over time as a server-rendered SVG: actual values as a solid line with round markers,
 * yearly targets dashed with diamonds, the baseline dotted; every value labelled, a summary in
 * the SVG's description and the same numbers in a table below. No script, no chart library.
 * @example <KpiChart id="kpi-1" title="Sampah terangkut" unit="%" direction="higher" actuals={[{ period: '2025', value: 61 }]} targets={[]} locale="id" />
 */
export function KpiChart(props: KpiChartProps) {
  const { id, unit, locale } = props
  const t = translator(chartMessages, locale)
  const layout = kpiChartLayout(props)
  const step = Math.abs((layout.ticks[1]?.value ?? 1) - (layout.ticks[0]?.value ?? 0))
  const tickDigits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2
  const num = (v: number) => formatNumber(v, locale)
  const q = (v: number) => formatQuantity(v, unit, locale)
  const bottom = HEIGHT - MARGIN.bottom
  const zero = layout.ticks.some((tick) => tick.value === 0) && layout.ticks[0]?.value !== 0 ? layout.y(0) : null
  const actualByPeriod = new Map(props.actuals.map((p) => [p.period, p.value]))
  const targetByPeriod = new Map(props.targets.map((p) => [p.period, p.value]))
  const label = { fontSize: 13, fill: KPI_COLOURS.ink, stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' } as const
  // Where a period has both, each value is written on the side away from the other's marker.
  const targetAbove = new Map(
    layout.targets.map((p) => [p.period, p.y < (layout.actuals.find((a) => a.period === p.period)?.y ?? -1)]),
  )
  return (
    <figure className="kpi-chart">
      <figcaption>
        <strong>{props.title}</strong>{' '}
        <span className="muted">
          ({t('unit', { unit })}; {t(props.direction === 'higher' ? 'higherBetter' : 'lowerBetter').toLowerCase()})
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        fontFamily="inherit"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{kpiChartSummary(props)}</desc>
        <text x={8} y={18} fontSize={13} fill={KPI_COLOURS.ink}>
          {t('unit', { unit })}
        </text>
        <g className="kpi-grid">
          {layout.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={tick.y} y2={tick.y} stroke={KPI_COLOURS.grid} />
              <text x={MARGIN.left - 6} y={tick.y + 4} fontSize={12} textAnchor="end" fill={KPI_COLOURS.ink}>
                {formatNumber(tick.value, locale, tickDigits)}
              </text>
            </g>
          ))}
          {zero !== null ? (
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={zero} y2={zero} stroke={KPI_COLOURS.ink} />
          ) : null}
        </g>
        <g className="kpi-periods">
          {layout.periods.map((period) => (
            <text
              key={period}
              x={layout.x(period)}
              y={bottom + 18}
              fontSize={12}
              textAnchor="middle"
              fill={KPI_COLOURS.ink}
            >
              {period}
            </text>
          ))}
          <text
            x={MARGIN.left + (WIDTH - MARGIN.left - MARGIN.right) / 2}
            y={HEIGHT - 6}
            fontSize={12}
            textAnchor="middle"
            fill={KPI_COLOURS.ink}
          >
            {t('period')}
          </text>
        </g>
        {layout.baseline ? (
          <g className="kpi-baseline">
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={layout.baseline.y}
              y2={layout.baseline.y}
              stroke={KPI_COLOURS.baseline}
              strokeWidth={2}
              strokeDasharray="2 4"
            />
            <text x={WIDTH - MARGIN.right} y={layout.baseline.y - 6} textAnchor="end" {...label} fontSize={12}>
              {t('baseline')} {num(layout.baseline.value)}
            </text>
          </g>
        ) : null}
        {layout.targets.length > 0 ? (
          <g className="kpi-targets">
            {layout.targets.length > 1 ? (
              <path
                d={pathOf(layout.targets)}
                fill="none"
                stroke={KPI_COLOURS.target}
                strokeWidth={2}
                strokeDasharray="6 4"
              />
            ) : null}
            {layout.targets.map((p) => (
              <g key={p.period}>
                <path
                  d={`M${p.x} ${round(p.y - 6)}l6 6l-6 6l-6 -6z`}
                  fill="#fff"
                  stroke={KPI_COLOURS.target}
                  strokeWidth={2}
                />
                <text x={p.x} y={round(targetAbove.get(p.period) ? p.y - 10 : p.y + 20)} textAnchor="middle" {...label}>
                  {num(p.value)}
                </text>
              </g>
            ))}
          </g>
        ) : null}
        {layout.actuals.length > 0 ? (
          <g className="kpi-actuals">
            {layout.actuals.length > 1 ? (
              <path d={pathOf(layout.actuals)} fill="none" stroke={KPI_COLOURS.actual} strokeWidth={3} />
            ) : null}
            {layout.actuals.map((p) => (
              <g key={p.period}>
                <circle cx={p.x} cy={p.y} r={5} fill={KPI_COLOURS.actual} />
                <text
                  x={p.x}
                  y={round(targetAbove.get(p.period) ? p.y + 20 : p.y - 10)}
                  textAnchor="middle"
                  {...label}
                  fontWeight={600}
                >
                  {num(p.value)}
                </text>
              </g>
            ))}
          </g>
        ) : null}
      </svg>
      <ul className="kpi-legend">
        <li>
          <LegendSwatch kind="actual" /> {t('actual')}
        </li>
        {props.targets.length > 0 ? (
          <li>
            <LegendSwatch kind="target" /> {t('target')}
          </li>
        ) : null}
        {props.baseline ? (
          <li>
            <LegendSwatch kind="baseline" /> {t('baseline')}
          </li>
        ) : null}
      </ul>
      <details className="kpi-data">
        <summary>
          {t('dataTable')}: {props.title}
        </summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              <th scope="col">{t('actual')}</th>
              <th scope="col">{t('target')}</th>
            </tr>
          </thead>
          <tbody>
            {props.baseline ? (
              <tr>
                <th scope="row">
                  {props.baseline.period ? `${props.baseline.period} (${t('baseline').toLowerCase()})` : t('baseline')}
                </th>
                <td>{q(props.baseline.value)}</td>
                <td>{t('none')}</td>
              </tr>
            ) : null}
            {layout.periods.map((period) => {
              const actual = actualByPeriod.get(period)
              const target = targetByPeriod.get(period)
              return (
                <tr key={period}>
                  <th scope="row">{period}</th>
                  <td>{actual === undefined ? t('none') : q(actual)}</td>
                  <td>{target === undefined ? t('none') : q(target)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

/** A short sample of a series' line and marker, so the legend does not rely on colour. */
function LegendSwatch({ kind }: { kind: 'actual' | 'target' | 'baseline' }) {
  const colour = KPI_COLOURS[kind]
  return (
    <svg viewBox="0 0 32 12" width="32" height="12" aria-hidden="true" focusable="false">
      <line
        x1={0}
        x2={32}
        y1={6}
        y2={6}
        stroke={colour}
        strokeWidth={kind === 'actual' ? 3 : 2}
        strokeDasharray={kind === 'target' ? '6 4' : kind === 'baseline' ? '2 4' : undefined}
      />
      {kind === 'actual' ? <circle cx={16} cy={6} r={4} fill={colour} /> : null}
      {kind === 'target' ? <path d="M16 1l5 5l-5 5l-5 -5z" fill="#fff" stroke={colour} strokeWidth={2} /> : null}
    </svg>
  )
}
