import type { IndicatorPeriod, LocalizedText } from '@cerdas/core'
import { DAY_MS, dayNumber, localDateOf, localMsToUtc } from '@cerdas/schedules'

export const KPI_FREQUENCIES = ['annual', 'semester', 'quarterly', 'monthly'] as const
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number]

export const KPI_FREQUENCY_LABELS: Record<KpiFrequency, LocalizedText> = {
  annual: { id: 'Tahunan', en: 'Annual' },
  semester: { id: 'Semesteran', en: 'Half-yearly' },
  quarterly: { id: 'Triwulanan', en: 'Quarterly' },
  monthly: { id: 'Bulanan', en: 'Monthly' },
}

/** How a period of each frequency is written: `2025`, `2025-S1`, `2025-Q3`, `2025-07`. */
export const PERIOD_PATTERNS: Record<KpiFrequency, RegExp> = {
  annual: /^(19|20|21)\d\d$/,
  semester: /^(19|20|21)\d\d-S[12]$/,
  quarterly: /^(19|20|21)\d\d-Q[1-4]$/,
  monthly: /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/,
}

export const PERIOD_EXAMPLES: Record<KpiFrequency, string> = {
  annual: '2025',
  semester: '2025-S1',
  quarterly: '2025-Q3',
  monthly: '2025-07',
}

/** The frequency whose periods look like this one; undefined for anything else. */
export function frequencyOfPeriod(period: string): KpiFrequency | undefined {
  return KPI_FREQUENCIES.find((f) => PERIOD_PATTERNS[f].test(period))
}

const pad = (n: number) => String(n).padStart(2, '0')

/** First month (1-12) and length in months of a period. */
function monthsOf(period: string): { year: number; first: number; months: number } {
  const year = Number(period.slice(0, 4))
  const rest = period.slice(5)
  if (rest === '') return { year, first: 1, months: 12 }
  if (rest.startsWith('S')) return { year, first: rest === 'S1' ? 1 : 7, months: 6 }
  if (rest.startsWith('Q')) return { year, first: (Number(rest.slice(1)) - 1) * 3 + 1, months: 3 }
  return { year, first: Number(rest), months: 1 }
}

/** The local dates a period covers: its first day and the day after its last. */
export function periodDays(period: string): { first: string; next: string } {
  const { year, first, months } = monthsOf(period)
  const end = first - 1 + months
  const nextYear = year + Math.floor(end / 12)
  return { first: `${year}-${pad(first)}-01`, next: `${nextYear}-${pad((end % 12) + 1)}-01` }
}

/** The period as UTC instants in the tenant's zone, as module indicators take it. */
export function periodInstants(period: string, zone: string): IndicatorPeriod {
  const { first, next } = periodDays(period)
  const at = (day: string) => new Date(localMsToUtc(zone, dayNumber(day) * DAY_MS)).toISOString()
  return { from: at(first), to: at(next) }
}

/** The period of a frequency holding an instant, in the tenant's zone. */
export function periodAt(frequency: KpiFrequency, at: Date, zone: string): string {
  const today = localDateOf(at, zone)
  const year = today.slice(0, 4)
  const month = Number(today.slice(5, 7))
  switch (frequency) {
    case 'annual':
      return year
    case 'semester':
      return `${year}-S${month <= 6 ? 1 : 2}`
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`
    case 'monthly':
      return `${year}-${pad(month)}`
  }
}

/** The period before one of the same frequency (`2025-Q1` → `2024-Q4`). */
export function previousPeriod(frequency: KpiFrequency, period: string): string {
  const { year, first } = monthsOf(period)
  // The month before the period's first, and the period holding it.
  const month = first === 1 ? 12 : first - 1
  const y = first === 1 ? year - 1 : year
  const at = `${y}-${pad(month)}`
  switch (frequency) {
    case 'annual':
      return String(y)
    case 'semester':
      return `${y}-S${month <= 6 ? 1 : 2}`
    case 'quarterly':
      return `${y}-Q${Math.ceil(month / 3)}`
    case 'monthly':
      return at
  }
}

/** The year of a period, to set it against that year's target. */
export const yearOfPeriod = (period: string) => Number(period.slice(0, 4))
