import { problem, type TenantContext } from '@cerdas/core'
import { findTenantBySlug, recordLifecycleEvent } from '@cerdas/db'
import { createTransport } from 'nodemailer'
import { z } from 'zod'
import type { Platform } from './platform'
import { requireSettingsPermission, type SettingsCheck, type SettingsIssue, settingsIssues } from './tenant-settings'

/**
 * Outgoing mail of a tenant: its SMTP settings in the control plane
 * (`tenants.mail`, JSON) and sending through nodemailer. The SMTP password is
 * never stored: the settings name the environment variable that holds it.
 * Sending never throws; it answers whether the message left and, if not, why.
 */

const ENV_NAME = /^([A-Za-z_][A-Za-z0-9_]*)?$/
const HOST = /^(([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)?$/
const ADDRESS = '[^\\s<>@",;]+@[^\\s<>@",;]+\\.[^\\s<>@",;]+'
/** `no-reply@tobakab.go.id` or `Diskominfo Toba <no-reply@tobakab.go.id>` (a display name may be quoted). */
const FROM = new RegExp(`^(${ADDRESS}|("[^"\\r\\n]{1,100}"|[^<>"\\r\\n]{1,100})\\s*<${ADDRESS}>)$`)

export const mailSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    host: z.string().trim().max(253).regex(HOST, 'host').default(''),
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().trim().max(254).default(''),
    /** NAME of the environment variable holding the SMTP password, e.g. `TOBA_SMTP_PASSWORD`. */
    passwordEnv: z.string().trim().max(100).regex(ENV_NAME, 'envName').default(''),
    from: z
      .string()
      .trim()
      .max(300)
      .refine((v) => v === '' || FROM.test(v), 'from')
      .default(''),
  })
  .superRefine((s, ctx) => {
    const required = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'required' })
    if (s.user && !s.passwordEnv) required('passwordEnv')
    if (s.passwordEnv && !s.user) required('user')
    if (!s.enabled) return
    if (!s.host) required('host')
    if (!s.from) required('from')
  })

export type MailSettingsInput = z.input<typeof mailSettingsSchema>
export type MailSettings = z.output<typeof mailSettingsSchema>

export const MAIL_DISABLED: MailSettings = Object.freeze({
  enabled: false,
  host: '',
  port: 587,
  secure: false,
  user: '',
  passwordEnv: '',
  from: '',
})

/** Field → issue; `required` from the cross-field checks is reported as such. */
export function checkMailSettings(input: unknown): SettingsCheck<MailSettings> {
  const parsed = mailSettingsSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: Record<string, SettingsIssue> = {}
  for (const [key, issue] of Object.entries(settingsIssues(parsed.error))) {
    errors[key] = issue.code === 'invalid' && issue.message === 'required' ? { code: 'required' } : issue
  }
  return { ok: false, errors }
}

/** Stored JSON as settings; anything unreadable counts as mail turned off. */
export function parseStoredMail(raw: unknown): MailSettings {
  let value: unknown = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch {
      return { ...MAIL_DISABLED }
    }
  }
  const parsed = mailSettingsSchema.safeParse(value ?? {})
  return parsed.success ? parsed.data : { ...MAIL_DISABLED }
}

/** The mail settings of a tenant (by id), read fresh from the control plane. */
export async function tenantMailSettings(platform: Pick<Platform, 'controlPlane'>, tenantId: string) {
  const rows = await platform.controlPlane.$client.execute({
    sql: 'SELECT mail FROM tenants WHERE id = ?',
    args: [tenantId],
  })
  return parseStoredMail(rows.rows[0]?.mail ?? '{}')
}

