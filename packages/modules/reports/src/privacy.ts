import { newId, problem, type TenantContext } from '@cerdas/core'
import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { newOneTimeCode, sha256 } from './codes'
import { REPORT_MESSAGES as M } from './messages'
import { oneTimeCodes, type ReportRow, reportEvents, reports } from './tables'
import { rowByTrackingCode } from './tracking'
import type { SendMail } from './types'
import { parsePhotos } from './views'
import { addEvent } from './write'

export type DataPurpose = 'export' | 'erase'

const CODE_MINUTES = 15
const MAX_ATTEMPTS = 5

const codeHash = (reportId: string, code: string) => sha256(`otc:${reportId}:${code}`)

/** `b***@example.id`: enough for the reporter to recognise where the code went. */
function masked(email: string): string {
  const [user = '', domain = ''] = email.split('@')
  return `${user.slice(0, 1)}***@${domain}`
}

async function tracked(ctx: TenantContext, trackingCode: string): Promise<ReportRow> {
  const row = await rowByTrackingCode(ctx, trackingCode)
  if (!row) throw problem('notFound', M.trackingUnknown.id)
  return row
}

/**
 * Sends a 6-digit one-time code (15 minutes, 5 attempts, stored hashed) to the reporter's email,
 * proving the request is theirs. Without an email: export is refused (no way to prove identity),
 * erasure needs no code (`sentTo: null`: call eraseReporterData with null).
 * @example await requestDataCode(ctx, code, 'export', (to, subject, text) => mail(to, subject, text))
 */
export async function requestDataCode(
  ctx: TenantContext,
  trackingCode: string,
  purpose: DataPurpose,
  send: SendMail,
): Promise<{ sentTo: string | null }> {
  const row = await tracked(ctx, trackingCode)
  if (!row.reporterEmail) {
    if (purpose === 'erase') return { sentTo: null }
    throw problem('validation', M.noEmail.id)
  }
  const code = newOneTimeCode()
  const now = ctx.now()
  await ctx.transaction(async (tx) => {
    // A new code replaces any earlier one of the same purpose.
    await tx.db.delete(oneTimeCodes).where(and(eq(oneTimeCodes.reportId, row.id), eq(oneTimeCodes.purpose, purpose)))
    await tx.db.insert(oneTimeCodes).values({
      id: newId('otc'),
      reportId: row.id,
      purpose,
      codeHash: codeHash(row.id, code),
      expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString(),
      attempts: 0,
      usedAt: null,
    })
    await tx.audit({ action: `data_code_${purpose}`, entity: 'reports.report', entityId: row.id, after: { purpose } })
  })
  const what = purpose === 'export' ? 'mengunduh data Anda' : 'menghapus data Anda'
  await send(
    row.reporterEmail,
    `${M.codeMailSubject.id} ${row.number}`,
    `Kode sekali pakai untuk ${what} pada laporan ${row.number}: ${code}\n` +
      `Kode berlaku ${CODE_MINUTES} menit. Abaikan pesan ini bila Anda tidak memintanya.\n\n` +
      `One-time code for report ${row.number}: ${code} (valid ${CODE_MINUTES} minutes).`,
  )
  return { sentTo: masked(row.reporterEmail) }
}

/** Uses a one-time code: right, unexpired, within its attempts. Each try counts, committed before the answer. */
async function redeemCode(ctx: TenantContext, row: ReportRow, purpose: DataPurpose, code: string): Promise<void> {
  const now = ctx.now().toISOString()
  const [stored] = await ctx.db
    .select()
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.reportId, row.id), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.usedAt)))
    .orderBy(desc(oneTimeCodes.expiresAt))
    .limit(1)
  if (!stored || stored.expiresAt < now)
    throw problem('validation', M.codeInvalid.id, { errors: [{ pointer: '/code', message: M.codeInvalid.id }] })
  if (stored.attempts >= MAX_ATTEMPTS) throw problem('tooManyRequests', M.codeAttempts.id)
  const right = stored.codeHash === codeHash(row.id, code.trim())
  await ctx.db
    .update(oneTimeCodes)
    .set(right ? { usedAt: now, attempts: stored.attempts + 1 } : { attempts: stored.attempts + 1 })
    .where(eq(oneTimeCodes.id, stored.id))
  if (!right)
    throw problem('validation', M.codeInvalid.id, { errors: [{ pointer: '/code', message: M.codeInvalid.id }] })
}

/** Everything stored about the report, the reporter's data included (audited: who asked, not what). */
export async function exportReporterData(
  ctx: TenantContext,
  trackingCode: string,
  code: string,
): Promise<Record<string, unknown>> {
  const row = await tracked(ctx, trackingCode)
  if (!row.reporterEmail) throw problem('validation', M.noEmail.id)
  await redeemCode(ctx, row, 'export', code)
  const events = await ctx.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, row.id), eq(reportEvents.public, true)))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id))
  await ctx.transaction(async (tx) => {
    await tx.audit({ action: 'export', entity: 'reports.report', entityId: row.id, after: { by: 'reporter' } })
  })
  return {
    number: row.number,
    status: row.status,
    category: row.categoryId,
    description: row.description,
    location: {
      kecamatan: row.kecamatan,
      desa: row.desa,
      landmark: row.landmark,
      exactPoint: row.exactLat !== null && row.exactLon !== null ? { lat: row.exactLat, lon: row.exactLon } : null,
      atHome: row.atHome,
    },
    reporter: { name: row.reporterName, phone: row.reporterPhone, email: row.reporterEmail },
    photos: parsePhotos(row.photos).map((p) => ({ id: p.id, url: p.url })),
    source: row.source,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    anonymisedAt: row.anonymisedAt,
    timeline: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      statusFrom: e.statusFrom,
      statusTo: e.statusTo,
      body: e.body,
    })),
  }
}

/**
 * Erases the reporter's data: contacts, exact point and landmark blanked, the text replaced, the
 * photos dropped; the report's number and timeline stay. With an email on file a one-time code
 * is needed; without one the tracking code alone (the page asks to confirm first).
 */
export async function eraseReporterData(
  ctx: TenantContext,
  trackingCode: string,
  code: string | null,
): Promise<{ erased: true; number: string }> {
  const row = await tracked(ctx, trackingCode)
  if (row.reporterEmail) {
    if (!code)
      throw problem('validation', M.codeInvalid.id, { errors: [{ pointer: '/code', message: M.codeInvalid.id }] })
    await redeemCode(ctx, row, 'erase', code)
  }
  const now = ctx.now().toISOString()
  await ctx.transaction(async (tx) => {
    await tx.db
      .update(reports)
      .set({
        reporterName: null,
        reporterPhone: null,
        reporterEmail: null,
        exactLat: null,
        exactLon: null,
        publicLat: null,
        publicLon: null,
        landmark: null,
        description: M.erasedText.id,
        photos: '[]',
        photosPublic: false,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(eq(reports.id, row.id))
    await addEvent(tx, row.id, now, {
      kind: 'note',
      body: 'erased at the reporter’s request',
      public: false,
      anonymous: true,
    })
    await tx.audit({
      action: 'erase',
      entity: 'reports.report',
      entityId: row.id,
      after: { by: 'reporter', fields: ['name', 'phone', 'email', 'point', 'landmark', 'description', 'photos'] },
    })
  })
  return { erased: true, number: row.number }
}
