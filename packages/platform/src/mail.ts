import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { rootCertificates } from 'node:tls'
import { problem, type TenantContext } from '@cerdas/core'
import { findTenantBySlug, recordLifecycleEvent } from '@cerdas/db'
import type { createTransport } from 'nodemailer'
import { z } from 'zod'
import { writeAudited } from './control-plane-audit'
import type { Platform } from './platform'
import { canonicalHost, checkLiteralDestination, type Resolver, resolveDestination } from './smtp-destination'
import { requireSettingsPermission, type SettingsCheck, type SettingsIssue, settingsIssues } from './tenant-settings'

/**
 * Outgoing mail of a tenant: its SMTP settings in the control plane
 * (`tenants.mail`, JSON) and sending through nodemailer. The SMTP password is
 * never stored: the settings name the environment variable that holds it,
 * and only the tenant's own variable may be named (see
 * {@link smtpPasswordEnvName}). The host is checked where it resolves (see
 * smtp-destination.ts), credentials only go over TLS, and a failure is told
 * as one of our own categories, never the remote server's words.
 * Sending never throws; it answers whether the message left and, if not, why.
 */

/** Operator setting: a PEM file of extra certificate authorities trusted for SMTP (an internal relay's CA). */
export const SMTP_CA_FILE_ENV = 'CERDAS_SMTP_CA_FILE'

/**
 * The one environment variable a tenant's SMTP password may come from:
 * `CERDAS_SMTP_TOBA_PASSWORD` for `toba`, `CERDAS_SMTP_TOBA_COPY_PASSWORD`
 * for `toba-copy`. One exact name, not a prefix: with a prefix, `toba` could
 * name `CERDAS_SMTP_TOBA_COPY_PASSWORD`, which belongs to `toba-copy`.
 */
export function smtpPasswordEnvName(slug: string): string {
  return `CERDAS_SMTP_${slug.toUpperCase().replaceAll('-', '_')}_PASSWORD`
}

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

/** Whose settings these are and the operator's environment, for the checks that depend on them. */
export interface MailScope {
  slug: string
  /** Where `CERDAS_SMTP_ALLOW_HOSTS` is read; `process.env` by default. */
  env?: Record<string, string | undefined>
}

/**
 * Field → issue; `required` from the cross-field checks is reported as such.
 * With a scope, the password variable must be the tenant's own
 * (`envNamespace`), and an internal address literal (`hostRefused`) or an
 * unusual port (`portRefused`) is refused unless the operator allows it.
 */
export function checkMailSettings(input: unknown, scope?: MailScope): SettingsCheck<MailSettings> {
  const parsed = mailSettingsSchema.safeParse(input)
  const errors: Record<string, SettingsIssue> = {}
  if (!parsed.success) {
    for (const [key, issue] of Object.entries(settingsIssues(parsed.error))) {
      errors[key] = issue.code === 'invalid' && issue.message === 'required' ? { code: 'required' } : issue
    }
    return { ok: false, errors }
  }
  const value = parsed.data
  if (!scope) return { ok: true, value }
  if (value.passwordEnv && value.passwordEnv !== smtpPasswordEnvName(scope.slug)) {
    errors.passwordEnv = { code: 'invalid', message: 'envNamespace' }
  }
  if (value.host) {
    const literal = checkLiteralDestination(value.host, value.port, scope.env ?? process.env)
    if (!literal.ok) errors[literal.refusal === 'port' ? 'port' : 'host'] = refusalIssue(literal.refusal)
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }
}

const refusalIssue = (refusal: 'host' | 'port' | 'unresolved'): SettingsIssue => ({
  code: 'invalid',
  message: refusal === 'port' ? 'portRefused' : 'hostRefused',
})

/**
 * {@link checkMailSettings}, then the host name resolved: a name whose
 * addresses are internal is refused when saved, not only when mail is sent.
 * A name that does not resolve now is accepted (DNS may be down); sending
 * checks again.
 */
