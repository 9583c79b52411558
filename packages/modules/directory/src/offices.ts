import { likeEscape, type TenantContext } from '@cerdas/core'
import { hoursStatusForOwners, type OwnerStatus, statusForOwner } from '@cerdas/module-schedules'
import { type SQL, sql } from 'drizzle-orm'
import { type Counter, listCountersOfOffice } from './counters'
import { type Office, office, officeColumns, officeOwner } from './office'
import { listPositionsOfOffice, type Position } from './positions'
import { listUnitsOfOffice, type Unit } from './units'
import type { ListOfficesQuery, OfficeType, OpenNowQuery } from './validation'

/** Reads of offices the generated ones do not give: words in names, a case-blind kecamatan, hours, parts. */

/** An office by id or slug, or null: what other modules call to validate an office reference. */
export async function findOffice(ctx: TenantContext, ref: string): Promise<Office | null> {
  return ((await office.byKeys(ctx, [ref])).get(ref) as Office | undefined) ?? null
}

/** An office by id or slug; 404 when there is none. */
export async function getOffice(ctx: TenantContext, ref: string): Promise<Office> {
  return (await office.get(ctx, ref)) as Office
}

/** Offices by id, for joining (unknown ids are left out). */
export function officesByIds(ctx: TenantContext, ids: string[]): Promise<Map<string, Office>> {
  return office.byKeys(ctx, ids) as Promise<Map<string, Office>>
}

/** The type and kecamatan (whatever its case) an office list is narrowed to. */
function placeConditions(query: { kecamatan?: string | undefined }): SQL[] {
  const c = officeColumns()
  return query.kecamatan ? [sql`lower(${c.kecamatan}) = lower(${query.kecamatan})`] : []
}

/** Offices by name, filtered by type, kecamatan and words, one cursor page at a time. */
export async function listOffices(
  ctx: TenantContext,
  query: ListOfficesQuery,
): Promise<{ items: Office[]; nextCursor: string | null }> {
  const c = officeColumns()
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)
  const matches = words.map((word) => {
    const like = `%${likeEscape(word)}%`
    return sql`(lower(${c.nameIndonesian}) LIKE ${like} ESCAPE '\\' OR lower(coalesce(${c.nameEnglish}, '')) LIKE ${like} ESCAPE '\\'
      OR lower(coalesce(${c.shortName}, '')) LIKE ${like} ESCAPE '\\' OR ${c.slug} LIKE ${like} ESCAPE '\\')`
  })
  const page = await office.list(ctx, { limit: query.limit, cursor: query.cursor, type: query.type }, [
    ...placeConditions(query),
    ...matches,
  ])
  return page as { items: Office[]; nextCursor: string | null }
}

/** Every office, by name, for editors (same as the public list: offices have no drafts). */
export function listOfficesForEditing(ctx: TenantContext, page: { cursor?: string | undefined; limit: number }) {
  return listOffices(ctx, { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) })
}

/** How many offices each type has, for filters that only offer what exists. */
export async function officeTypeCounts(ctx: TenantContext): Promise<Partial<Record<OfficeType, number>>> {
  const c = officeColumns()
  const rows = await ctx.db.select({ type: c.type, count: sql<number>`count(*)` }).from(office.table).groupBy(c.type)
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.count)]))
}

export interface OfficeSummary {
  id: string
  slug: string
  type: OfficeType
  name: { id: string; en?: string }
  shortName: string | null
}

export const officeSummary = (o: Office): OfficeSummary => ({
  id: o.id,
  slug: o.slug,
  type: o.type,
  name: o.name,
  shortName: o.shortName,
})

export interface OfficeDetail {
  office: Office
  parent: OfficeSummary | null
  children: OfficeSummary[]
  units: Unit[]
  counters: Counter[]
  positions: Position[]
  /** Null when the office has no hours schedule. */
  openNow: boolean | null
  hours: OwnerStatus['hours']
  presence: OwnerStatus['presence']
}

/** An office with its units, counters, positions and whether it is open (holiday- and break-aware). */
export async function getOfficeDetail(ctx: TenantContext, ref: string, at?: Date): Promise<OfficeDetail> {
  const found = await getOffice(ctx, ref)
  const [parent, children, units, counters, positions, status] = await Promise.all([
    found.parentId ? findOffice(ctx, found.parentId) : Promise.resolve(null),
    office.list(ctx, { parentId: found.id, limit: 5000 }),
    listUnitsOfOffice(ctx, found.id),
    listCountersOfOffice(ctx, found.id),
    listPositionsOfOffice(ctx, found.id),
    statusForOwner(ctx, officeOwner(found), at),
  ])
  return {
    office: found,
    parent: parent ? officeSummary(parent) : null,
    children: children.items.map((o) => officeSummary(o as Office)),
    units,
    counters,
    positions,
    openNow: status.hours ? status.hours.status.open : null,
    hours: status.hours,
    presence: status.presence,
  }
}

type Hours = NonNullable<OwnerStatus['hours']>

/**
 * Offices open at an instant (default now), by name; the closed ones by their next opening;
 * offices without hours are counted, so a page can say how many it could not tell about.
 * At most 500 are checked.
 */
export async function listOfficesOpenNow(
  ctx: TenantContext,
  query: OpenNowQuery,
): Promise<{
  at: string
  items: { office: Office; hours: Hours }[]
  closed: { office: Office; hours: Hours }[]
  withoutHours: number
}> {
  const at = query.at ? new Date(query.at) : ctx.now()
  const { items: list } = await office.list(ctx, { limit: 500, type: query.type }, placeConditions(query))
  const hours = await hoursStatusForOwners(
    ctx,
    'directory',
    'office',
    list.map((o) => o.slug as string),
    at,
  )
  const items: { office: Office; hours: Hours }[] = []
  const closed: { office: Office; hours: Hours }[] = []
  for (const o of list as Office[]) {
    const status = hours.get(o.slug)
    if (status) (status.status.open ? items : closed).push({ office: o, hours: status })
  }
  // Closed offices by when they open next: the soonest is what someone waiting wants to know.
  closed.sort((a, b) => (a.hours.status.nextOpen ?? '~').localeCompare(b.hours.status.nextOpen ?? '~'))
  return { at: at.toISOString(), items, closed, withoutHours: list.length - hours.size }
}

/** The hours status now (or at `at`) of each office that has an hours schedule, by office id. */
export async function officeHoursNow(
  ctx: TenantContext,
  list: Office[],
  at?: Date,
): Promise<Map<string, Hours['status']>> {
  const bySlug = await hoursStatusForOwners(
    ctx,
    'directory',
    'office',
    list.map((o) => o.slug),
    at,
  )
  const out = new Map<string, Hours['status']>()
  for (const o of list) {
    const hours = bySlug.get(o.slug)
    if (hours) out.set(o.id, hours.status)
  }
  return out
}
