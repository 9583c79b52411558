import { isProblemError, type Locale } from '@cerdas/core'
import {
  addReportReply,
  assignReport,
  changeReportStatus,
  hideReportText,
  mergeReport,
  revealContact,
} from '../src/index'
import { localizeReportMessage } from '../src/messages'
import { REPORT_STATUSES, type ReportStatus, TRANSITIONS } from '../src/statuses'
import type { ReporterContact, StaffReport } from '../src/types'
import { formText, type ReportsScreen } from './console.server'
import { type ReportAdminMessageKey, reportsT } from './messages'

export const INTENTS = ['status', 'assign', 'reply', 'note', 'hide', 'merge', 'reveal'] as const
export type Intent = (typeof INTENTS)[number]

/** What a refused action gives back: its form's values and the errors next to its fields. */
export interface ActionAnswer {
  intent: Intent
  values: Record<string, string>
  errors: Record<string, string>
  formError: string | null
  contact?: ReporterContact | null
}

const MAX_BODY = 2000
/** Which form field a problem's pointer names, per action. */
const POINTERS: Record<string, string> = {
  '/status': 'status',
  '/reason': 'reason',
  '/reply': 'reply',
  '/officeId': 'officeId',
  '/unitId': 'unitId',
  '/body': 'body',
  '/intoNumber': 'number',
  '/number': 'number',
  '/into': 'number',
  '/purpose': 'purpose',
}

/** Which permission each action needs: contact is its own, every other write is an update. */
export const PERMISSION_OF: Record<Intent, 'update' | 'read_contact'> = {
  status: 'update',
  assign: 'update',
  reply: 'update',
  note: 'update',
  hide: 'update',
  merge: 'update',
  reveal: 'read_contact',
}

/** Notice shown after each action's redirect. */
export const NOTICE_OF: Record<Exclude<Intent, 'reveal'>, ReportAdminMessageKey> = {
  status: 'noticeStatus',
  assign: 'noticeAssigned',
  reply: 'noticeReply',
  note: 'noticeNote',
  hide: 'noticeHidden',
  merge: 'noticeMerged',
}

const VALUES_OF: Record<Intent, string[]> = {
  status: ['status', 'reason', 'reply', 'photosPublic'],
  assign: ['officeId', 'unitId'],
  reply: ['body'],
  note: ['body'],
  hide: ['reason'],
  merge: ['number'],
  reveal: ['purpose'],
}

/** Checks what the form asks before the module does (errors next to fields, in the page's language). */
function checkForm(intent: Intent, values: Record<string, string>, report: StaffReport, locale: Locale) {
  const t = reportsT(locale)
  const errors: Record<string, string> = {}
  const long = (name: string) => {
    if ((values[name] ?? '').length > MAX_BODY) errors[name] = t('bodyTooLong')
  }
  const between = (name: string, min: number, max: number, key: ReportAdminMessageKey) => {
    const length = (values[name] ?? '').length
    if (length < min || length > max) errors[name] = t(key)
  }
  if (intent === 'status') {
    const allowed = TRANSITIONS[report.status] as readonly string[]
    if (!(REPORT_STATUSES as readonly string[]).includes(values.status ?? '') || !allowed.includes(values.status ?? ''))
      errors.status = t('noTransitions')
    if (values.status === 'rejected' && !values.reason) errors.reason = t('reasonRequired')
    if ((values.reason ?? '').length > 1000) errors.reason = t('reasonTooLong')
    long('reply')
  } else if (intent === 'assign') {
    if (!values.officeId) errors.officeId = t('officeRequired')
  } else if (intent === 'reply' || intent === 'note') {
    if (!values.body) errors.body = t('bodyRequired')
    long('body')
  } else if (intent === 'hide') {
    between('reason', 3, 300, 'hideRequired')
  } else if (intent === 'merge') {
    if (!values.number) errors.number = t('mergeRequired')
  } else if (intent === 'reveal') {
    between('purpose', 3, 500, 'purposeRequired')
  }
  return errors
}

