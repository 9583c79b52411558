import type { MailFailure } from '@cerdas/platform'
import type { AdminMessageKey } from './messages'

/** The console's words for why an email was not sent: our own categories, never the SMTP server's reply. */
export const MAIL_FAILURE_MESSAGES: Record<MailFailure, AdminMessageKey> = {
  off: 'mailFailureOff',
  notRequested: 'mailFailureNotRequested',
  passwordVariable: 'mailFailurePasswordVariable',
  passwordMissing: 'mailFailurePasswordMissing',
  hostRefused: 'mailFailureHostRefused',
  portRefused: 'mailFailurePortRefused',
  unresolved: 'mailFailureUnresolved',
  connection: 'mailFailureConnection',
  tls: 'mailFailureTls',
  auth: 'mailFailureAuth',
  rejected: 'mailFailureRejected',
  error: 'mailFailureError',
}
