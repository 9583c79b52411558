import { type DataSnapshot, dataSnapshot, likeEscape, type TenantContext } from '@cerdas/core'
import {
  countersByIds,
  type findCounter,
  findOffice,
  findUnit,
  type Office,
  officeOwner,
  officesByIds,
} from '@cerdas/module-directory'
import { type OwnerStatus, statusForOwners } from '@cerdas/module-schedules'
import { eq, or, type SQL, sql } from 'drizzle-orm'
import type { ServiceCategory } from './labels'
import { serviceColumns as columns, type Service, service } from './service'
import { type ServiceSummary, serviceSummaries } from './service-summary'
import type { ListQuery } from './validation'

type Text = { id: string; en?: string }

export const serviceUrl = (s: { slug: string }) => `/layanan/${s.slug}`
/** The schedules owner of a service's own hours or presence: `services` / `service` / its slug. */
export const serviceOwner = (s: { slug: string }) => ({ module: 'services', type: 'service', id: s.slug })

/** One service by id or slug, or null. */
export async function findService(ctx: TenantContext, ref: string): Promise<Service | null> {
  return ((await service.byKeys(ctx, [ref])).get(ref) as Service | undefined) ?? null
}

/** Conditions for each word (at most 8) to appear in a service's name or synonyms. */
export function serviceWordConditions(q: string | undefined): SQL[] {
  if (!q) return []
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => {
      const like = `%${likeEscape(word)}%`
      return sql`(lower(${columns.nameIndonesian}) LIKE ${like} ESCAPE '\\' OR lower(coalesce(${columns.nameEnglish}, '')) LIKE ${like} ESCAPE '\\'
        OR lower(${columns.synonyms}) LIKE ${like} ESCAPE '\\')`
    })
}

type ListServicesQuery = Omit<ListQuery, 'limit' | 'fields'> & { limit: number }

/** The conditions of a list query beyond its category: words and the responsible office (null: no such office). */
async function listConditions(ctx: TenantContext, query: ListServicesQuery): Promise<SQL[] | null> {
  const where = serviceWordConditions(query.q)
  if (query.office) {
    const office = await findOffice(ctx, query.office)
    if (!office) return null
    where.push(eq(columns.officeId, office.id))
  }
  return where
}

/** Services by name, filtered by category, responsible office and words (name or synonyms), every field of each. */
export async function listServices(
  ctx: TenantContext,
  query: ListServicesQuery,
): Promise<{ items: Service[]; nextCursor: string | null }> {
  const where = await listConditions(ctx, query)
  if (!where) return { items: [], nextCursor: null }
  const page = { limit: query.limit, cursor: query.cursor, category: query.category }
  return (await service.list(ctx, page, where)) as { items: Service[]; nextCursor: string | null }
}

/** {@link listServices} in the summary shape lists use: name, category, fee and the like, without the long fields. */
export async function listServiceSummaries(
  ctx: TenantContext,
  query: ListServicesQuery,
): Promise<{ items: ServiceSummary[]; nextCursor: string | null }> {
  const where = await listConditions(ctx, query)
  if (!where) return { items: [], nextCursor: null }
  return serviceSummaries(ctx, { limit: query.limit, cursor: query.cursor, category: query.category }, where)
}

/** How many services each category has, for filters that only offer what exists. */
export async function serviceCategoryCounts(ctx: TenantContext): Promise<Partial<Record<ServiceCategory, number>>> {
  const rows = await ctx.db
    .select({ category: columns.category, count: sql<number>`count(*)` })
    .from(service.table)
    .groupBy(columns.category)
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.count)]))
}

/** Services an office is responsible for or offers at its counters, by name (at most 200), in the summary shape. */
export async function listServicesAtOffice(ctx: TenantContext, officeId: string): Promise<ServiceSummary[]> {
  const needle = `%"officeId":"${likeEscape(officeId)}"%`
  const at = or(eq(columns.officeId, officeId), sql`${columns.locations} LIKE ${needle} ESCAPE '\\'`) as SQL
  return (await serviceSummaries(ctx, { limit: 200 }, [at])).items
}

