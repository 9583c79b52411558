import type { TenantContext } from '@cerdas/core'
import { officeName, officesByIds } from '@cerdas/module-directory'
import { and, desc, gte, inArray, lte, type SQL } from 'drizzle-orm'
import { category, categoryColumns } from '../category'
import { DUE_LABELS, OPEN_STATUSES, open311Status, REPORT_STATUSES, STATUS_LABELS } from '../statuses'
import { reports } from '../tables'
import type { PublicReport } from '../types'
import { publicViews } from '../views'
import { parseW3c, w3cDateTime } from './datetime'
import { Open311Error } from './errors'

/** GeoReport's limits: without dates, the last 90 days; at most 1000 requests an answer. */
export const DEFAULT_WINDOW_DAYS = 90
export const MAX_REQUESTS = 1000

/** One service request as GeoReport v2 writes it; `extended_attributes` only with `extensions=true`. */
export interface Open311Request {
  service_request_id: string
  status: 'open' | 'closed'
  status_notes: string | null
  service_name: string
  service_code: string
  description: string | null
  agency_responsible: string | null
  service_notice: string | null
  requested_datetime: string | null
  updated_datetime: string | null
  expected_datetime: string | null
  address: string | null
  address_id: null
  zipcode: null
  lat: number | null
  long: number | null
  media_url: string | null
  extended_attributes?: Record<string, unknown>
}

export interface RequestQuery {
  service_request_id?: string | undefined
  service_code?: string | undefined
  start_date?: string | undefined
  end_date?: string | undefined
  status?: string | undefined
  extensions?: string | undefined
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

/** What the request's notes say: the reason of a rejection or merge, else the latest public reply. */
function statusNotes(report: PublicReport, locale: 'id' | 'en'): string | null {
  if (report.statusReason) return report.statusReason
  const reply = report.timeline.findLast((e) => e.kind === 'reply' && e.body)
  if (reply?.body) return reply.body
  if (report.mergedInto)
    return locale === 'en' ? `Merged into ${report.mergedInto}` : `Digabung ke laporan ${report.mergedInto}`
  return null
}

function address(report: PublicReport): string | null {
  const parts = [report.desa, report.kecamatan ? `Kecamatan ${report.kecamatan}` : null].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : null
}

/** Public reports as GeoReport requests: never contact details, exact points of homes or landmarks. */
export async function toOpen311(
  ctx: TenantContext,
  items: PublicReport[],
  options: { origin: string; extensions: boolean },
): Promise<Open311Request[]> {
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  const rows = await ctx.db
    .select({ number: reports.number, officeId: reports.officeId })
    .from(reports)
    .where(
      inArray(
        reports.number,
        items.map((i) => i.number),
      ),
    )
  const officeOf = new Map(rows.map((r) => [r.number, r.officeId]))
  const offices = await officesByIds(ctx, [...new Set(rows.flatMap((r) => (r.officeId ? [r.officeId] : [])))])
  const zone = ctx.tenant.timezone
  return items.map((report) => {
    const office = offices.get(officeOf.get(report.number) ?? '')
    const photo = report.photos[0]
    const request: Open311Request = {
      service_request_id: report.number,
      status: open311Status(report.status),
      status_notes: statusNotes(report, locale),
      service_name: report.category.name[locale] ?? report.category.name.id,
      service_code: report.category.slug,
      description: report.description,
      agency_responsible: office ? (officeName(office)[locale] ?? officeName(office).id) : null,
      service_notice: report.dueKind ? (DUE_LABELS[report.dueKind][locale] ?? DUE_LABELS[report.dueKind].id) : null,
      requested_datetime: w3cDateTime(report.receivedAt, zone),
      updated_datetime: w3cDateTime(report.updatedAt, zone),
      expected_datetime: report.dueKind === 'auto_close' ? null : w3cDateTime(report.dueAt, zone),
      address: address(report),
      address_id: null,
      zipcode: null,
      lat: report.publicPoint?.lat ?? null,
      long: report.publicPoint?.lon ?? null,
      media_url: photo ? new URL(photo.url, options.origin).href : null,
    }
    if (options.extensions)
      request.extended_attributes = {
        detailed_status: report.status,
        detailed_status_label: STATUS_LABELS[report.status][locale] ?? STATUS_LABELS[report.status].id,
        kecamatan: report.kecamatan,
        desa: report.desa,
        due_kind: report.dueKind,
        due_datetime: w3cDateTime(report.dueAt, zone),
        overdue: report.overdue,
        merged_into: report.mergedInto,
        hidden_reason: report.hiddenReason,
      }
    return request
  })
}

/**
 * `GET requests`: by ids, or by service codes, dates and open/closed, newest first. Without
 * ids or dates, the last 90 days; at most 1000 requests.
 */
export async function listOpen311Requests(
  ctx: TenantContext,
  query: RequestQuery,
  origin: string,
): Promise<Open311Request[]> {
  const zone = ctx.tenant.timezone
  const where: SQL[] = []
  const ids = list(query.service_request_id).map((id) => id.toUpperCase())
  if (ids.length > MAX_REQUESTS) throw new Open311Error(400, `At most ${MAX_REQUESTS} service_request_id values.`)
  if (ids.length > 0) where.push(inArray(reports.number, ids))
  else {
    const start = query.start_date === undefined ? null : parseW3c(query.start_date, zone)
    const end = query.end_date === undefined ? null : parseW3c(query.end_date, zone)
    if (query.start_date !== undefined && !start)
      throw new Open311Error(400, 'start_date must be a W3C date or date-time.')
    if (query.end_date !== undefined && !end) throw new Open311Error(400, 'end_date must be a W3C date or date-time.')
    if (start && end && start > end) throw new Open311Error(400, 'start_date must not be after end_date.')
    const from = start ?? new Date((end ?? ctx.now()).getTime() - DEFAULT_WINDOW_DAYS * 86_400_000)
    where.push(gte(reports.receivedAt, from.toISOString()))
    if (end) where.push(lte(reports.receivedAt, end.toISOString()))
    const codes = list(query.service_code)
    if (codes.length > 0) {
      const found = await ctx.db
        .select({ id: categoryColumns.id })
        .from(category.table)
        .where(inArray(categoryColumns.slug, codes))
      where.push(
        inArray(
          reports.categoryId,
          found.map((c) => c.id as string),
        ),
      )
    }
    if (query.status !== undefined) {
      const wanted = list(query.status)
      if (wanted.length === 0 || wanted.some((s) => s !== 'open' && s !== 'closed'))
        throw new Open311Error(400, 'status must be open, closed or both (comma-separated).')
      if (wanted.length === 1) {
        const closed = REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))
        where.push(inArray(reports.status, wanted[0] === 'open' ? [...OPEN_STATUSES] : closed))
      }
    }
  }
  const rows = await ctx.db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(desc(reports.receivedAt), desc(reports.id))
    .limit(MAX_REQUESTS)
  const views = await publicViews(ctx, rows)
  return toOpen311(ctx, views, { origin, extensions: query.extensions === 'true' })
}
