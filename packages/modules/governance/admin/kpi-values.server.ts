import { findIndicator, isProblemError, type Locale } from '@cerdas/core'
import { type AdminScreen, adminScreen, formatInstant, pickText } from '@cerdas/core/web'
import { parseNumber } from '@cerdas/platform'
import { KPI_DIRECTION_LABELS, type Kpi, type KpiDirection, kpi, kpiValuesPath } from '../src/kpi'
import {
  KPI_FREQUENCY_LABELS,
  type KpiFrequency,
  PERIOD_EXAMPLES,
  periodAt,
  previousPeriod,
  yearOfPeriod,
} from '../src/kpi-periods'
import { type KpiActual, kpiSeriesOne, recordKpiValue } from '../src/kpi-values'
import { DIMENSION_LABELS } from '../src/team-member'
import { type KpiValuesMessageKey, kpiNoticeText, kpiValuesT } from './kpi-values-messages'

/** The fields of the form, as posted. */
export const VALUE_FIELDS = ['period', 'value', 'source', 'note'] as const
export type ValueField = (typeof VALUE_FIELDS)[number]

/** What a refused form gives back: what was typed and the errors next to the fields. */
export interface ValueAnswer {
  values: Record<ValueField, string>
  errors: Partial<Record<ValueField, string>>
  formError: string | null
}

/** Years of periods offered before the current one, besides the baseline's and those recorded. */
const YEARS_BACK = 5

/** The console screen of KPIs: every team opens it; a KPI of another team is not found. */
export function kpiScreen(context: unknown, request: Request): AdminScreen {
  return adminScreen(context, request, { module: 'governance', entity: 'kpi' })
}

/** The KPI if the person may open it: the console's get answers 404 for another team's (ADR 0117). */
export async function kpiOr404(screen: AdminScreen, id: string): Promise<Kpi> {
  try {
    return (await screen.entity.get(screen.ctx, id)) as Kpi
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 404) throw new Response('Not found', { status: 404 })
    throw error
  }
}

/** Whether the person records this KPI's values: the same check as the API route's. */
export const mayRecord = (screen: AdminScreen, k: Kpi) =>
  screen.can('update') && kpi.permits(screen.ctx, 'update', k as unknown as Record<string, unknown>)