type ScheduleStatusEntry = OwnerStatus['presence'][number]

export interface ServiceDetail {
  service: Service
  office: Office | null
  unit: Awaited<ReturnType<typeof findUnit>>
  locations: { office: Office; counter: Awaited<ReturnType<typeof findCounter>> }[]
  openNow: boolean | null
  hours: ScheduleStatusEntry | null
  presence: ScheduleStatusEntry[]
  related: { id: string; slug: string; name: Text }[]
}

/**
 * Everything journey 1 shows on one screen: the service with its office, bidang, counters, whether
 * it is open now (the service's own hours if it has any, else the office's; holiday- and
 * break-aware) and when the officers for this service are present (presence schedules of the
 * office, the places it is offered or the service itself whose service references name it).
 * The offices, bidang, counters and schedules it names are read once per data version (`snapshot`,
 * taken here unless the caller holds one) and shared by the requests that see that version.
 */
export async function getServiceDetail(
  ctx: TenantContext,
  ref: string,
  at?: Date,
  snapshot?: DataSnapshot,
): Promise<ServiceDetail> {
  const data = snapshot ?? (await dataSnapshot(ctx))
  const found = (await service.get(ctx, ref)) as Service
  const officeIds = [...new Set([found.officeId, ...found.locations.map((l) => l.officeId)])]
  const officeMap = await data.get(`services.offices:${officeIds.join('|')}`, () => officesByIds(ctx, officeIds))
  const office = officeMap.get(found.officeId) ?? null
  const unitId = found.unitId
  const unit = unitId ? await data.get(`services.unit:${unitId}`, () => findUnit(ctx, unitId)) : null
  // Everything the page names is fetched by batches, so its queries do not grow with the lists.
  const counterIds = found.locations.flatMap((l) => (l.counterId ? [l.counterId] : []))
  const counterMap =
    counterIds.length > 0
      ? await data.get(`services.counters:${counterIds.join('|')}`, () => countersByIds(ctx, counterIds))
      : new Map<string, NonNullable<Awaited<ReturnType<typeof findCounter>>>>()
  const locations: ServiceDetail['locations'] = []
  for (const location of found.locations) {
    const where = officeMap.get(location.officeId)
    if (!where) continue
    locations.push({ office: where, counter: location.counterId ? (counterMap.get(location.counterId) ?? null) : null })
  }
  const owners = [serviceOwner(found), ...[...officeMap.values()].map(officeOwner)]
  const statuses = await statusForOwners(ctx, owners, at, data)
  const [own, ...offices] = statuses as [OwnerStatus, ...OwnerStatus[]]
  const officeStatus = office ? offices[[...officeMap.keys()].indexOf(office.id)] : undefined
  const hours = own.hours ?? officeStatus?.hours ?? null
  const covers = (entry: ScheduleStatusEntry) =>
    entry.schedule.services.includes(found.id) || entry.schedule.services.includes(found.slug)
  const seen = new Set<string>()
  const presence = [...own.presence, ...offices.flatMap((s) => s.presence.filter(covers))].filter((entry) => {
    if (seen.has(entry.schedule.id)) return false
    seen.add(entry.schedule.id)
    return true
  })
  const relatedMap = found.related.length > 0 ? await service.byKeys(ctx, found.related) : new Map()
  const related: ServiceDetail['related'] = found.related.flatMap((key) => {
    const other = relatedMap.get(key) as Service | undefined
    return other ? [{ id: other.id, slug: other.slug, name: other.name }] : []
  })
  return {
    service: found,
    office,
    unit,
    locations,
    openNow: hours ? hours.status.open : null,
    hours,
    presence,
    related,
  }
}
