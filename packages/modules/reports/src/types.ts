import type { DimensionId, LocalizedText } from '@cerdas/core'
import type { DueKind, ReportEventKind, ReportSource, ReportStatus } from './statuses'

export type { ReportInput } from './input'

/** A photo of a report as stored through the photo capability. */
export interface ReportPhoto {
  id: string
  /** A JPEG rendition (at most 640 wide) for a plain <img>. */
  url: string
  alt: string | null
  /** Pixels of the largest rendition when known (see photoUrl / photoSrcSet of @cerdas/core). */
  width: number | null
  height: number | null
}

/** One entry of a report's timeline. */
export interface ReportEvent {
  at: string
  kind: ReportEventKind
  statusFrom: ReportStatus | null
  statusTo: ReportStatus | null
  body: string | null
}

/** A timeline entry as staff see it: internal notes and who acted. */
export interface StaffReportEvent extends ReportEvent {
  id: string
  public: boolean
  actorName: string | null
}

/**
 * A report as anyone may see it: never the reporter's name, phone, email, exact point or landmark;
 * the location generalised to desa (and a point rounded to ~100 m unless it is the reporter's home).
 */
export interface PublicReport {
  number: string
  category: { id: string; slug: string; name: LocalizedText }
  status: ReportStatus
  statusLabel: LocalizedText
  /** Null when a moderator hid the text (see hiddenReason). */
  description: string | null
  hiddenReason: string | null
  kecamatan: string | null
  desa: string | null
  publicPoint: { lat: number; lon: number } | null
  /** Public photos only (staff decide when verifying). */
  photos: ReportPhoto[]
  dueAt: string | null
  dueKind: DueKind | null
  overdue: boolean
  receivedAt: string
  updatedAt: string
  resolvedAt: string | null
  closedAt: string | null
  /** The number of the report this one was merged into. */
  mergedInto: string | null
  statusReason: string | null
  /** Public events only. */
  timeline: ReportEvent[]
}

/** A report as the team sees it: routing, all photos and the full timeline, but no contact (see revealContact). */
export interface StaffReport extends Omit<PublicReport, 'timeline'> {
  id: string
  officeId: string | null
  unitId: string | null
  dimension: DimensionId
  atHome: boolean
  source: ReportSource
  reopenedCount: number
  photosPublic: boolean
  timeline: StaffReportEvent[]
  /** Whether a name, phone or email is on file (revealed only through revealContact). */
  hasContact: boolean
  anonymisedAt: string | null
}

/** The reporter's personal data: shown to staff only through an audited reveal. */
export interface ReporterContact {
  name: string | null
  phone: string | null
  email: string | null
  exactPoint: { lat: number; lon: number } | null
  landmark: string | null
}

/** Who sends a submission, for the rate limits and the delay token. */
export interface SubmissionGuard {
  ip?: string | undefined
  device?: string | undefined
  delayToken?: string | undefined
  /** An API token with reports.report:create or an Open311 api_key: no delay token nor device counter. */
  trusted?: boolean | undefined
  /** A channel that cannot carry a delay token (anonymous Open311): counted per IP and device, no token. */
  delayTokenExempt?: boolean | undefined
}

/** A report as its reporter sees it with the tracking code. */
export type TrackedReport = PublicReport & { canConfirm: boolean; canReopen: boolean; hasEmail: boolean }

export interface PublicReportFilters {
  status?: 'open' | 'closed' | ReportStatus | undefined
  category?: string | undefined
  kecamatan?: string | undefined
  desa?: string | undefined
  /** Reports received at or after this instant (ISO) or local date. */
  since?: string | undefined
  page?: number | undefined
  pageSize?: number | undefined
}

export interface ReportPage<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface QueueFilters {
  status?: 'open' | 'closed' | ReportStatus | undefined
  overdue?: boolean | undefined
  dimension?: DimensionId | undefined
  officeId?: string | undefined
  category?: string | undefined
  q?: string | undefined
  page?: number | undefined
}

export interface SubmitResult {
  report: PublicReport
  /** Shown once; null on a replayed submission. */
  trackingCode: string | null
  replayed: boolean
  duplicates: PublicReport[]
}

/** Sends a message to the reporter (the mail capability); tests capture it. */
export type SendMail = (to: string, subject: string, text: string) => Promise<void>
