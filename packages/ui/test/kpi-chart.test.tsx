import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  formatNumber,
  formatQuantity,
  KpiChart,
  type KpiChartProps,
  kpiChartLayout,
  niceTicks,
  ProgressBar,
} from '../src/index'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const svgOf = (html: string) => html.match(/<svg viewBox="0 0 400 260"[\s\S]*?<\/svg>/)?.[0] ?? ''
/** The texts drawn inside one group of the SVG, e.g. the actual values. */
const groupTexts = (html: string, group: string) =>
  [
    ...(html.match(new RegExp(`<g class="${group}">([\\s\\S]*?)</g>(?=<g class|</svg>)`))?.[1] ?? '').matchAll(
      /<text[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => m[1])
const circles = (html: string) =>
  [...html.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))

const waste: KpiChartProps = {
  id: 'kpi-waste',
  title: 'Sampah terangkut',
  unit: '%',
  direction: 'higher',
  baseline: { period: '2021', value: 42 },
  actuals: [
    { period: '2023', value: 55.5 },
    { period: '2022', value: 48 },
    { period: '2024', value: 1234.5 / 20 },
  ],
  targets: [
    { period: '2024', value: 60 },
    { period: '2026', value: 80 },
  ],
  locale: 'id',
}

describe('number formats', () => {
  it('writes Indonesian and English numbers as each language does', () => {
    expect(formatNumber(1234.5, 'id')).toBe('1.234,5')
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5')
    expect(formatNumber(-0, 'id')).toBe('0')
    expect(formatQuantity(87.5, '%', 'id')).toBe('87,5%')
    expect(formatQuantity(12, 'ton/hari', 'en')).toBe('12 ton/hari')
  })
})

describe('niceTicks', () => {
  it('covers the range in round steps and keeps room for flat series', () => {
    expect(niceTicks(0, 80)).toEqual([0, 20, 40, 60, 80])
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(niceTicks(7, 7)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(-3, 0)).toEqual([-3, -2, -1, 0])
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3])
  })
})

