import { createServer } from 'node:net'
import type { TenantContext } from '@cerdas/core'
import { listLifecycleEvents } from '@cerdas/db'
import { findUser, peekLink } from '@cerdas/identity'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type AccountMail, inviteAccount, issuePasswordReset } from '../src/accounts'
import { listAudit } from '../src/audit-log'
import {
  checkMailSettings,
  linkMessage,
  type MailSettingsInput,
  sendTestMail,
  tenantMailSettings,
  updateMailSettings,
} from '../src/mail'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { REMOTE_SECRET_TEXT, startTestSmtp, TEST_CA_FILE, type TestSmtp } from './mail-smtp'
import { testPlatform } from './support'

const SMTP_USER = 'no-reply@tobakab.go.id'
const SMTP_PASS = 'smtp-rahasia-123'
const PASSWORD_ENV = 'CERDAS_SMTP_TOBA_PASSWORD'
const FROM = 'Diskominfo Toba <no-reply@tobakab.go.id>'
const ORIGIN = 'http://toba.localhost:3000'

const ADMIN = {
  kind: 'user' as const,
  id: 'usr_admin',
  name: 'Rina Siregar',
  grants: [{ role: 'admin' as const, dimension: null }],
}
const EDITOR = { kind: 'user' as const, id: 'usr_editor', grants: [{ role: 'editor' as const, dimension: null }] }

let platform: Platform
let smtp: TestSmtp
const logged: { msg: string; fields: Record<string, unknown> }[] = []
let counter = 0
/** The operator's environment: the test server on 127.0.0.1 allowed, its certificate trusted. */
let operatorEnv: Record<string, string>

async function context(actor: TenantContext['actor'] = ADMIN): Promise<TenantContext> {
  const tenant = await platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  return platform.context(tenant, await platform.tenantDb(tenant.record), { actor })
}

const mailStep = (password: Record<string, string | undefined> = { [PASSWORD_ENV]: SMTP_PASS }): AccountMail => ({
  platform,
  linkUrl: (token) => `${ORIGIN}/admin/tautan/${token}`,
  env: { ...operatorEnv, ...password },
  log: (msg, fields) => logged.push({ msg, fields }),
})

const settings = (over: Partial<MailSettingsInput> = {}): MailSettingsInput => ({
  enabled: true,
  host: '127.0.0.1',
  port: smtp.port,
  secure: false,
  user: SMTP_USER,
  passwordEnv: PASSWORD_ENV,
  from: FROM,
  ...over,
})

