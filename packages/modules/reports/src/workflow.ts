import { type DimensionId, problem, type TenantContext } from '@cerdas/core'
import { findOffice, findUnit } from '@cerdas/module-directory'
import { requireOnReport } from './access'
import { REPORT_NUMBER } from './codes'
import { deadlineFor } from './deadlines'
import { REPORT_MESSAGES as M, type ReportMessageKey } from './messages'
import { type ReportStatus, STATUS_LABELS, TRANSITIONS } from './statuses'
import type { ReportRow } from './tables'
import type { StaffReport } from './types'
import { rowById, rowByNumber, staffViews } from './views'
import { writeReport } from './write'

export interface StatusChange {
  status: ReportStatus
  /** Mandatory for rejected; shown publicly with the status. */
  reason?: string | undefined
  /** A public reply written with the change. */
  reply?: string | undefined
  /** Whether the photos may be shown publicly (decided when verifying). */
  photosPublic?: boolean | undefined
}

async function staffView(ctx: TenantContext, id: string): Promise<StaffReport> {
  return (await staffViews(ctx, [(await rowById(ctx, id)) as ReportRow]))[0] as StaffReport
}

async function workable(ctx: TenantContext, id: string): Promise<ReportRow> {
  return requireOnReport(ctx, 'reports.report:update', await rowById(ctx, id))
}

const bounded = (text: string | undefined, field: string, max: number, message: ReportMessageKey) => {
  const t = text?.trim()
  if (t !== undefined && t.length > max)
    throw problem('validation', M[message].id, { errors: [{ pointer: `/${field}`, message: M[message].id }] })
  return t || undefined
}

/**
 * Moves a report along the workflow (statuses.ts TRANSITIONS) with its new deadline; a rejection
 * needs a reason; a move the workflow has not (verified → closed) is a 409.
 */
export async function changeReportStatus(ctx: TenantContext, id: string, change: StatusChange): Promise<StaffReport> {
  const row = await workable(ctx, id)
  const from = row.status as ReportStatus
  const to = change.status
  const reason = bounded(change.reason, 'reason', 1000, 'reasonTooLong')
  const reply = bounded(change.reply, 'reply', 2000, 'replyTooLong')
  if (!TRANSITIONS[from].includes(to))
    throw problem('conflict', `${M.badMove.id} (${STATUS_LABELS[from].id} → ${STATUS_LABELS[to].id})`)
  if (to === 'rejected' && !reason)
    throw problem('validation', 'Alasan penolakan wajib diisi.', {
      errors: [{ pointer: '/reason', message: 'Alasan penolakan wajib diisi.' }],
    })
  const now = ctx.now()
  const at = now.toISOString()
  const due = await deadlineFor(ctx, to, now, { dueKind: row.dueKind, dueAt: row.dueAt })
  const stamps: Partial<ReportRow> = {
    ...(to === 'verified' ? { verifiedAt: at } : {}),
    ...(to === 'forwarded' ? { forwardedAt: at, ...(row.verifiedAt ? {} : { verifiedAt: at }) } : {}),
    ...(to === 'resolved' ? { resolvedAt: at } : {}),
    ...(to === 'closed' || to === 'rejected' ? { closedAt: at } : {}),
    ...(from === 'resolved' && to === 'in_progress' ? { resolvedAt: null } : {}),
    ...(from === 'rejected' ? { closedAt: null } : {}),
  }
  await writeReport(
    ctx,
    row,
    {
      status: to,
      statusReason: to === 'rejected' ? (reason ?? null) : (reason ?? null),
      ...due,
      ...stamps,
      ...(change.photosPublic !== undefined ? { photosPublic: change.photosPublic } : {}),
    },
    { kind: 'status', statusFrom: from, statusTo: to, body: reason ?? null, public: true },
    {
      action: 'status',
      before: { status: from },
      after: {
        status: to,
        ...(reason ? { reason } : {}),
        ...(change.photosPublic !== undefined ? { photosPublic: change.photosPublic } : {}),
      },
    },
  )
  if (reply) await addReportReply(ctx, id, { body: reply, public: true })
  return staffView(ctx, id)
}