export async function validateMailSettings(
  input: unknown,
  scope: MailScope,
  resolve?: Resolver,
): Promise<SettingsCheck<MailSettings>> {
  const checked = checkMailSettings(input, scope)
  if (!checked.ok || !checked.value.host) return checked
  const destination = await resolveDestination(
    checked.value.host,
    checked.value.port,
    scope.env ?? process.env,
    resolve,
  )
  if (destination.ok || destination.refusal === 'unresolved') return checked
  const field = destination.refusal === 'port' ? 'port' : 'host'
  return { ok: false, errors: { [field]: refusalIssue(destination.refusal) } }
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
  options: { env?: Record<string, string | undefined> } = {},
): Promise<MailSettings> {
  requireSettingsPermission(ctx.actor)
  const checked = await validateMailSettings(input, {
    slug: ctx.tenant.slug,
    ...(options.env ? { env: options.env } : {}),
  })
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
  await writeAudited(
    platform,
    record,
    [
      {
        sql: 'UPDATE tenants SET mail = ?, updated_at = ? WHERE id = ?',
        args: [JSON.stringify(checked.value), new Date().toISOString(), record.id],
      },
    ],
    ctx.actor,
    { action: 'update', entity: 'cerdas.mail_settings', entityId: record.id, before, after: checked.value },
  )
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
 * Why a message was not sent, in our own categories: the remote server's
 * reply text is never passed on, since an admin who points the settings at a
 * service they should not reach would otherwise read its answers.
 */
export type MailFailure =
  /** Email is off or not configured for the tenant. */
  | 'off'
  /** The caller did not ask for mail. */
  | 'notRequested'
  /** The settings name a password variable that is not the tenant's own. */
  | 'passwordVariable'
  /** The tenant's password variable is not set on the server. */
  | 'passwordMissing'
  /** The host is, or resolves to, an internal address the operator has not allowed. */
  | 'hostRefused'
  /** The port is not an SMTP port and the operator has not allowed it. */
  | 'portRefused'
  /** The host name does not resolve. */
  | 'unresolved'
  /** No connection: refused, reset or timed out. */
  | 'connection'
  /** TLS could not be set up (no STARTTLS before login, or a certificate that does not verify). */
  | 'tls'
  /** The server did not accept the user name and password. */
  | 'auth'
  /** The server refused the sender, a recipient or the message. */
  | 'rejected'
  /** Anything else went wrong on our side. */
  | 'error'

/** One English line per failure, for logs and the API; the console shows its own translations. */
export const MAIL_FAILURE_TEXT: Record<MailFailure, string> = {
  off: 'email (SMTP) is not configured for this tenant',
  notRequested: 'not requested',
  passwordVariable: "the SMTP password variable is not this tenant's own",
  passwordMissing: 'the SMTP password variable is not set on the server',
  hostRefused: 'the SMTP host is an internal address that is not allowed',
  portRefused: 'the SMTP port is not allowed',
  unresolved: 'the SMTP host name could not be resolved',
  connection: 'could not connect to the SMTP server',
  tls: 'a secure (TLS) connection to the SMTP server could not be set up',
  auth: 'the SMTP server refused the user name or password',
  rejected: 'the SMTP server rejected the message',
  error: 'the email could not be sent',
}

/**
 * What became of a message. `attempted` is false when nothing was sent to a
 * server (mail off, password variable missing, destination refused).
 * `reason` is {@link MAIL_FAILURE_TEXT} of `failure`: no stack, no secret, no
 * remote text.
 */
export type MailResult =
  | { emailed: true; attempted: true; to: string; messageId: string }
  | { emailed: false; attempted: boolean; to: string; failure: MailFailure; reason: string }

/** A message not sent, for a failure. */
export function mailNotSent(to: string, failure: MailFailure, attempted = false): MailResult {
  return { emailed: false, attempted, to, failure, reason: MAIL_FAILURE_TEXT[failure] }
}

export type MailLog = (msg: string, fields: Record<string, unknown>) => void

export interface SendOptions {
  /** Where the password variable and the operator's SMTP settings are read; `process.env` by default. */
  env?: Record<string, string | undefined>
  /** Connection, greeting and socket timeout; 15 s by default. */
  timeoutMs?: number
  /** Host name resolution; the system resolver by default. */
  resolve?: Resolver
}

/** `reason` of a message not sent because the tenant has email off or not configured. */
export const MAIL_OFF_REASON = MAIL_FAILURE_TEXT.off

const TLS_CODES = /^(ETLS|ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL)/

/** Our category for a nodemailer error; the error's text is never used. */
export function mailFailureOf(error: unknown): MailFailure {
  const e = error as {
    code?: unknown
    originalCode?: unknown
    responseCode?: unknown
    command?: unknown
    cert?: unknown
  }
  const code = typeof e?.code === 'string' ? e.code : ''
  const originalCode = typeof e?.originalCode === 'string' ? e.originalCode : ''
  // A certificate that does not verify arrives as a socket error carrying the certificate.
  if (TLS_CODES.test(code) || TLS_CODES.test(originalCode) || e?.cert || e?.command === 'STARTTLS') return 'tls'
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'auth'
  if (code === 'EENVELOPE' || code === 'EMESSAGE' || typeof e?.responseCode === 'number') return 'rejected'
  if (code === 'EDNS') return 'unresolved'
  if (['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH'].includes(code)) {
    return 'connection'
  }
  return 'error'
}

/** The system's certificate authorities plus the operator's extra ones, when named. */
function trustedAuthorities(env: Record<string, string | undefined>): string[] | undefined {
  const file = env[SMTP_CA_FILE_ENV]
  if (!file) return undefined
  return [...rootCertificates, readFileSync(file, 'utf8')]
}

/** Sends one message with the tenant's settings; never throws. */
export async function sendMail(
  tenantSlug: string,
  settings: MailSettings,
  message: MailMessage,
  options: SendOptions = {},
): Promise<MailResult> {
  const to = message.to
  if (!settings.enabled || !settings.host || !settings.from) return mailNotSent(to, 'off')
  const env = options.env ?? process.env
  let auth: { user: string; pass: string } | undefined
  if (settings.user) {
    // Checked again here: settings saved before the rule may name another tenant's variable.
    if (settings.passwordEnv !== smtpPasswordEnvName(tenantSlug)) return mailNotSent(to, 'passwordVariable')
    const pass = env[settings.passwordEnv]
    if (!pass) return mailNotSent(to, 'passwordMissing')
    auth = { user: settings.user, pass }
  }
  const destination = await resolveDestination(settings.host, settings.port, env, options.resolve)
  if (!destination.ok) {
    const failure =
      destination.refusal === 'port' ? 'portRefused' : destination.refusal === 'host' ? 'hostRefused' : 'unresolved'
    return mailNotSent(to, failure)
  }
  const name = canonicalHost(settings.host) ?? settings.host
  const timeout = options.timeoutMs ?? 15_000
  let transport: ReturnType<typeof createTransport> | undefined
  try {
    const ca = trustedAuthorities(env)
    // Loaded when a tenant first sends mail: a server that sends none never holds nodemailer.
    const nodemailer = await import('nodemailer')
    transport = nodemailer.createTransport({
      // The checked address, not the name: a second DNS answer cannot move the connection elsewhere.
      host: destination.address,
      port: settings.port,
      secure: settings.secure,
      // Credentials never go over plaintext: no STARTTLS, no login.
      requireTLS: auth !== undefined && !settings.secure,
      tls: {
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        // The certificate is verified against the configured name, not the address connected to.
        ...(isIP(name) === 0 ? { servername: name } : {}),
        ...(ca ? { ca } : {}),
      },
      ...(auth ? { auth } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    })
    const info = await transport.sendMail({
      from: settings.from,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    })
    return { emailed: true, attempted: true, to, messageId: String(info.messageId ?? '') }
  } catch (error) {
    return mailNotSent(to, mailFailureOf(error), true)
  } finally {
    transport?.close()
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
  return sendMail(ctx.tenant.slug, settings, testMessage(to, ctx.tenant.name), options)
}