/** Runs one action through the module's business function; the contact for a reveal. */
async function perform(screen: ReportsScreen, report: StaffReport, intent: Intent, v: Record<string, string>) {
  const { ctx } = screen
  switch (intent) {
    case 'status':
      await changeReportStatus(ctx, report.id, {
        status: v.status as ReportStatus,
        ...(v.reason ? { reason: v.reason } : {}),
        ...(v.reply ? { reply: v.reply } : {}),
        // The checkbox is offered only when the report has photos; without them there is nothing to decide.
        ...(report.photos.length > 0 ? { photosPublic: v.photosPublic === '1' } : {}),
      })
      return null
    case 'assign':
      await assignReport(ctx, report.id, { officeId: v.officeId ?? '', ...(v.unitId ? { unitId: v.unitId } : {}) })
      return null
    case 'reply':
    case 'note':
      await addReportReply(ctx, report.id, { body: v.body ?? '', public: intent === 'reply' })
      return null
    case 'hide':
      await hideReportText(ctx, report.id, v.reason ?? '')
      return null
    case 'merge':
      await mergeReport(ctx, report.id, (v.number ?? '').toUpperCase())
      return null
    case 'reveal':
      return revealContact(ctx, report.id, v.purpose ?? '')
  }
}

/**
 * Handles one posted action: checks the permission (403), the form (422 with errors by field),
 * then the module's own answer (a problem becomes errors next to the fields, or above the form).
 */
export async function runAction(
  screen: ReportsScreen,
  report: StaffReport,
  form: FormData,
): Promise<{ ok: true; contact: ReporterContact | null } | { ok: false; status: number; answer: ActionAnswer }> {
  const { locale } = screen
  const t = reportsT(locale)
  const intent = formText(form, '_intent') as Intent
  if (!(INTENTS as readonly string[]).includes(intent)) throw new Response('Bad request', { status: 400 })
  screen.requireReport(PERMISSION_OF[intent], report)
  const values = Object.fromEntries(VALUES_OF[intent].map((name) => [name, formText(form, name).trim()]))
  const refuse = (status: number, errors: Record<string, string>, formError: string | null = null) =>
    ({ ok: false, status, answer: { intent, values, errors, formError } }) as const
  const errors = checkForm(intent, values, report, locale)
  if (Object.keys(errors).length > 0) return refuse(422, errors)
  try {
    const contact = await perform(screen, report, intent, values)
    return { ok: true, contact: contact ?? null }
  } catch (error) {
    if (!isProblemError(error) || error.problem.status >= 500) throw error
    const p = error.problem
    if (p.status === 403) return refuse(403, {}, t('forbidden'))
    const text = (message: string) => localizeReportMessage(message, locale)
    // The module's refusals in the screen's own words where it has them, next to the field they concern.
    const own: Record<string, ReportAdminMessageKey> = {
      'status.reason': 'reasonRequired',
      'assign.officeId': 'officeUnknown',
      'assign.unitId': 'unitMismatch',
      'hide.reason': 'hideRequired',
      'merge.number': 'mergeUnknown',
      'reveal.purpose': 'purposeRequired',
    }
    const byField: Record<string, string> = {}
    for (const e of p.errors ?? []) {
      const name = POINTERS[e.pointer.split('/').slice(0, 2).join('/')]
      if (!name || !VALUES_OF[intent].includes(name)) continue
      const key = own[`${intent}.${name}`]
      byField[name] ??= key ? t(key) : text(e.message)
    }
    if (Object.keys(byField).length > 0) return refuse(p.status, byField)
    if (p.status === 409 && intent === 'status') return refuse(p.status, { status: t('statusConflict') })
    if (p.status === 409 && intent === 'merge') return refuse(p.status, { number: t('mergeConflict') })
    if (p.status === 404 && intent === 'merge') return refuse(p.status, { number: t('mergeUnknown') })
    return refuse(p.status, {}, text(p.detail ?? p.title))
  }
}