/** Routes a report to an office (and unit of it) of the directory. */
export async function assignReport(
  ctx: TenantContext,
  id: string,
  to: { officeId: string; unitId?: string | null | undefined },
): Promise<StaffReport> {
  const row = await workable(ctx, id)
  const office = await findOffice(ctx, to.officeId)
  if (!office)
    throw problem('validation', M.officeUnknown.id, { errors: [{ pointer: '/officeId', message: M.officeUnknown.id }] })
  let unitId: string | null = null
  if (to.unitId) {
    const unit = await findUnit(ctx, to.unitId)
    if (!unit || unit.officeId !== office.id)
      throw problem('validation', M.unitUnknown.id, { errors: [{ pointer: '/unitId', message: M.unitUnknown.id }] })
    unitId = unit.id
  }
  const name = office.name.id
  await writeReport(
    ctx,
    row,
    { officeId: office.id, unitId },
    { kind: 'assign', body: name, public: true },
    {
      action: 'assign',
      before: { officeId: row.officeId, unitId: row.unitId },
      after: { officeId: office.id, unitId },
    },
  )
  return staffView(ctx, id)
}

/** A public reply (the reporter and everyone read it) or an internal note (the team only). */
export async function addReportReply(
  ctx: TenantContext,
  id: string,
  reply: { body: string; public: boolean },
): Promise<StaffReport> {
  const row = await workable(ctx, id)
  const body = reply.body.trim()
  if (body.length < 1 || body.length > 2000)
    throw problem('validation', 'Balasan 1–2000 huruf.', {
      errors: [{ pointer: '/body', message: 'Balasan 1–2000 huruf.' }],
    })
  await writeReport(
    ctx,
    row,
    {},
    { kind: reply.public ? 'reply' : 'note', body, public: reply.public },
    { action: reply.public ? 'reply' : 'note', after: { public: reply.public, length: body.length } },
  )
  return staffView(ctx, id)
}

/** Hides abusive text with a reason everyone sees instead ("Teks disembunyikan oleh moderator: …"). */
export async function hideReportText(ctx: TenantContext, id: string, reason: string): Promise<StaffReport> {
  const row = await workable(ctx, id)
  const why = reason.trim()
  if (why.length < 3 || why.length > 300)
    throw problem('validation', 'Alasan wajib diisi (3–300 huruf).', {
      errors: [{ pointer: '/reason', message: 'Alasan wajib diisi (3–300 huruf).' }],
    })
  await writeReport(
    ctx,
    row,
    { hiddenReason: why },
    { kind: 'hide', body: why, public: true },
    { action: 'hide', after: { reason: why } },
  )
  return staffView(ctx, id)
}

/** Merges a duplicate into another open report of the same team: it closes pointing there. */
export async function mergeReport(ctx: TenantContext, id: string, intoNumber: string): Promise<StaffReport> {
  const row = await workable(ctx, id)
  const target = REPORT_NUMBER.test(intoNumber.toUpperCase()) ? await rowByNumber(ctx, intoNumber) : null
  if (!target || target.dimension !== (row.dimension as DimensionId))
    throw problem('validation', M.mergeTargetUnknown.id, {
      errors: [{ pointer: '/into', message: M.mergeTargetUnknown.id }],
    })
  if (target.id === row.id) throw problem('conflict', M.mergeIntoSelf.id)
  if (target.mergedInto) throw problem('conflict', M.mergeTargetMerged.id)
  if (row.status === 'closed' || row.status === 'rejected') throw problem('conflict', M.mergeClosed.id)
  const at = ctx.now().toISOString()
  await writeReport(
    ctx,
    row,
    { status: 'closed', mergedInto: target.id, closedAt: at, dueKind: null, dueAt: null, statusReason: target.number },
    { kind: 'merge', statusFrom: row.status as ReportStatus, statusTo: 'closed', body: target.number, public: true },
    { action: 'merge', before: { status: row.status }, after: { status: 'closed', mergedInto: target.number } },
  )
  return staffView(ctx, id)
}
