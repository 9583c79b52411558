import { photoUrl, type TenantContext } from '@cerdas/core'
import { asc, eq, inArray } from 'drizzle-orm'
import { category, categoryColumns } from './category'
import { hiddenTextNotice } from './messages'
import {
  type DueKind,
  OPEN_STATUSES,
  type ReportEventKind,
  type ReportSource,
  type ReportStatus,
  STATUS_LABELS,
} from './statuses'
import { type ReportEventRow, type ReportRow, reportEvents, reports } from './tables'
import type { PublicReport, ReportPhoto, StaffReport, StaffReportEvent } from './types'

type StoredPhoto = { id: string; width: number | null; height: number | null }

/** Photos as stored: ids with the size the upload answered, when known. */
export function parsePhotos(json: string): ReportPhoto[] {
  const list = JSON.parse(json) as StoredPhoto[]
  return list.map((p) => ({
    id: p.id,
    url: photoUrl(p.id, p.width ? Math.min(640, p.width) : 320, 'jpg'),
    alt: null,
    width: p.width,
    height: p.height,
  }))
}

export type CategoryInfo = PublicReport['category']

async function categoriesOf(ctx: TenantContext, ids: string[]): Promise<Map<string, CategoryInfo>> {
  if (ids.length === 0) return new Map()
  const rows = await ctx.db
    .select({
      id: categoryColumns.id,
      slug: categoryColumns.slug,
      nameId: categoryColumns.nameIndonesian,
      nameEn: categoryColumns.nameEnglish,
    })
    .from(category.table)
    .where(inArray(categoryColumns.id, [...new Set(ids)]))
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id as string,
        slug: r.slug as string,
        name: { id: r.nameId as string, ...(r.nameEn ? { en: r.nameEn as string } : {}) },
      },
    ]),
  )
}

async function numbersOf(ctx: TenantContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await ctx.db
    .select({ id: reports.id, number: reports.number })
    .from(reports)
    .where(inArray(reports.id, ids))
  return new Map(rows.map((r) => [r.id, r.number]))
}

async function eventsOf(ctx: TenantContext, ids: string[]): Promise<Map<string, ReportEventRow[]>> {
  const out = new Map<string, ReportEventRow[]>()
  if (ids.length === 0) return out
  const rows = await ctx.db
    .select()
    .from(reportEvents)
    .where(inArray(reportEvents.reportId, ids))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id))
  for (const r of rows) out.set(r.reportId, [...(out.get(r.reportId) ?? []), r])
  return out
}

export function isOverdue(row: Pick<ReportRow, 'status' | 'dueAt'>, now: Date): boolean {
  return OPEN_STATUSES.includes(row.status as ReportStatus) && row.dueAt !== null && now.toISOString() > row.dueAt
}

/** The public view: no reporter fields, no exact point, no landmark, photos only when public. */
export function publicOf(
  ctx: TenantContext,
  row: ReportRow,
  cat: CategoryInfo | undefined,
  events: ReportEventRow[],
  mergedInto: string | null,
): PublicReport {
  const now = ctx.now()
  // A cached answer must stop saying "on time" when the deadline passes.
  if (row.dueAt && OPEN_STATUSES.includes(row.status as ReportStatus) && row.dueAt > now.toISOString())
    ctx.changesAt?.(new Date(row.dueAt))
  const status = row.status as ReportStatus
  return {
    number: row.number,
    category: cat ?? { id: row.categoryId, slug: row.categoryId, name: { id: row.categoryId } },
    status,
    statusLabel: STATUS_LABELS[status],
    description: row.hiddenReason ? null : row.description,
    hiddenReason: row.hiddenReason,
    kecamatan: row.kecamatan,
    desa: row.desa,
    publicPoint: row.publicLat !== null && row.publicLon !== null ? { lat: row.publicLat, lon: row.publicLon } : null,
    photos: row.photosPublic ? parsePhotos(row.photos) : [],
    dueAt: row.dueAt,
    dueKind: row.dueKind as DueKind | null,
    overdue: isOverdue(row, now),
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    mergedInto,
    statusReason: row.statusReason,
    timeline: events
      .filter((e) => e.public)
      .map((e) => ({
        at: e.at,
        kind: e.kind as ReportEventKind,
        statusFrom: e.statusFrom as ReportStatus | null,
        statusTo: e.statusTo as ReportStatus | null,
        // A hidden report's replies stay; its text is replaced everywhere it appears.
        body: e.kind === 'hide' ? hiddenTextNotice(e.body ?? '') : e.body,
      })),
  }
}

/** Public views of rows, in their order (one query each for categories, merge targets and events). */
export async function publicViews(ctx: TenantContext, rows: ReportRow[]): Promise<PublicReport[]> {
  const [cats, merged, events] = await Promise.all([
    categoriesOf(
      ctx,
      rows.map((r) => r.categoryId),
    ),
    numbersOf(
      ctx,
      rows.flatMap((r) => (r.mergedInto ? [r.mergedInto] : [])),
    ),
    eventsOf(
      ctx,
      rows.map((r) => r.id),
    ),
  ])
  return rows.map((r) =>
    publicOf(
      ctx,
      r,
      cats.get(r.categoryId),
      events.get(r.id) ?? [],
      r.mergedInto ? (merged.get(r.mergedInto) ?? null) : null,
    ),
  )
}

export async function staffViews(ctx: TenantContext, rows: ReportRow[]): Promise<StaffReport[]> {
  const [cats, merged, events] = await Promise.all([
    categoriesOf(
      ctx,
      rows.map((r) => r.categoryId),
    ),
    numbersOf(
      ctx,
      rows.flatMap((r) => (r.mergedInto ? [r.mergedInto] : [])),
    ),
    eventsOf(
      ctx,
      rows.map((r) => r.id),
    ),
  ])
  return rows.map((r) => {
    const all = events.get(r.id) ?? []
    const base = publicOf(ctx, r, cats.get(r.categoryId), all, r.mergedInto ? (merged.get(r.mergedInto) ?? null) : null)
    const timeline: StaffReportEvent[] = all.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as ReportEventKind,
      statusFrom: e.statusFrom as ReportStatus | null,
      statusTo: e.statusTo as ReportStatus | null,
      body: e.body,
      public: e.public,
      actorName: e.actorName,
    }))
    return {
      ...base,
      // Staff read the text a moderator hid, to judge it.
      description: r.description,
      photos: parsePhotos(r.photos),
      id: r.id,
      officeId: r.officeId,
      unitId: r.unitId,
      dimension: r.dimension as StaffReport['dimension'],
      atHome: r.atHome,
      source: r.source as ReportSource,
      reopenedCount: r.reopenedCount,
      photosPublic: r.photosPublic,
      timeline,
      hasContact: Boolean(r.reporterName || r.reporterPhone || r.reporterEmail),
      anonymisedAt: r.anonymisedAt,
    }
  })
}

export async function rowById(ctx: TenantContext, id: string): Promise<ReportRow | null> {
  return (await ctx.db.select().from(reports).where(eq(reports.id, id)))[0] ?? null
}

export async function rowByNumber(ctx: TenantContext, number: string): Promise<ReportRow | null> {
  return (await ctx.db.select().from(reports).where(eq(reports.number, number.toUpperCase())))[0] ?? null
}