/** Replaces a tenant's mail settings (admins only), audited without any secret. */
export async function updateMailSettings(
  platform: Platform,
  ctx: TenantContext,
  input: MailSettingsInput,
): Promise<MailSettings> {
  requireSettingsPermission(ctx.actor)
  const checked = checkMailSettings(input)
  if (!checked.ok) {
    throw problem('validation', 'mail settings are not valid', {
      errors: Object.entries(checked.errors).map(([path, issue]) => ({
        pointer: `/${path.replaceAll('.', '/')}`,
        message: issue.message ?? issue.code,
      })),
    })
  }
  const record = await findTenantBySlug(platform.controlPlane, ctx.tenant.slug)
  if (!record || record.id !== ctx.tenant.id) throw problem('notFound', `no tenant "${ctx.tenant.slug}"`)
  const before = await tenantMailSettings(platform, record.id)
  await platform.controlPlane.$client.execute({
    sql: 'UPDATE tenants SET mail = ?, updated_at = ? WHERE id = ?',
    args: [JSON.stringify(checked.value), new Date().toISOString(), record.id],
  })
  await ctx.audit({
    action: 'update',
    entity: 'cerdas.mail_settings',
    entityId: record.id,
    before,
    after: checked.value,
  })
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'mail-settings-updated',
    detail: { enabled: checked.value.enabled },
    actor: ctx.actor ? `${ctx.actor.kind}:${ctx.actor.id}` : 'system',
  })
  return checked.value
}

// ---------------------------------------------------------------------------
// Sending

export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
}

/**
 * What became of a message. `attempted` is false when nothing was sent to a
 * server (mail off, password variable missing). `reason` is one short line,
 * safe to show to an admin: no stack, no secret.
 */
export type MailResult =
  | { emailed: true; attempted: true; to: string; messageId: string }
  | { emailed: false; attempted: boolean; to: string; reason: string }

export type MailLog = (msg: string, fields: Record<string, unknown>) => void

export interface SendOptions {
  /** Where the password variable is looked up; `process.env` by default. */
  env?: Record<string, string | undefined>
  /** Connection, greeting and socket timeout; 15 s by default. */
  timeoutMs?: number
}

/** `reason` of a message not sent because the tenant has email off or not configured. */
export const MAIL_OFF_REASON = 'email (SMTP) is not configured for this tenant'

/** One line about a failed send: nodemailer's code and the server's reply, without the stack. */
export function mailErrorReason(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown }
  const text = String(typeof e?.response === 'string' ? e.response : (e?.message ?? error))
    .split(/\r?\n/)[0]
    ?.trim()
  const code = typeof e?.code === 'string' ? `${e.code}: ` : ''
  return `${code}${text ?? 'unknown error'}`.slice(0, 300)
}

/** Sends one message with the tenant's settings; never throws. */
export async function sendMail(
  settings: MailSettings,
  message: MailMessage,
  options: SendOptions = {},
): Promise<MailResult> {
  const to = message.to
  if (!settings.enabled || !settings.host || !settings.from) {
    return { emailed: false, attempted: false, to, reason: MAIL_OFF_REASON }
  }
  const env = options.env ?? process.env
  let auth: { user: string; pass: string } | undefined
  if (settings.user) {
    const pass = settings.passwordEnv ? env[settings.passwordEnv] : undefined
    if (!pass) {
      return {
        emailed: false,
        attempted: false,
        to,
        reason: `the SMTP password variable ${settings.passwordEnv || '(none)'} is not set on the server`,
      }
    }
    auth = { user: settings.user, pass }
  }
  const timeout = options.timeoutMs ?? 15_000
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(auth ? { auth } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    })
    return { emailed: true, attempted: true, to, messageId: String(info.messageId ?? '') }
  } catch (error) {
    return { emailed: false, attempted: true, to, reason: mailErrorReason(error) }
  } finally {
    transport.close()
  }
}

/** A JSON log line on stderr, in the shape of the API's logger. */
export const stderrMailLog: MailLog = (msg, fields) => {
  process.stderr.write(`${JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg, ...fields })}\n`)
}

// ---------------------------------------------------------------------------
// Messages: Indonesian first, then English.