describe('KpiChart', () => {
  it('draws actuals, yearly targets and the baseline with their values and an accessible name', () => {
    const html = renderToStaticMarkup(<KpiChart {...waste} />)
    const svg = svgOf(html)
    expect(svg).toContain('role="img"')
    expect(svg).toContain('aria-labelledby="kpi-waste-title kpi-waste-desc"')
    expect(svg).toContain('<title id="kpi-waste-title">Sampah terangkut</title>')
    expect(svg).toMatch(
      /<desc id="kpi-waste-desc">Kondisi awal 42% \(2021\)\. Capaian terakhir 61,7% \(2024\)\. Target 2024: 60%\. Target tahun itu tercapai\. Target 2026: 80%\. Makin tinggi makin baik\.<\/desc>/,
    )
    // Periods in time order along x, the unit on the y axis.
    expect(groupTexts(html, 'kpi-periods')).toEqual(['2022', '2023', '2024', '2026', 'Periode'])
    expect(svg).toContain('Satuan: %')
    expect(groupTexts(html, 'kpi-actuals')).toEqual(['48', '55,5', '61,7'])
    expect(groupTexts(html, 'kpi-targets')).toEqual(['60', '80'])
    expect(groupTexts(html, 'kpi-baseline')).toEqual(['Kondisi awal 42'])
    // A rising series climbs: each later point is drawn higher (smaller y), and further right.
    const points = circles(svg)
    expect(points).toHaveLength(3)
    expect(points[0]?.x).toBeLessThan(points[1]?.x ?? 0)
    expect(points[1]?.y).toBeLessThan(points[0]?.y ?? 0)
    expect(points[2]?.y).toBeLessThan(points[1]?.y ?? 0)
    // One line for actuals (solid), one dashed for targets, one dotted baseline.
    expect(svg).toMatch(/<path d="M[\d. L]+" fill="none" stroke="#0b5d7a" stroke-width="3"><\/path>/)
    expect(svg).toContain('stroke-dasharray="6 4"')
    expect(svg).toContain('stroke-dasharray="2 4"')
    expect(html).not.toContain('<script')
  })

  it('puts the same numbers in a table and a legend that does not rely on colour', () => {
    const html = renderToStaticMarkup(<KpiChart {...waste} />)
    const rows = [...html.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ])
    expect(rows).toEqual([
      ['2021 (kondisi awal)', '42%', '–'],
      ['2022', '48%', '–'],
      ['2023', '55,5%', '–'],
      ['2024', '61,7%', '60%'],
      ['2026', '–', '80%'],
    ])
    const legend = html.match(/<ul class="kpi-legend">([\s\S]*?)<\/ul>/)?.[1] ?? ''
    expect(text(legend).trim()).toBe('Capaian Target Kondisi awal')
    expect(legend).toContain('aria-hidden="true"')
  })

  it('writes English numbers and texts in English', () => {
    const html = renderToStaticMarkup(<KpiChart {...waste} locale="en" unit="t/day" />)
    expect(groupTexts(html, 'kpi-actuals')).toEqual(['48', '55.5', '61.7'])
    expect(html).toContain('Latest actual 61.7 t/day (2024).')
    expect(html).toContain('Unit: t/day')
    expect(html).toContain('Higher is better')
  })

  it('writes a value on the side away from the other series where both meet in a period', () => {
    const html = renderToStaticMarkup(
      <KpiChart
        id="near"
        title="Sampah terangkut"
        unit="%"
        direction="higher"
        actuals={[{ period: '2025', value: 61 }]}
        targets={[{ period: '2025', value: 65 }]}
        locale="id"
      />,
    )
    const y = (group: string) =>
      Number(html.match(new RegExp(`<g class="${group}">[\\s\\S]*?<text x="[\\d.]+" y="([\\d.]+)"`))?.[1])
    const point = circles(svgOf(html))[0]?.y ?? 0
    // The target lies above the actual: its value goes above the diamond, the actual's below the dot.
    expect(y('kpi-actuals')).toBeGreaterThan(point)
    expect(y('kpi-targets')).toBeLessThan(point)
  })

  it('places a single point in the middle without a line', () => {
    const html = renderToStaticMarkup(
      <KpiChart
        id="one"
        title="Aduan selesai"
        unit="%"
        direction="higher"
        actuals={[{ period: '2025', value: 70 }]}
        targets={[]}
        locale="id"
      />,
    )
    const svg = svgOf(html)
    // The middle of the plot (48 to 388), at 70 of a 0-80 scale (216 to 30).
    expect(circles(svg)).toEqual([{ x: 218, y: 53.3 }])
    expect(svg).not.toContain('stroke-width="3"></path>')
    expect(html).not.toContain('kpi-targets')
    expect(html).toContain('Capaian terakhir 70% (2025).')
  })

  it('says when nothing is measured yet and still shows the targets', () => {
    const html = renderToStaticMarkup(
      <KpiChart
        id="none"
        title="Desa dengan internet"
        unit="desa"
        direction="higher"
        baseline={{ period: '2021', value: 12 }}
        actuals={[]}
        targets={[
          { period: '2025', value: 40 },
          { period: '2027', value: 1500 },
        ]}
        locale="id"
      />,
    )
    expect(html).not.toContain('kpi-actuals')
    expect(circles(svgOf(html))).toEqual([])
    expect(html).toContain('Belum ada capaian yang tercatat. Target 2027: 1.500 desa.')
    expect(groupTexts(html, 'kpi-targets')).toEqual(['40', '1.500'])
  })

  it('draws a flat series of zeros on a scale that still has height', () => {
    const layout = kpiChartLayout({
      actuals: [
        { period: '2023', value: 0 },
        { period: '2024', value: 0 },
      ],
      targets: [],
    })
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1])
    // Both at the bottom of the plot, at the same height.
    expect(layout.actuals.map((p) => p.y)).toEqual([216, 216])
    expect(layout.ticks.at(-1)?.y).toBe(30)
  })

  it('puts negative values below a zero line', () => {
    const html = renderToStaticMarkup(
      <KpiChart
        id="neg"
        title="Pertumbuhan kasus"
        unit="%"
        direction="lower"
        actuals={[
          { period: '2023', value: 4 },
          { period: '2024', value: -2.5 },
        ]}
        targets={[{ period: '2024', value: 0 }]}
        locale="id"
      />,
    )
    const layout = kpiChartLayout({
      actuals: [
        { period: '2023', value: 4 },
        { period: '2024', value: -2.5 },
      ],
      targets: [{ period: '2024', value: 0 }],
    })
    const zero = layout.y(0)
    expect(layout.actuals[1]?.y).toBeGreaterThan(zero)
    expect(layout.actuals[0]?.y).toBeLessThan(zero)
    // The zero line is drawn darker than the grid.
    expect(svgOf(html)).toContain(`y1="${zero}" y2="${zero}" stroke="#1b1f23"`)
    expect(groupTexts(html, 'kpi-actuals')).toEqual(['4', '-2,5'])
  })

  it('judges a lower-is-better KPI against its target the other way round', () => {
    const lower = (value: number) =>
      renderToStaticMarkup(
        <KpiChart
          id="low"
          title="Waktu layanan KTP"
          unit="hari"
          direction="lower"
          actuals={[{ period: '2025-Q2', value }]}
          targets={[{ period: '2025', value: 3 }]}
          locale="id"
        />,
      )
    expect(lower(2)).toContain('Capaian terakhir 2 hari (2025-Q2). Target 2025: 3 hari. Target tahun itu tercapai.')
    expect(lower(4)).toContain('Target tahun itu belum tercapai. Makin rendah makin baik.')
    // A year's target sits after its quarters.
    expect(groupTexts(lower(2), 'kpi-periods')).toEqual(['2025-Q2', '2025', 'Periode'])
  })
})

describe('ProgressBar', () => {
  it('shows the percentage as text beside a labelled native progress bar', () => {
    const html = renderToStaticMarkup(<ProgressBar id="prg-1" percent={45.4} locale="id" />)
    expect(html).toContain('<span id="prg-1-label" class="progress-label">Kemajuan</span>')
    expect(html).toContain(
      '<progress max="100" value="45.4" aria-labelledby="prg-1-label" aria-valuetext="45% selesai">',
    )
    expect(text(html)).toContain('45% selesai')
  })

  it('clamps values outside 0 to 100 and names its label in English', () => {
    expect(renderToStaticMarkup(<ProgressBar id="a" percent={140} locale="en" />)).toContain('value="100"')
    const html = renderToStaticMarkup(<ProgressBar id="b" percent={-5} locale="en" label="Done" />)
    expect(html).toContain('value="0"')
    expect(text(html)).toContain('Done 0% done')
  })
})
