import type { ModuleMail, ModuleMailResult, TenantContext } from '@cerdas/core'
import { z } from 'zod'
import { type MailLog, type SendOptions, sendMail, tenantMailSettings } from './mail'
import type { Platform } from './platform'

// One line: a subject with a line break would let text reach the message headers.
const moduleMailSchema = z.strictObject({
  to: z.email().max(254),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/),
  text: z.string().min(1).max(20_000),
})

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** The HTML copy of a plain-text message: paragraphs and line breaks kept, everything escaped. */
function htmlOf(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
  return `<!doctype html><html><body>${paragraphs.join('')}</body></html>`
}

/**
 * Sends a module's plain-text message (a reporter's one-time code, a status change) through the
 * tenant's own mail settings, with every check of {@link sendMail}. Never throws: a message that
 * is not valid, mail that is off, or a server that refuses answers `{ sent: false, reason }`,
 * and a failure is logged without the address.
 * @example const { sent } = await sendModuleMail(platform, ctx, { to: 'warga@example.id', subject: 'Kode', text: 'Kode: 123456' })
 */
export async function sendModuleMail(
  platform: Pick<Platform, 'controlPlane'>,
  ctx: TenantContext,
  message: ModuleMail,
  options: SendOptions & { log?: MailLog } = {},
): Promise<ModuleMailResult> {
  const parsed = moduleMailSchema.safeParse(message)
  if (!parsed.success) return { sent: false, reason: 'the message is not valid (address, subject or text)' }
  try {
    const settings = await tenantMailSettings(platform, ctx.tenant.id)
    const { to, subject, text } = parsed.data
    const result = await sendMail(ctx.tenant.slug, settings, { to, subject, text, html: htmlOf(text) }, options)
    if (result.emailed) return { sent: true }
    if (result.attempted) options.log?.('module mail not sent', { tenant: ctx.tenant.slug, failure: result.failure })
    return { sent: false, reason: result.reason }
  } catch {
    // Reading the settings failed (the control plane unreachable): still an answer, not an error.
    return { sent: false, reason: 'the email could not be sent' }
  }
}