/** A port on 127.0.0.1 nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

const nextEmail = () => `pegawai-${++counter}@toba.example`

const save = async (ctx: TenantContext, input: MailSettingsInput) =>
  updateMailSettings(platform, ctx, input, { env: operatorEnv })

beforeAll(async () => {
  smtp = await startTestSmtp({ user: SMTP_USER, pass: SMTP_PASS })
  operatorEnv = { CERDAS_SMTP_ALLOW_HOSTS: `127.0.0.1:${smtp.port}`, CERDAS_SMTP_CA_FILE: TEST_CA_FILE }
  platform = await testPlatform()
  await createTenant(platform, { slug: 'toba', template: 'kabupaten', name: 'Kabupaten Toba' })
})
afterAll(() => smtp?.close())
beforeEach(() => {
  logged.length = 0
})

describe('mail settings', () => {
  it('are off for a new tenant', async () => {
    const ctx = await context()
    expect(await tenantMailSettings(platform, ctx.tenant.id)).toMatchObject({ enabled: false, host: '' })
  })

  it('are validated: host, from and the password variable name', () => {
    expect(checkMailSettings({ enabled: true }).ok).toBe(false)
    const bad = checkMailSettings({
      enabled: true,
      host: 'smtp tobakab',
      port: 70000,
      user: 'x',
      passwordEnv: 'not a name',
      from: 'Diskominfo <nope>',
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['from', 'host', 'passwordEnv', 'port'])
    const missing = checkMailSettings({ enabled: true, host: 'smtp.tobakab.go.id', user: 'u' })
    expect(missing.ok).toBe(false)
    if (!missing.ok)
      expect(missing.errors).toMatchObject({ passwordEnv: { code: 'required' }, from: { code: 'required' } })
    expect(checkMailSettings({ enabled: true, host: 'smtp.tobakab.go.id', from: FROM }).ok).toBe(true)
    expect(checkMailSettings({ enabled: false, password: 'x' }).ok).toBe(false)
  })

  it('need an admin to change, and are audited without any secret', async () => {
    await expect(save(await context(EDITOR), settings())).rejects.toMatchObject({
      problem: { status: 403 },
    })
    const ctx = await context()
    const saved = await save(ctx, settings())
    expect(saved).toMatchObject({ enabled: true, port: smtp.port, passwordEnv: PASSWORD_ENV })
    expect(await tenantMailSettings(platform, ctx.tenant.id)).toEqual(saved)
    const audit = await listAudit(ctx.db, { entity: 'cerdas.mail_settings' })
    expect(audit[0]).toMatchObject({ action: 'update' })
    expect(JSON.stringify(audit)).not.toContain(SMTP_PASS)
    const events = await listLifecycleEvents(platform.controlPlane, ctx.tenant.id)
    expect(events.some((e) => e.kind === 'mail-settings-updated')).toBe(true)
  })
})

describe('an invitation with mail configured', () => {
  beforeAll(async () => {
    await save(await context(), settings())
  })

  it('is sent to the person over SMTP with auth: To, From, subject and the link', async () => {
    const before = smtp.received.length
    const email = nextEmail()
    const ctx = await context()
    const result = await inviteAccount(
      ctx,
      { email, name: 'Budi Hutapea', grants: [{ role: 'viewer', dimension: null }] },
      { mail: mailStep() },
    )
    expect(result.mail).toMatchObject({ emailed: true, to: email })
    expect(smtp.received).toHaveLength(before + 1)
    const got = smtp.received.at(-1)!
    expect(got.user).toBe(SMTP_USER)
    expect(got.rcptTo).toEqual([email])
    expect(got.mailFrom).toBe('no-reply@tobakab.go.id')
    expect(got.parsed.to && !Array.isArray(got.parsed.to) ? got.parsed.to.value[0]?.address : '').toBe(email)
    expect(got.parsed.from?.value[0]).toMatchObject({ name: 'Diskominfo Toba', address: 'no-reply@tobakab.go.id' })
    expect(got.parsed.subject).toBe(
      'Undangan ke konsol admin Kabupaten Toba / Invitation to the Kabupaten Toba admin console',
    )
    const link = `${ORIGIN}/admin/tautan/${result.token}`
    expect(got.parsed.text).toContain(link)
    expect(got.parsed.text).toContain('Rina Siregar mengundang Anda')
    expect(got.parsed.text).toContain('Rina Siregar has invited you')
    expect(got.parsed.text).toMatch(/berlaku sampai .*2\d\d\d/)
    expect(got.parsed.text?.indexOf('Halo')).toBeLessThan(got.parsed.text?.indexOf('Hello') ?? 0)
    expect(got.parsed.html).toContain(`href="${link}"`)
    expect(logged).toEqual([])
    // The link in the mail is the one the person uses.
    expect(await peekLink(ctx.db, result.token, ctx.now())).toMatchObject({ kind: 'invitation' })
  })

  it('sends a password-reset link the same way', async () => {
    const ctx = await context()
    const email = nextEmail()
    await inviteAccount(ctx, { email, name: 'Sari Manurung', grants: [{ role: 'viewer', dimension: null }] })
    const before = smtp.received.length
    const result = await issuePasswordReset(ctx, email, { mail: mailStep() })
    expect(result?.mail).toMatchObject({ emailed: true, to: email })
    const got = smtp.received.at(-1)!
    expect(smtp.received).toHaveLength(before + 1)
    expect(got.parsed.subject).toContain('Atur ulang kata sandi')
    expect(got.parsed.text).toContain(`${ORIGIN}/admin/tautan/${result?.token}`)
  })

  it('is still created when the password variable holds a wrong password: not emailed, with a reason', async () => {
    const ctx = await context()
    const email = nextEmail()
    const before = smtp.received.length
    const result = await inviteAccount(
      ctx,
      { email, name: 'Tono Simanjuntak', grants: [{ role: 'viewer', dimension: null }] },
      { mail: mailStep({ [PASSWORD_ENV]: 'salah' }) },
    )
    expect(result.mail.emailed).toBe(false)
    expect(result.mail).toMatchObject({ attempted: true })
    if (!result.mail.emailed) {
      expect(result.mail).toMatchObject({
        failure: 'auth',
        reason: 'the SMTP server refused the user name or password',
      })
      expect(JSON.stringify(result.mail)).not.toContain(REMOTE_SECRET_TEXT)
      expect(result.mail.reason).not.toContain('salah')
    }
    expect(smtp.received).toHaveLength(before)
    expect(await findUser(ctx.db, { email })).toMatchObject({ email })
    expect(await peekLink(ctx.db, result.token, ctx.now())).toMatchObject({ kind: 'invitation' })
    expect(logged).toHaveLength(1)
    expect(logged[0]?.fields).toMatchObject({ tenant: 'toba', kind: 'invitation' })
  })

  it('is still created when the password variable is not set: nothing sent, with a reason', async () => {
    const ctx = await context()
    const email = nextEmail()
    const connections = smtp.connections
    const result = await inviteAccount(
      ctx,
      { email, name: 'Lina Sitorus', grants: [{ role: 'viewer', dimension: null }] },
      { mail: mailStep({}) },
    )
    expect(result.mail).toMatchObject({ emailed: false, attempted: false })
    if (!result.mail.emailed) expect(result.mail.failure).toBe('passwordMissing')
    expect(smtp.connections).toBe(connections)
    expect(await findUser(ctx.db, { email })).toBeDefined()
  })

  it('reports an unreachable server without throwing', async () => {
    const ctx = await context()
    const closed = await closedPort()
    operatorEnv.CERDAS_SMTP_ALLOW_HOSTS = `127.0.0.1:${smtp.port},127.0.0.1:${closed}`
    await save(ctx, settings({ port: closed }))
    try {
      const result = await inviteAccount(
        ctx,
        { email: nextEmail(), name: 'Joni Napitupulu', grants: [{ role: 'viewer', dimension: null }] },
        { mail: mailStep() },
      )
      expect(result.mail).toMatchObject({ emailed: false, attempted: true })
      if (!result.mail.emailed) expect(result.mail.failure).toBe('connection')
    } finally {
      await save(ctx, settings())
    }
  })

  it('sends a test message to an admin', async () => {
    const ctx = await context()
    await expect(sendTestMail(platform, await context(EDITOR), 'x@toba.example')).rejects.toMatchObject({
      problem: { status: 403 },
    })
    const result = await sendTestMail(platform, ctx, 'admin@toba.example', {
      env: { ...operatorEnv, [PASSWORD_ENV]: SMTP_PASS },
    })
    expect(result).toMatchObject({ emailed: true })
    expect(smtp.received.at(-1)?.parsed.subject).toContain('Email uji Kabupaten Toba')
  })
})

describe('with mail disabled', () => {
  it('no mail is attempted; the invitation and link are returned as before', async () => {
    const ctx = await context()
    await save(ctx, settings({ enabled: false }))
    const connections = smtp.connections
    const received = smtp.received.length
    const email = nextEmail()
    const result = await inviteAccount(
      ctx,
      { email, name: 'Maria Pardede', grants: [{ role: 'viewer', dimension: null }] },
      { mail: mailStep() },
    )
    expect(result.token).toBeTruthy()
    expect(result.mail).toMatchObject({ emailed: false, attempted: false })
    const reset = await issuePasswordReset(ctx, email, { mail: mailStep() })
    expect(reset?.mail).toMatchObject({ emailed: false, attempted: false })
    expect(smtp.connections).toBe(connections)
    expect(smtp.received).toHaveLength(received)
    expect(logged).toEqual([])
  })

  it('without the mail step nothing is read or sent', async () => {
    const ctx = await context()
    await save(ctx, settings())
    const connections = smtp.connections
    const result = await inviteAccount(ctx, {
      email: nextEmail(),
      name: 'Dedi Sinaga',
      grants: [{ role: 'viewer', dimension: null }],
    })
    expect(result.mail).toMatchObject({ emailed: false, attempted: false })
    expect(smtp.connections).toBe(connections)
  })
})

describe('the message', () => {
  it('escapes names in HTML and shows the expiry in the tenant zone', () => {
    const message = linkMessage({
      kind: 'invitation',
      to: 'a@b.id',
      recipientName: '<b>Andi</b>',
      tenantName: 'Kabupaten Toba',
      link: 'https://toba.example/admin/tautan/abc',
      expiresAt: new Date('2030-01-08T03:00:00Z'),
      timeZone: 'Asia/Jakarta',
    })
    expect(message.html).toContain('&lt;b&gt;Andi&lt;/b&gt;')
    expect(message.html).not.toContain('<b>Andi')
    expect(message.text).toContain('Anda diundang ke konsol admin Kabupaten Toba')
    expect(message.text).toMatch(/8 Januari 2030.*10[.:]00/)
  })
})