/** `2025`, `Semester 1 2025`, `Triwulan 3 2025`, `Juli 2025`, in the page's language. */
export function periodLabel(period: string, locale: Locale): string {
  const t = kpiValuesT(locale)
  const year = period.slice(0, 4)
  const rest = period.slice(5)
  if (rest === '') return year
  if (rest.startsWith('S')) return t('semester', { n: rest.slice(1), year })
  if (rest.startsWith('Q')) return t('quarter', { n: rest.slice(1), year })
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${period}-01T00:00:00Z`))
}

const numberText = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 4 }).format(value)

/** The periods a value may be recorded for, newest first: from the earliest of interest up to the current one. */
function periodChoices(k: Kpi, current: string, recorded: readonly string[]): string[] {
  const frequency = k.frequency as KpiFrequency
  const earliest = Math.min(yearOfPeriod(current) - YEARS_BACK, k.baselineYear ?? Number.POSITIVE_INFINITY)
  const periods: string[] = []
  for (let p = current; yearOfPeriod(p) >= earliest; p = previousPeriod(frequency, p)) periods.push(p)
  const older = recorded.filter((p) => !periods.includes(p))
  return [...periods, ...older.sort().reverse()]
}

type Revision = Pick<KpiActual, 'value' | 'source' | 'note' | 'recordedAt' | 'recordedBy'>

/** Everything the screen shows of a KPI, its values and their history, in the page's language. */
export async function kpiValuesPage(screen: AdminScreen, k: Kpi, request: Request) {
  const { ctx, locale } = screen
  const t = kpiValuesT(locale)
  const series = await kpiSeriesOne(ctx, k.id, { recorders: true })
  const frequency = k.frequency as KpiFrequency
  const current = periodAt(frequency, ctx.now(), ctx.tenant.timezone)
  const revision = (r: Revision) => {
    const when = formatInstant(r.recordedAt, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'short' })
    return {
      value: numberText(r.value, locale),
      source: r.source,
      note: r.note,
      recordedAt: r.recordedAt,
      recorded: r.recordedBy ? t('recordedBy', { when, who: r.recordedBy }) : t('recordedBySystem', { when }),
    }
  }
  const indicator = k.computedFrom ? findIndicator(ctx, k.computedFrom) : undefined
  const { key, headers } = screen.takeNotice(request)
  const choices = periodChoices(
    k,
    current,
    series.actuals.map((a) => a.period),
  )
  return {
    data: {
      kpi: {
        id: k.id,
        name: pickText(k.name, locale),
        unit: k.unit,
        dimension: pickText(DIMENSION_LABELS[k.dimension as keyof typeof DIMENSION_LABELS], locale),
        frequency: pickText(KPI_FREQUENCY_LABELS[frequency], locale),
        direction: pickText(KPI_DIRECTION_LABELS[k.direction as KpiDirection], locale),
        baseline: series.baseline
          ? series.baseline.year
            ? t('baselineIn', { value: numberText(series.baseline.value, locale), year: series.baseline.year })
            : numberText(series.baseline.value, locale)
          : null,
        targets: [...k.targets]
          .sort((a, b) => a.year - b.year)
          .map((target) => ({ year: target.year, value: numberText(target.value, locale) })),
      },
      kpiPath: `${screen.path}/${encodeURIComponent(k.id)}`,
      computed: k.computedFrom
        ? {
            indicator: indicator
              ? `${pickText(indicator.indicator.title, locale)} (${pickText(indicator.moduleTitle, locale)})`
              : null,
            current: series.current
              ? {
                  period: periodLabel(series.current.period, locale),
                  value: series.current.value === null ? null : numberText(series.current.value, locale),
                }
              : null,
          }
        : null,
      // Newest period first: the one a team looks at and corrects.
      actuals: [...series.actuals].reverse().map((a) => ({
        period: a.period,
        periodLabel: periodLabel(a.period, locale),
        target: a.target === null ? null : numberText(a.target, locale),
        ...revision(a),
        history: a.history.map(revision),
      })),
      periods: choices.map((p) => ({ value: p, label: periodLabel(p, locale) })),
      // The last finished period: the one whose figure is usually known.
      defaultPeriod: choices.includes(previousPeriod(frequency, current))
        ? previousPeriod(frequency, current)
        : current,
      canRecord: mayRecord(screen, k) && !k.computedFrom,
      notice: kpiNoticeText(key, locale),
    },
    headers,
  }
}

const formText = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

/** The module's refusal of a period, in the screen's words. */
function periodError(message: string, k: Kpi, locale: Locale): string {
  const t = kpiValuesT(locale)
  if (message.includes('not begun')) return t('periodFuture')
  const frequency = k.frequency as KpiFrequency
  return t('periodInvalid', {
    frequency: pickText(KPI_FREQUENCY_LABELS[frequency], locale).toLowerCase(),
    example: PERIOD_EXAMPLES[frequency],
  })
}

/**
 * Records the posted value through the module's own function (the API route's): 403 for a person
 * who may not, the form refused with a reason for a computed KPI, errors next to the fields.
 */
export async function recordFromForm(
  screen: AdminScreen,
  k: Kpi,
  form: FormData,
): Promise<{ ok: true } | { ok: false; status: number; answer: ValueAnswer }> {
  const { ctx, locale } = screen
  const t = kpiValuesT(locale)
  if (!mayRecord(screen, k)) throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  const values = Object.fromEntries(VALUE_FIELDS.map((name) => [name, formText(form, name)])) as Record<
    ValueField,
    string
  >
  const refuse = (status: number, errors: ValueAnswer['errors'], formError: string | null = null) =>
    ({ ok: false, status, answer: { values, errors, formError } }) as const
  // The daily job records a computed KPI's finished periods; a hand-typed value would stop it.
  if (k.computedFrom) return refuse(409, {}, t('computedRefused'))
  const errors: ValueAnswer['errors'] = {}
  const error = (name: ValueField, key: KpiValuesMessageKey) => {
    errors[name] ??= t(key)
  }
  const value = parseNumber(values.value, false)
  if (!values.period) error('period', 'periodRequired')
  if (!values.value) error('value', 'valueRequired')
  else if (value === undefined || !Number.isFinite(value)) error('value', 'valueInvalid')
  if (values.source.length > 300) error('source', 'sourceTooLong')
  if (values.note.length > 1000) error('note', 'noteTooLong')
  if (Object.keys(errors).length > 0) return refuse(422, errors)
  try {
    await recordKpiValue(ctx, k.id, {
      period: values.period,
      value: value as number,
      ...(values.source ? { source: values.source } : {}),
      ...(values.note ? { note: values.note } : {}),
    })
  } catch (thrown) {
    if (!isProblemError(thrown) || thrown.problem.status >= 500) throw thrown
    const p = thrown.problem
    if (p.status === 403) return refuse(403, {}, t('forbidden'))
    const period = p.errors?.find((e) => e.pointer === '/period')
    if (period) return refuse(p.status, { period: periodError(period.message, k, locale) })
    return refuse(p.status, {}, p.detail ?? p.title)
  }
  return { ok: true }
}

export { kpiValuesPath }
