import type { LocalizedText, TenantContext } from '@cerdas/core'
import { type Locale, pickText, type TenantSite, tenantContext, translator } from '@cerdas/core/web'
import { formatLocalDate, zonedParts } from '@cerdas/ui'
import type { LoaderFunctionArgs } from '@remix-run/node'
import {
  type AgendaEntry,
  BODY_ROLE_LABELS,
  bodyMembers,
  currentRegulations,
  dimensionTeams,
  type KpiSeries,
  kpiSeries,
  PROGRAMME_KIND_LABELS,
  PROGRAMME_STATUS_LABELS,
  type Programme,
  type PublicSeat,
  type PublicTeamMember,
  programmesByDimension,
  REGULATION_KIND_LABELS,
  type RegulationDocument,
  type RegulationInForce,
  recentAgenda,
  regulationDocumentsOf,
  regulationsOf,
  TEAM_ROLE_LABELS,
  upcomingAgenda,
} from '../src/index'
import { smartCityMessages } from './smart-city-messages'
import { dimensionOffers } from './smart-city-offer.server'
import { validity } from './smart-city-validity'
import type { AgendaView, DimensionView, KpiView, PersonView, ProgrammeView, RegulationView } from './smart-city-view'

// The loader lives apart from the page: the module's entry point is server code only.

export const SMART_CITY_PATH = '/kota-cerdas'

/** How many upcoming agenda entries the page lists. */
const AGENDA_LIMIT = 5

const seatView = (seat: PublicSeat, locale: Locale): PersonView => ({
  role: pickText(BODY_ROLE_LABELS[seat.role], locale),
  position: pickText(seat.position, locale),
  institution: seat.institution,
  name: seat.name,
  verified: seat.verified,
})

const teamMemberView = (m: PublicTeamMember, locale: Locale): PersonView => ({
  role: pickText(TEAM_ROLE_LABELS[m.teamRole], locale),
  position: m.position ? pickText(m.position, locale) : '',
  institution: m.institution,
  name: m.name,
  verified: true,
})

/** A file's size as people read it: `850 KB`, `2,4 MB`. */
function sizeText(bytes: number, locale: Locale): string {
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits }).format(n)
  return bytes < 1024 * 1024 ? `${format(Math.max(1, bytes / 1024), 0)} KB` : `${format(bytes / (1024 * 1024), 1)} MB`
}

function regulationView(
  r: RegulationInForce,
  pdf: RegulationDocument | undefined,
  today: string,
  locale: Locale,
): RegulationView {
  const t = translator(smartCityMessages, locale)
  const v = validity(r, today)
  const date = (d: string) => formatLocalDate(d, locale, { day: 'numeric', month: 'long', year: 'numeric' })
  const sentence =
    v.state === 'open-ended'
      ? t('openEnded')
      : v.state === 'not-yet'
        ? t('notYet', { days: v.days })
        : v.state === 'expired'
          ? t('expired', { date: date(r.validUntil ?? today) })
          : v.months >= 24
            ? t(v.months % 12 === 0 ? 'endsInWholeYears' : 'endsInYears', {
                years: Math.floor(v.months / 12),
                months: v.months % 12,
              })
            : v.months >= 1
              ? t('endsInMonths', { months: v.months })
              : t('endsInDays', { days: v.days })
  return {
    id: r.id,
    title: pickText(r.title, locale),
    kind: pickText(REGULATION_KIND_LABELS[r.kind], locale),
    number: r.number,
    validFrom: date(r.validFrom),
    validUntil: r.validUntil ? date(r.validUntil) : null,
    validity: sentence,
    expired: v.state === 'expired',
    url: r.url,
    pdf: pdf ? { url: pdf.url, size: sizeText(pdf.bytes, locale) } : null,
    verified: r.verified,
  }
}

/**
 * The regulations in force for the council and the team (one when a single Perbup sets up both);
 * for a body with none in force, its newest regulation, so the page says it has ended.
 */
async function regulationsShown(ctx: TenantContext): Promise<RegulationInForce[]> {
  const inForce = await currentRegulations(ctx)
  const shown: RegulationInForce[] = []
  for (const body of ['council', 'team'] as const) {
    const r = inForce[body] ?? (await regulationsOf(ctx, body))[0]
    if (r && !shown.some((s) => s.id === r.id)) shown.push(r)
  }
  return shown
}

