import type { LocalizedText, TenantContext } from '@cerdas/core'
import { tenantHolidayCalendar } from '@cerdas/module-schedules'
import {
  type Collection,
  collectionsBetween,
  collectionsToICalendar,
  type HolidayCalendar,
  hasNoCollections,
  localDateOf,
  nextCollections,
} from '@cerdas/schedules'
import { type Area, area as areaEntity } from './area'
import { settings } from './settings'

/** What pages and the API say about collections, JSON-ready (instants as ISO text). */
export interface CollectionView {
  date: string
  weekday: string
  start: string
  end: string
  startsAt: string
  endsAt: string
  status: Collection['status']
  collected: boolean
  scheduledDate: string
  holiday: { name: LocalizedText; kind: string; verified: boolean } | null
  note: LocalizedText | null
}

export interface AreaCollections {
  area: {
    id: string
    slug: string
    name: LocalizedText
    kecamatan: string
    desa: string[]
    route: LocalizedText | null
  }
  timezone: string
  /** The area has no collection day yet (schedule not published). */
  noSchedule: boolean
  days: string[]
  start: string
  end: string
  onHolidays: string
  next: CollectionView[]
  /** Scheduled days up to the last listed collection that are skipped or cancelled, with why. */
  missed: CollectionView[]
}

export function collectionView(c: Collection): CollectionView {
  return {
    date: c.date,
    weekday: c.weekday,
    start: c.start,
    end: c.end,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    status: c.status,
    collected: c.collected,
    scheduledDate: c.scheduledDate,
    holiday: c.holiday ? { name: { ...c.holiday.name }, kind: c.holiday.kind, verified: c.holiday.verified } : null,
    note: c.note ? { ...c.note } : null,
  }
}

/** Most next collections one answer lists. */
export const MAX_NEXT = 20

/**
 * The next collections of an area already read, after `after` (default now). Without `after` the
 * answer is about now, so a cached copy ends when the first window closes (`ctx.changesAt`).
 */
export function collectionsOfArea(
  ctx: TenantContext,
  area: Area,
  calendar: HolidayCalendar,
  query: { after?: string | undefined; limit?: number | undefined } = {},
): AreaCollections {
  const rule = area.rule
  const after = query.after ? new Date(query.after) : ctx.now()
  const limit = Math.min(query.limit ?? settings.parse(ctx.tenant.modules.waste?.settings ?? {}).nextCount, MAX_NEXT)
  const next = nextCollections(rule, calendar, after, limit)
  if (!query.after && next[0]) ctx.changesAt?.(next[0].endsAt)
  const last = next.at(-1)
  const today = localDateOf(after, rule.zone)
  const missed = last
    ? collectionsBetween(
        rule,
        calendar,
        today,
        Math.max(1, Math.round((Date.parse(last.date) - Date.parse(today)) / 86_400_000) + 1),
      ).filter((c) => !c.collected)
    : []
  return {
    area: {
      id: area.id,
      slug: area.slug,
      name: area.name,
      kecamatan: area.kecamatan,
      desa: area.desa,
      route: area.route ?? null,
    },
    timezone: rule.zone,
    noSchedule: hasNoCollections(rule),
    days: rule.days,
    start: rule.start,
    end: rule.end,
    onHolidays: rule.onHolidays,
    next: next.map(collectionView),
    missed: missed.map(collectionView),
  }
}

/** Every area (a regency has tens to a few hundred), in name order. */
export async function allAreas(ctx: TenantContext): Promise<Area[]> {
  return (await areaEntity.list(ctx, { limit: 500 })).items as unknown as Area[]
}

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase()

/** Areas serving a desa (any case), or every area of a kecamatan when no desa is named. */
export function areasServing(
  areas: readonly Area[],
  where: { desa?: string | undefined; kecamatan?: string | undefined },
) {
  return areas.filter(
    (a) =>
      (where.kecamatan === undefined || same(a.kecamatan, where.kecamatan)) &&
      (where.desa === undefined || a.desa.some((d) => same(d, where.desa as string))),
  )
}

export interface PlaceCollections {
  desa: string | null
  kecamatan: string | null
  areas: AreaCollections[]
}

/**
 * "When is waste collected at my place?": the next collections of the areas serving a desa (or a
 * whole kecamatan, or, naming neither, the whole regency), holiday-shifted with reasons. No area
 * serving it is an empty list, not an error.
 * @example const { areas } = await collectionsForPlace(ctx, { desa: 'Sangkar Nihuta', kecamatan: 'Balige' })
 */
export async function collectionsForPlace(
  ctx: TenantContext,
  query: {
    desa?: string | undefined
    kecamatan?: string | undefined
    after?: string | undefined
    limit?: number | undefined
  },
): Promise<PlaceCollections> {
  const found = areasServing(await allAreas(ctx), query)
  const calendar = await tenantHolidayCalendar(ctx)
  return {
    desa: query.desa ?? null,
    kecamatan: query.kecamatan ?? null,
    areas: found.map((a) => collectionsOfArea(ctx, a, calendar, query)),
  }
}

/** Kecamatan with the desa their areas serve, sorted, for the "my place" form. */
export function placesServed(areas: readonly Area[]): { kecamatan: string; desa: string[] }[] {
  const by = new Map<string, Set<string>>()
  for (const a of areas) {
    const set = by.get(a.kecamatan) ?? new Set<string>()
    for (const d of a.desa) set.add(d)
    by.set(a.kecamatan, set)
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'id'))
    .map(([kecamatan, set]) => ({ kecamatan, desa: [...set].sort((a, b) => a.localeCompare(b, 'id')) }))
}

/** Most days an iCalendar feed covers. */
export const MAX_FEED_DAYS = 92

/**
 * An area's collections for the next `days` local dates as iCalendar, one event per collection,
 * holiday-shifted, with UIDs stable per scheduled day so a moved collection updates in place.
 * @example const { body } = await areaICalendar(ctx, 'balige-kota', { days: 60 })
 */
export async function areaICalendar(
  ctx: TenantContext,
  ref: string,
  options: { days?: number | undefined; url?: string; locale?: 'id' | 'en' },
): Promise<{ area: Area; body: string }> {
  const area = (await areaEntity.get(ctx, ref)) as unknown as Area
  const calendar = await tenantHolidayCalendar(ctx)
  const days = Math.min(
    options.days ?? settings.parse(ctx.tenant.modules.waste?.settings ?? {}).feedDays,
    MAX_FEED_DAYS,
  )
  const body = collectionsToICalendar(area.rule, calendar, {
    from: localDateOf(ctx.now(), area.rule.zone),
    days,
    summary: {
      id: `Pengangkutan sampah: ${area.name.id}`,
      en: `Waste collection: ${area.name.en ?? area.name.id}`,
    },
    locale: options.locale ?? 'id',
    location: `${area.kecamatan}`,
    ...(options.url ? { url: options.url } : {}),
    uidPrefix: area.id,
    uidDomain: ctx.tenant.primaryHost,
    // Reproducible for the same data and day: the stamp is the area's last change.
    stamp: new Date(area.updatedAt),
  })
  return { area, body }
}
