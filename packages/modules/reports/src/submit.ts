import { type FieldError, newId, problem, type TenantContext } from '@cerdas/core'
import { localDateOf } from '@cerdas/schedules'
import { and, desc, eq, gte, inArray, lt, or } from 'drizzle-orm'
import { category, categoryColumns } from './category'
import { newTrackingCode, reportNumber, trackingHash } from './codes'
import { type CounterKey, countSubmission } from './counters'
import { dueAtFor } from './deadlines'
import { checkDelayToken } from './delay-token'
import { findDuplicates } from './duplicates'
import { groupCommit, perClient } from './group-commit'
import { type ReportInput, reportInputSchema } from './input'
import { REPORT_MESSAGES as M } from './messages'
import { reportsSettings } from './settings'
import { type ReportEventRow, type ReportRow, reports } from './tables'
import type { SubmissionGuard, SubmitResult } from './types'
import { publicOf, publicViews } from './views'
import { addEvent } from './write'

/**
 * Counted first, before anything is read or checked: a refused flood costs one statement each.
 * A caller that stores photos before submitting admits the submission first (so a refused flood
 * never makes photos be decoded), then submits with `{ admitted: true }`.
 */
export async function admitSubmission(ctx: TenantContext, guard: SubmissionGuard): Promise<void> {
  const s = reportsSettings(ctx)
  const keys: CounterKey[] = []
  if (guard.ip)
    keys.push({
      name: `ip:${guard.ip.trim().toLowerCase()}`,
      limit: guard.trusted ? s.trustedPerIpPerHour : s.perIpPerHour,
      kind: 'ip',
    })
  if (guard.device && !guard.trusted)
    keys.push({ name: `device:${guard.device.trim().slice(0, 100)}`, limit: s.perDevicePerHour, kind: 'device' })
  const counted = await countSubmission(ctx, keys, ctx.now())
  if (!counted.allowed)
    throw problem('tooManyRequests', counted.kind === 'ip' ? M.tooManyFromIp.id : M.tooManyFromDevice.id, {
      retryAfter: counted.retryAfterSeconds,
    })
  if (guard.trusted || guard.delayTokenExempt) return
  const token = await checkDelayToken(ctx, guard.delayToken)
  if (token !== 'ok') {
    const message = {
      missing: M.delayTokenMissing,
      young: M.delayTokenYoung,
      old: M.delayTokenOld,
      forged: M.delayTokenForged,
    }[token]
    throw problem('validation', message.id, { errors: [{ pointer: '/delayToken', message: message.id }] })
  }
}

/** The input checked, every problem at its field (Indonesian messages). */
export function parseReportInput(input: unknown): ReportInput {
  const parsed = reportInputSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const errors: FieldError[] = parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, message: i.message }))
  throw problem('validation', errors[0]?.message ?? 'Invalid report', { errors })
}

/** An active category by id or slug. */
export async function activeCategory(ctx: TenantContext, ref: string) {
  const [row] = await ctx.db
    .select({
      id: categoryColumns.id,
      slug: categoryColumns.slug,
      nameId: categoryColumns.nameIndonesian,
      nameEn: categoryColumns.nameEnglish,
      dimension: categoryColumns.dimension,
      officeId: categoryColumns.officeId,
      unitId: categoryColumns.unitId,
      active: categoryColumns.active,
    })
    .from(category.table)
    .where(or(eq(categoryColumns.id, ref), eq(categoryColumns.slug, ref.toLowerCase())))
  if (!row?.active)
    throw problem('validation', M.categoryUnknown.id, {
      errors: [{ pointer: '/category', message: M.categoryUnknown.id }],
    })
  return row as {
    id: string
    slug: string
    nameId: string
    nameEn: string | null
    dimension: string
    officeId: string | null
    unitId: string | null
  }
}

async function byClientKey(ctx: TenantContext, clientKey: string | undefined): Promise<ReportRow | null> {
  if (!clientKey) return null
  return (await ctx.db.select().from(reports).where(eq(reports.clientKey, clientKey)))[0] ?? null
}

