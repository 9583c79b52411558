import type { DimensionId, LocalizedText, TenantContext } from '@cerdas/core'
import { type Locale, pickText, type TenantSite, tenantContext, translator } from '@cerdas/core/web'
import { formatLocalDate, zonedParts } from '@cerdas/ui'
import type { LoaderFunctionArgs } from '@remix-run/node'
import * as governance from '../src/index'
import { smartCityMessages } from './smart-city-messages'
import { dimensionOffers } from './smart-city-offer.server'
import { validity } from './smart-city-validity'
import type { AgendaView, DimensionView, KpiView, PersonView, ProgrammeView, RegulationView } from './smart-city-view'

// The loader lives apart from the page: the module's entry point is server code only.

export const SMART_CITY_PATH = '/kota-cerdas'

type Text = LocalizedText | string | null | undefined
type Row = Record<string, unknown>

/**
 * What the page reads from the module. A part the module does not offer (yet) is left out of
 * the page rather than shown empty: the page never fakes what it cannot read.
 */
interface GovernanceReads {
  currentRegulations?: (ctx: TenantContext) => Promise<Record<'council' | 'team', Row | null>>
  regulationsOf?: (ctx: TenantContext, body: 'council' | 'team') => Promise<Row[]>
  bodyMembers?: (ctx: TenantContext, body: 'council' | 'team') => Promise<Row[]>
  dimensionTeams?: (ctx: TenantContext) => Promise<unknown>
  programmesByDimension?: (ctx: TenantContext) => Promise<unknown>
  kpiSeries?: (ctx: TenantContext, options?: { dimension?: DimensionId }) => Promise<Row[]>
  upcomingAgenda?: (ctx: TenantContext, options: { limit: number }) => Promise<Row[]>
}
const reads = governance as unknown as GovernanceReads

const textOf = (value: Text, locale: Locale): string | null =>
  value == null ? null : typeof value === 'string' ? value : pickText(value, locale)

/** Records grouped by their `dimension`, whether the module answers a list, groups or a record by dimension. */
function byDimension(result: unknown, key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  const add = (dimension: unknown, rows: Row[]) => {
    // A group names its dimension by id or as the dimension itself ({ id, title, summary }).
    const id = String(dimension && typeof dimension === 'object' ? (dimension as Row).id : dimension)
    groups.set(id, [...(groups.get(id) ?? []), ...rows])
  }
  if (Array.isArray(result)) {
    for (const item of result as Row[]) {
      if (Array.isArray(item[key])) add(item.dimension, item[key] as Row[])
      else add(item.dimension, [item])
    }
  } else if (result && typeof result === 'object') {
    for (const [dimension, rows] of Object.entries(result as Record<string, unknown>))
      if (Array.isArray(rows)) add(dimension, rows as Row[])
  }
  return groups
}

function personView(row: Row, roleLabels: Record<string, LocalizedText>, locale: Locale): PersonView {
  const role = String(row.role ?? row.teamRole ?? '')
  return {
    role: textOf(roleLabels[role] ?? role, locale) ?? '',
    position: textOf(row.position as Text, locale) ?? '',
    institution: textOf(row.institution as Text, locale),
    name: typeof row.name === 'string' ? row.name : null,
  }
}

function regulationView(row: Row, today: string, locale: Locale): RegulationView {
  const t = translator(smartCityMessages, locale)
  const validFrom = String(row.validFrom ?? '')
  const validUntil = typeof row.validUntil === 'string' ? row.validUntil : null
  const v = validity({ validFrom, validUntil }, today)
  const date = (d: string) => formatLocalDate(d, locale, { day: 'numeric', month: 'long', year: 'numeric' })
  const sentence =
    v.state === 'open-ended'
      ? t('openEnded')
      : v.state === 'not-yet'
        ? t('notYet', { days: v.days })
        : v.state === 'expired'
          ? t('expired', { date: date(validUntil ?? today) })
          : v.months >= 1
            ? t('endsInMonths', { months: v.months })
            : t('endsInDays', { days: v.days })
  const kind = String(row.kind ?? '')
  return {
    id: String(row.id),
    title: textOf(row.title as Text, locale) ?? '',
    kind: textOf(governance.REGULATION_KIND_LABELS[kind as governance.RegulationKind] ?? kind, locale) ?? kind,
    number: typeof row.number === 'string' ? row.number : null,
    validFrom: validFrom ? date(validFrom) : '',
    validUntil: validUntil ? date(validUntil) : null,
    validity: sentence,
    expired: v.state === 'expired',
    url: typeof row.url === 'string' ? row.url : null,
  }
}

function programmeView(row: Row, locale: Locale, labels: ProgrammeLabels): ProgrammeView {
  const status = String(row.status ?? '')
  const kind = String(row.kind ?? '')
  const start = typeof row.starts === 'string' ? row.starts.slice(0, 4) : null
  const end = typeof row.ends === 'string' ? row.ends.slice(0, 4) : null
  const progress = row.progress as ProgrammeView['progress'] | undefined
  return {
    id: String(row.id),
    name: textOf(row.name as Text, locale) ?? '',
    kind: textOf(labels.kinds[kind] ?? kind, locale) ?? kind,
    status: textOf(labels.statuses[status] ?? status, locale) ?? status,
    statusKey: status,
    period: start && end && start !== end ? `${start}–${end}` : (start ?? end),
    progress: progress ?? null,
  }
}

interface ProgrammeLabels {
  kinds: Record<string, LocalizedText>
  statuses: Record<string, LocalizedText>
}