export interface LinkMessageInput {
  kind: 'invitation' | 'reset'
  to: string
  recipientName: string
  tenantName: string
  /** Who invited the person or issued the link, when known. */
  issuedBy?: string | undefined
  link: string
  expiresAt: Date
  /** IANA zone the expiry is shown in. */
  timeZone: string
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

function formatExpiry(at: Date, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    })
      .format(at)
      .replace(/\u202f/g, ' ')
  } catch {
    return at.toISOString()
  }
}

/** The email carrying an invitation or password-reset link, plain text and simple HTML. */
export function linkMessage(input: LinkMessageInput): MailMessage {
  const { recipientName: name, tenantName: tenant, issuedBy, link } = input
  const idExpiry = formatExpiry(input.expiresAt, 'id-ID', input.timeZone)
  const enExpiry = formatExpiry(input.expiresAt, 'en-GB', input.timeZone)
  const invitation = input.kind === 'invitation'
  const subject = invitation
    ? `Undangan ke konsol admin ${tenant} / Invitation to the ${tenant} admin console`
    : `Atur ulang kata sandi ${tenant} / Reset your ${tenant} password`
  const id = invitation
    ? [
        `Halo ${name},`,
        issuedBy
          ? `${issuedBy} mengundang Anda ke konsol admin ${tenant}.`
          : `Anda diundang ke konsol admin ${tenant}.`,
        'Buka tautan berikut untuk memilih kata sandi Anda:',
      ]
    : [
        `Halo ${name},`,
        `${issuedBy ? `${issuedBy} membuat` : 'Dibuat'} tautan untuk mengatur ulang kata sandi akun Anda di ${tenant}.`,
        'Buka tautan berikut untuk memilih kata sandi baru:',
      ]
  const idAfter = [
    `Tautan ini hanya dapat dipakai sekali dan berlaku sampai ${idExpiry}.`,
    'Jika Anda tidak mengharapkan email ini, abaikan saja.',
  ]
  const en = invitation
    ? [
        `Hello ${name},`,
        issuedBy
          ? `${issuedBy} has invited you to the ${tenant} admin console.`
          : `You have been invited to the ${tenant} admin console.`,
        'Open this link to choose your password:',
      ]
    : [
        `Hello ${name},`,
        `${issuedBy ? `${issuedBy} has issued` : 'Here is'} a link to reset the password of your ${tenant} account.`,
        'Open this link to choose a new password:',
      ]
  const enAfter = [
    `The link works once and is valid until ${enExpiry}.`,
    'If you did not expect this email, you can ignore it.',
  ]
  const text = [
    ...id.slice(0, 2),
    '',
    id[2],
    link,
    '',
    ...idAfter,
    '',
    '---',
    '',
    ...en.slice(0, 2),
    '',
    en[2],
    link,
    '',
    ...enAfter,
    '',
  ].join('\n')
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`
  const a = `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    '<div lang="id">',
    ...id.map(p),
    a,
    ...idAfter.map(p),
    '</div><hr>',
    '<div lang="en">',
    ...en.map(p),
    a,
    ...enAfter.map(p),
    '</div></body></html>',
  ].join('\n')
  return { to: input.to, subject, text, html }
}

/** A short message to check the settings from the console. */
export function testMessage(to: string, tenantName: string): MailMessage {
  const lines = [
    `Email uji dari ${tenantName}: pengaturan email (SMTP) berfungsi.`,
    `Test email from ${tenantName}: the email (SMTP) settings work.`,
  ]
  return {
    to,
    subject: `Email uji ${tenantName} / Test email`,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html><body>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`,
  }
}

/** Sends a test message with the tenant's stored settings (admins only). */
export async function sendTestMail(
  platform: Pick<Platform, 'controlPlane'>,
  ctx: TenantContext,
  to: string,
  options: SendOptions = {},
): Promise<MailResult> {
  requireSettingsPermission(ctx.actor)
  const settings = await tenantMailSettings(platform, ctx.tenant.id)
  return sendMail(settings, testMessage(to, ctx.tenant.name), options)
}