async function replayed(ctx: TenantContext, row: ReportRow): Promise<SubmitResult> {
  const [report] = await publicViews(ctx, [row])
  return { report: report as SubmitResult['report'], trackingCode: null, replayed: true, duplicates: [] }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000

/**
 * Files a report. Counted per IP and device first, then the delay token (untrusted callers),
 * then the input. A `clientKey` already stored returns that report again (`replayed`, without a
 * tracking code: only its hash is kept), so an offline draft sent twice is one report.
 * @example const { report, trackingCode } = await submitReport(ctx, input, { ip, device, delayToken })
 */
export async function submitReport(
  ctx: TenantContext,
  input: ReportInput,
  guard: SubmissionGuard,
  options: { duplicates?: boolean; admitted?: boolean } = {},
): Promise<SubmitResult> {
  if (!options.admitted) await admitSubmission(ctx, guard)
  const data = parseReportInput(input)
  const cat = await activeCategory(ctx, data.category)
  const code = newTrackingCode()
  const now = ctx.now()
  const at = now.toISOString()
  const dueAt = await dueAtFor(ctx, 'verify', now)
  const photos = (data.photos ?? []).map((p) =>
    typeof p === 'string' ? { id: p, width: null, height: null } : { id: p.id, width: p.width, height: p.height },
  )
  const row: ReportRow = {
    id: newId('rep'),
    number: '',
    trackingHash: trackingHash(code) as string,
    clientKey: data.clientKey ?? null,
    categoryId: cat.id,
    description: data.description,
    hiddenReason: null,
    status: 'received',
    statusReason: null,
    officeId: cat.officeId,
    unitId: cat.unitId,
    dimension: cat.dimension,
    kecamatan: data.kecamatan ?? null,
    desa: data.desa ?? null,
    exactLat: data.point?.lat ?? null,
    exactLon: data.point?.lon ?? null,
    landmark: data.landmark ?? null,
    atHome: data.atHome ?? false,
    // Never the exact point: ~100 m, and nothing at all for the reporter's home.
    publicLat: data.point && !data.atHome ? round3(data.point.lat) : null,
    publicLon: data.point && !data.atHome ? round3(data.point.lon) : null,
    reporterName: data.name ?? null,
    reporterPhone: data.phone ?? null,
    reporterEmail: data.email ?? null,
    photos: JSON.stringify(photos),
    photosPublic: false,
    source: data.source,
    mergedInto: null,
    dueKind: 'verify',
    dueAt,
    receivedAt: at,
    verifiedAt: null,
    forwardedAt: null,
    resolvedAt: null,
    closedAt: null,
    confirmedAt: null,
    reopenedCount: 0,
    anonymisedAt: null,
    updatedAt: at,
  }
  // Submissions that arrive together commit together (one disk flush for all): see group-commit.ts.
  const actorKey = ctx.actor ? `${ctx.actor.kind}:${ctx.actor.id}` : 'anonymous'
  const insert = perClient(inserting, ctx.db.$client, actorKey, () => groupCommit(insertAll))
  const personalFields = (['name', 'phone', 'email', 'point', 'landmark'] as const).filter((f) => data[f])
  try {
    const written = await insert({ ctx, row, personalFields })
    if (!written) {
      // Sent before: the first report answers, without its tracking code.
      const again = await byClientKey(ctx, data.clientKey)
      if (again) return replayed(ctx, again)
      throw new Error('a replayed submission without its first report')
    }
    const event = written
    const category = { id: cat.id, slug: cat.slug, name: { id: cat.nameId, ...(cat.nameEn ? { en: cat.nameEn } : {}) } }
    const report = publicOf(ctx, row, category, [event], null)
    // Similar open reports only when asked (the API's `?duplicates=true`): the form shows them before sending.
    const duplicates = options.duplicates
      ? (
          await findDuplicates(ctx, {
            category: cat.id,
            point: data.point,
            kecamatan: data.kecamatan,
            desa: data.desa,
            // The new report is among them; a receipt names a few others at most.
            limit: 4,
          })
        ).filter((d) => d.number !== row.number)
      : []
    return { report, trackingCode: code, replayed: false, duplicates }
  } catch (error) {
    // Two processes sent one draft at once: the UNIQUE index refused the second.
    const again = await byClientKey(ctx, data.clientKey)
    if (again) return replayed(ctx, again)
    throw error
  }
}

type Insert = { ctx: TenantContext; row: ReportRow; personalFields: readonly string[] }

const inserting = new WeakMap<object, Map<string, (item: Insert) => Promise<ReportEventRow | null>>>()

/**
 * New reports in one write transaction, in arrival order: each its number (the year's next),
 * its row, its first timeline event and its audit entry. A clientKey already stored, or twice in
 * the batch, is not written again (null: the caller answers the first report).
 */
async function insertAll(items: Insert[]): Promise<(ReportEventRow | null)[]> {
  const first = items[0] as Insert
  return first.ctx.transaction(async (tx) => {
    const keys = items.flatMap((i) => (i.row.clientKey ? [i.row.clientKey] : []))
    const taken = new Set(
      keys.length === 0
        ? []
        : (
            await tx.db.select({ clientKey: reports.clientKey }).from(reports).where(inArray(reports.clientKey, keys))
          ).map((r) => r.clientKey),
    )
    const lastOfYear = new Map<number, number>()
    const out: (ReportEventRow | null)[] = []
    for (const { row, personalFields } of items) {
      if (row.clientKey && taken.has(row.clientKey)) {
        out.push(null)
        continue
      }
      if (row.clientKey) taken.add(row.clientKey)
      const year = Number(localDateOf(new Date(row.receivedAt), tx.tenant.timezone).slice(0, 4))
      let last = lastOfYear.get(year)
      if (last === undefined) {
        const [found] = await tx.db
          .select({ number: reports.number })
          .from(reports)
          // A range rather than LIKE, so the number's index answers it however many reports there are.
          .where(and(gte(reports.number, `LPR-${year}-`), lt(reports.number, `LPR-${year}.`)))
          .orderBy(desc(reports.number))
          .limit(1)
        last = found ? Number(found.number.slice(9)) : 0
      }
      lastOfYear.set(year, last + 1)
      row.number = reportNumber(year, last + 1)
      await tx.db.insert(reports).values(row)
      out.push(
        await addEvent(tx, row.id, row.receivedAt, {
          kind: 'status',
          statusTo: 'received',
          public: true,
          anonymous: true,
        }),
      )
      await tx.audit({
        action: 'create',
        entity: 'reports.report',
        entityId: row.id,
        // Which personal fields were given, never their values.
        after: { number: row.number, category: row.categoryId, status: 'received', source: row.source, personalFields },
      })
    }
    return out
  })
}
