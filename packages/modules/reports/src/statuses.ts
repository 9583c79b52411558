import type { LocalizedText } from '@cerdas/core'

/**
 * A report's life, after SP4N-LAPOR!: received → verified → forwarded → in progress → resolved →
 * closed, or rejected (with a mandatory reason) from any open state. A resolved report closes
 * when the reporter confirms or, without a reply, 10 working days later; the reporter may reopen
 * it instead.
 */
export const REPORT_STATUSES = [
  'received',
  'verified',
  'forwarded',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** States that still need the team's work (Open311 `open`). */
export const OPEN_STATUSES: readonly ReportStatus[] = ['received', 'verified', 'forwarded', 'in_progress']

/** Where staff may move a report from each state (reporter actions are separate). */
export const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['verified', 'forwarded', 'rejected'],
  verified: ['forwarded', 'in_progress', 'rejected'],
  forwarded: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['in_progress', 'closed'],
  closed: [],
  rejected: ['received'],
}

export const STATUS_LABELS: Record<ReportStatus, LocalizedText> = {
  received: { id: 'Diterima', en: 'Received' },
  verified: { id: 'Diverifikasi', en: 'Verified' },
  forwarded: { id: 'Diteruskan ke unit', en: 'Forwarded' },
  in_progress: { id: 'Sedang ditangani', en: 'In progress' },
  resolved: { id: 'Selesai ditangani', en: 'Resolved' },
  closed: { id: 'Ditutup', en: 'Closed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
}

/** Open311 GeoReport v2 knows only open and closed; the detail goes in extensions. */
export function open311Status(status: ReportStatus): 'open' | 'closed' {
  return OPEN_STATUSES.includes(status) ? 'open' : 'closed'
}

/** Which deadline a report is running against (working days on the tenant's holiday calendar). */
export const DUE_KINDS = ['verify', 'follow_up', 'resolve', 'auto_close'] as const
export type DueKind = (typeof DUE_KINDS)[number]

export const DUE_LABELS: Record<DueKind, LocalizedText> = {
  verify: { id: 'Batas verifikasi dan penerusan', en: 'Verify and forward by' },
  follow_up: { id: 'Batas tindak lanjut', en: 'Follow-up by' },
  resolve: { id: 'Batas penyelesaian', en: 'Resolve by' },
  auto_close: { id: 'Ditutup otomatis pada', en: 'Closes automatically on' },
}

export const EVENT_KINDS = ['status', 'reply', 'note', 'assign', 'confirm', 'reopen', 'merge', 'hide'] as const
export type ReportEventKind = (typeof EVENT_KINDS)[number]

export const SOURCES = ['web', 'api', 'open311', 'console'] as const
export type ReportSource = (typeof SOURCES)[number]