function kpiView(row: Row, locale: Locale): KpiView {
  const baseline = row.baseline as { value: number; year: number | null } | null
  const actuals = ((row.actuals as Row[] | undefined) ?? []).map((a) => ({
    period: String(a.period),
    value: Number(a.value),
  }))
  // A computed KPI's current period is computed when read: it is the newest actual shown.
  const latest = row.latest as { period: string; value: number; computed: boolean } | null | undefined
  if (latest?.computed && !actuals.some((a) => a.period === latest.period))
    actuals.push({ period: latest.period, value: latest.value })
  return {
    id: String(row.id),
    title: textOf((row.name ?? row.title) as Text, locale) ?? '',
    unit: String(row.unit ?? ''),
    direction: row.direction === 'lower' ? 'lower' : 'higher',
    baseline: baseline ? { period: baseline.year === null ? '' : String(baseline.year), value: baseline.value } : null,
    actuals,
    targets: ((row.targets as { year: number; value: number }[] | undefined) ?? []).map((target) => ({
      period: String(target.year),
      value: target.value,
    })),
  }
}

function agendaView(row: Row, locale: Locale): AgendaView {
  const date = String(row.startDate ?? '')
  const time = typeof row.startTime === 'string' ? row.startTime : null
  const day = date ? formatLocalDate(date, locale) : ''
  return {
    id: String(row.id),
    title: textOf(row.title as Text, locale) ?? '',
    when: time ? `${day}, ${time}` : day,
    at: time ? `${date}T${time}` : date,
    place: textOf(row.place as Text, locale),
  }
}

/** The next midnight in the tenant's zone: "ends in N months" may change then. */
function nextLocalMidnight(now: Date, timeZone: string): Date {
  const { time } = zonedParts(now, timeZone)
  const [h, m] = time.split(':').map(Number) as [number, number]
  const sinceMidnight = (h * 60 + m) * 60_000 + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds()
  // Indonesian zones keep one offset all year, so local midnight is 24 hours after the last one.
  return new Date(now.getTime() - sinceMidnight + 86_400_000)
}

/**
 * The regulations in force for the council and the team (one when a single Perbup sets up both);
 * for a body with none in force, its newest regulation, so the page says it has ended.
 */
async function regulationsShown(
  ctx: TenantContext,
  current: NonNullable<GovernanceReads['currentRegulations']>,
): Promise<Row[]> {
  const inForce = await current(ctx)
  const shown: Row[] = []
  for (const body of ['council', 'team'] as const) {
    const r = inForce[body] ?? (reads.regulationsOf ? (await reads.regulationsOf(ctx, body))[0] : undefined)
    if (r && !shown.some((s) => s.id === r.id)) shown.push(r)
  }
  return shown
}

/** Everything the smart-city page shows, for one tenant, in the page's language. */
export async function smartCityPage(site: TenantSite, locale: Locale, presentation: boolean) {
  const { ctx } = site
  const t = translator(smartCityMessages, locale)
  const now = ctx.now()
  const today = zonedParts(now, ctx.tenant.timezone).date
  const offers = await dimensionOffers(site, locale)

  const regulations = reads.currentRegulations
    ? (await regulationsShown(ctx, reads.currentRegulations)).map((r) => regulationView(r, today, locale))
    : null
  const roleLabels = governance.BODY_ROLE_LABELS as Record<string, LocalizedText>
  const council = reads.bodyMembers
    ? (await reads.bodyMembers(ctx, 'council')).map((m) => personView(m, roleLabels, locale))
    : null
  const team = reads.bodyMembers
    ? (await reads.bodyMembers(ctx, 'team')).map((m) => personView(m, roleLabels, locale))
    : null
  const teamRoleLabels = governance.TEAM_ROLE_LABELS as Record<string, LocalizedText>
  const teams = reads.dimensionTeams ? byDimension(await reads.dimensionTeams(ctx), 'members') : null
  const labels = programmeLabels()
  const programmes = reads.programmesByDimension
    ? byDimension(await reads.programmesByDimension(ctx), 'programmes')
    : null
  const kpis = reads.kpiSeries ? byDimension(await reads.kpiSeries(ctx), 'kpis') : null
  const agenda = reads.upcomingAgenda
    ? (await reads.upcomingAgenda(ctx, { limit: 5 })).map((a) => agendaView(a, locale))
    : null

  // "Ends in N months" and the upcoming agenda move on by the day.
  if (regulations || agenda) ctx.changesAt?.(nextLocalMidnight(now, ctx.tenant.timezone))
  const dimensions: DimensionView[] = offers.map((d) => ({
    ...d,
    programmes: programmes ? (programmes.get(d.id) ?? []).map((p) => programmeView(p, locale, labels)) : null,
    kpis: kpis ? (kpis.get(d.id) ?? []).map((k) => kpiView(k, locale)) : null,
    team: teams ? (teams.get(d.id) ?? []).map((m) => personView(m, teamRoleLabels, locale)) : null,
  }))
  const name = ctx.tenant.name
  return {
    title: `${t('pageTitle', { tenant: name })}`,
    heading: t('pageTitle', { tenant: name }),
    intro: t('intro', { tenant: name }),
    path: SMART_CITY_PATH,
    presentation,
    regulations,
    dimensions,
    council,
    team,
    agenda,
  }
}

/** The module's labels of programme kinds and statuses, when it has them. */
function programmeLabels(): ProgrammeLabels {
  const g = governance as unknown as Record<string, unknown>
  return {
    kinds: (g.PROGRAMME_KIND_LABELS as Record<string, LocalizedText> | undefined) ?? {},
    statuses: (g.PROGRAMME_STATUS_LABELS as Record<string, LocalizedText> | undefined) ?? {},
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  tenantContext(context) // 404 on the platform host
  const presentation = new URL(request.url).searchParams.get('tampilan') === 'presentasi'
  return smartCityPage(context.site as TenantSite, context.locale, presentation)
}