function programmeView(p: Programme, locale: Locale): ProgrammeView {
  const start = p.starts?.slice(0, 4) ?? null
  const end = p.ends?.slice(0, 4) ?? null
  return {
    id: p.id,
    name: pickText(p.name, locale),
    kind: pickText(PROGRAMME_KIND_LABELS[p.kind], locale),
    status: pickText(PROGRAMME_STATUS_LABELS[p.status], locale),
    statusKey: p.status,
    period: start && end && start !== end ? `${start}–${end}` : (start ?? end),
    progress: p.progress,
    verified: p.verification.verified,
  }
}

function kpiView(k: KpiSeries, locale: Locale): KpiView {
  const actuals = k.actuals.map((a) => ({ period: a.period, value: a.value }))
  // A computed KPI's current period is computed when read: it is the newest actual shown.
  if (k.latest?.computed && !actuals.some((a) => a.period === k.latest?.period))
    actuals.push({ period: k.latest.period, value: k.latest.value })
  return {
    id: k.id,
    title: pickText(k.name as LocalizedText, locale),
    unit: k.unit,
    direction: k.direction === 'lower' ? 'lower' : 'higher',
    baseline: k.baseline
      ? { period: k.baseline.year === null ? '' : String(k.baseline.year), value: k.baseline.value }
      : null,
    actuals,
    targets: k.targets.map((target) => ({ period: String(target.year), value: target.value })),
  }
}

function agendaView(a: AgendaEntry, locale: Locale): AgendaView {
  const day = formatLocalDate(a.startDate, locale)
  return {
    id: a.id,
    title: pickText(a.title, locale),
    when: a.startTime ? `${day}, ${a.startTime}` : day,
    at: a.startTime ? `${a.startDate}T${a.startTime}` : a.startDate,
    place: a.place,
    verified: a.verification.verified,
  }
}

/** The next midnight in the tenant's zone, when "ends in N months" and the upcoming agenda move on. */
function nextLocalMidnight(now: Date, timeZone: string): Date {
  const [h, m] = zonedParts(now, timeZone).time.split(':').map(Number) as [number, number]
  const sinceMidnight = (h * 60 + m) * 60_000 + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds()
  // Indonesian zones keep one offset all year, so local midnight is 24 hours after the last one.
  return new Date(now.getTime() - sinceMidnight + 86_400_000)
}

/** Everything the smart-city page shows, for one tenant, in the page's language. */
export async function smartCityPage(site: TenantSite, locale: Locale, presentation: boolean) {
  const { ctx } = site
  const t = translator(smartCityMessages, locale)
  const now = ctx.now()
  const today = zonedParts(now, ctx.tenant.timezone).date
  const offers = await dimensionOffers(site, locale)
  const shown = await regulationsShown(ctx)
  const pdfs = await regulationDocumentsOf(
    ctx,
    shown.map((r) => r.id),
  )
  const regulations = shown.map((r) => regulationView(r, pdfs.get(r.id), today, locale))
  const council = (await bodyMembers(ctx, 'council')).map((s) => seatView(s, locale))
  const team = (await bodyMembers(ctx, 'team')).map((s) => seatView(s, locale))
  const teams = new Map((await dimensionTeams(ctx)).map((d) => [d.dimension as string, d.members]))
  const programmes = new Map(
    (await programmesByDimension(ctx)).map((group) => [group.dimension.id as string, group.programmes]),
  )
  const kpis = await kpiSeries(ctx)
  const agenda = (await upcomingAgenda(ctx, { limit: AGENDA_LIMIT })).map((a) => agendaView(a, locale))
  const pastAgenda = (await recentAgenda(ctx, { limit: AGENDA_LIMIT })).map((a) => agendaView(a, locale))
  ctx.changesAt?.(nextLocalMidnight(now, ctx.tenant.timezone))

  const dimensions: DimensionView[] = offers.map((d) => ({
    ...d,
    programmes: (programmes.get(d.id) ?? []).map((p) => programmeView(p, locale)),
    kpis: kpis.filter((k) => k.dimension === d.id).map((k) => kpiView(k, locale)),
    team: (teams.get(d.id) ?? []).map((m) => teamMemberView(m, locale)),
  }))
  const heading = t('pageTitle', { tenant: ctx.tenant.name })
  return {
    title: heading,
    heading,
    intro: t('intro', { tenant: ctx.tenant.name }),
    path: SMART_CITY_PATH,
    presentation,
    regulations,
    dimensions,
    council,
    team,
    agenda,
    pastAgenda,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  tenantContext(context) // 404 on the platform host
  const presentation = new URL(request.url).searchParams.get('tampilan') === 'presentasi'
  return smartCityPage(context.site as TenantSite, context.locale, presentation)
}
