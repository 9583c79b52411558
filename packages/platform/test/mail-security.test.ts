import type { TenantContext } from '@cerdas/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkMailSettings,
  type MailMessage,
  type MailSettings,
  sendMail,
  sendTestMail,
  smtpPasswordEnvName,
  tenantMailSettings,
  updateMailSettings,
  validateMailSettings,
} from '../src/mail'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { isPublicAddress, parseAllowedHosts, resolveDestination } from '../src/smtp-destination'
import { REMOTE_SECRET_TEXT, startTestSmtp, TEST_CA_FILE, type TestSmtp } from './mail-smtp'
import { testPlatform } from './support'

const USER = 'no-reply@tobakab.go.id'
const PASS = 'smtp-rahasia-keamanan'
const FROM = 'Diskominfo Toba <no-reply@tobakab.go.id>'
const TOBA_ENV = 'CERDAS_SMTP_TOBA_PASSWORD'
const MESSAGE: MailMessage = { to: 'admin@toba.example', subject: 'Uji', text: 'uji', html: '<p>uji</p>' }

let platform: Platform
let smtp: TestSmtp
let plaintext: TestSmtp

const ADMIN = { kind: 'user' as const, id: 'usr_admin', grants: [{ role: 'admin' as const, dimension: null }] }

async function context(slug = 'toba'): Promise<TenantContext> {
  const tenant = await platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no ${slug}`)
  return platform.context(tenant, await platform.tenantDb(tenant.record), { actor: ADMIN })
}

/** The operator's environment with the test servers allowed and their certificate trusted. */
const operatorEnv = () => ({
  CERDAS_SMTP_ALLOW_HOSTS: `127.0.0.1:${smtp.port}, 127.0.0.1:${plaintext.port}`,
  CERDAS_SMTP_CA_FILE: TEST_CA_FILE,
  [TOBA_ENV]: PASS,
})

const settings = (over: Partial<MailSettings> = {}): MailSettings => ({
  enabled: true,
  host: '127.0.0.1',
  port: smtp.port,
  secure: false,
  user: USER,
  passwordEnv: TOBA_ENV,
  from: FROM,
  ...over,
})

/** Stores settings as they may have been saved before these checks existed. */
async function storeRaw(slug: string, mail: MailSettings) {
  await platform.controlPlane.$client.execute({
    sql: 'UPDATE tenants SET mail = ? WHERE slug = ?',
    args: [JSON.stringify(mail), slug],
  })
}

beforeAll(async () => {
  smtp = await startTestSmtp({ user: USER, pass: PASS })
  plaintext = await startTestSmtp({ user: USER, pass: PASS }, { starttls: false })
  platform = await testPlatform()
  await createTenant(platform, { slug: 'toba', template: 'kabupaten', name: 'Kabupaten Toba' })
  await createTenant(platform, { slug: 'toba-copy', template: 'kabupaten', name: 'Salinan Toba' })
})
afterAll(async () => {
  await smtp?.close()
  await plaintext?.close()
})

describe("the password variable is the tenant's own", () => {
  it('is named after the slug', () => {
    expect(smtpPasswordEnvName('toba')).toBe('CERDAS_SMTP_TOBA_PASSWORD')
    expect(smtpPasswordEnvName('toba-copy')).toBe('CERDAS_SMTP_TOBA_COPY_PASSWORD')
  })

  it('refuses any other variable when saved, another tenant’s and the database token’s alike', async () => {
    const ctx = await context()
    for (const name of ['CERDAS_SMTP_TOBA_COPY_PASSWORD', 'TOBA_DB_TOKEN', 'CERDAS_SMTP_TOBA_PASSWORD_X', 'PATH']) {
      const checked = checkMailSettings(settings({ passwordEnv: name }), { slug: 'toba', env: operatorEnv() })
      expect(checked).toMatchObject({
        ok: false,
        errors: { passwordEnv: { code: 'invalid', message: 'envNamespace' } },
      })
      await expect(
        updateMailSettings(platform, ctx, settings({ passwordEnv: name }), { env: operatorEnv() }),
      ).rejects.toMatchObject({
        problem: { status: 422, errors: [{ pointer: '/passwordEnv', message: 'envNamespace' }] },
      })
    }
    expect(await tenantMailSettings(platform, ctx.tenant.id)).toMatchObject({ enabled: false, passwordEnv: '' })
  })

  it('never sends a foreign variable stored before the rule: nothing leaves', async () => {
    await storeRaw('toba', settings({ passwordEnv: 'CERDAS_SMTP_TOBA_COPY_PASSWORD' }))
    const before = smtp.connections
    const result = await sendTestMail(platform, await context(), 'admin@toba.example', {
      env: { ...operatorEnv(), CERDAS_SMTP_TOBA_COPY_PASSWORD: 'rahasia-salinan' },
    })
    expect(result).toMatchObject({ emailed: false, attempted: false, failure: 'passwordVariable' })
    expect(smtp.connections).toBe(before)
    expect(smtp.logins.some((l) => l.password === 'rahasia-salinan')).toBe(false)
  })
})

describe('internal hosts and odd ports', () => {
  const INTERNAL_LITERALS = [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '2130706433', // 127.0.0.1 as one decimal number
    '0x7f.0.0.1', // hex
    '0177.0.0.1', // octal
    '0xa9fea9fe', // 169.254.169.254 in hex
  ]

  it('refuses internal address literals in any spelling when saved', async () => {
    const ctx = await context()
    for (const host of INTERNAL_LITERALS) {
      const checked = checkMailSettings(settings({ host, port: 587 }), { slug: 'toba', env: operatorEnv() })
      expect(checked, host).toMatchObject({ ok: false, errors: { host: { message: 'hostRefused' } } })
      await expect(
        updateMailSettings(platform, ctx, settings({ host, port: 587 }), { env: operatorEnv() }),
      ).rejects.toMatchObject({ problem: { status: 422 } })
    }
  })

  it('refuses a name resolving to loopback (localhost) when saved and when sending', async () => {
    const ctx = await context()
    const checked = await validateMailSettings(settings({ host: 'localhost', port: 587 }), {
      slug: 'toba',
      env: operatorEnv(),
    })
    expect(checked).toMatchObject({ ok: false, errors: { host: { message: 'hostRefused' } } })
    // A name whose records point inside, resolved at send time (a DNS answer can change after saving).
    const resolve = async () => ['203.0.114.7', '169.254.169.254']
    const refused = await validateMailSettings(
      settings({ host: 'smtp.tobakab.go.id', port: 587 }),
      { slug: 'toba', env: operatorEnv() },
      resolve,
    )
    expect(refused).toMatchObject({ ok: false, errors: { host: { message: 'hostRefused' } } })
    await storeRaw('toba', settings({ host: 'localhost', port: 587 }))
    const before = smtp.connections + plaintext.connections
    const result = await sendTestMail(platform, ctx, 'admin@toba.example', { env: operatorEnv() })
    expect(result).toMatchObject({ emailed: false, attempted: false, failure: 'hostRefused' })
    const viaName = await sendMail('toba', settings({ host: 'smtp.tobakab.go.id', port: 587 }), MESSAGE, {
      env: operatorEnv(),
      resolve,
    })
    expect(viaName).toMatchObject({ emailed: false, attempted: false, failure: 'hostRefused' })
    expect(smtp.connections + plaintext.connections).toBe(before)
  })

  it('refuses every internal kind of address a name may resolve to, IPv6 included', async () => {
    for (const address of [
      '::1',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '100.100.100.100',
      '169.254.169.254',
      '239.1.2.3',
    ]) {
      expect(isPublicAddress(address), address).toBe(false)
      const checked = await resolveDestination('smtp.tobakab.go.id', 587, {}, async () => [address])
      expect(checked, address).toEqual({ ok: false, refusal: 'host' })
    }
    expect(isPublicAddress('8.8.8.8')).toBe(true)
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true)
  })

  it('refuses an unusual port, saved or sent, unless the operator names it', async () => {
    const checked = checkMailSettings(settings({ host: 'smtp.tobakab.go.id', port: 6379 }), { slug: 'toba', env: {} })
    expect(checked).toMatchObject({ ok: false, errors: { port: { message: 'portRefused' } } })
    const sent = await sendMail('toba', settings({ host: 'smtp.tobakab.go.id', port: 6379 }), MESSAGE, {
      env: { [TOBA_ENV]: PASS },
      resolve: async () => ['8.8.8.8'],
    })
    expect(sent).toMatchObject({ emailed: false, attempted: false, failure: 'portRefused' })
    for (const port of [25, 465, 587, 2525]) {
      expect(checkMailSettings(settings({ host: 'smtp.tobakab.go.id', port }), { slug: 'toba', env: {} }).ok).toBe(true)
    }
    const allowed = parseAllowedHosts('relay.internal:10025, 10.0.0.0/8, [fd00::25]:2526')
    expect(allowed).toHaveLength(3)
    expect(
      (
        await resolveDestination(
          'relay.internal',
          10025,
          { CERDAS_SMTP_ALLOW_HOSTS: 'relay.internal:10025' },
          async () => ['10.0.0.5'],
        )
      ).ok,
    ).toBe(true)
    expect(
      (
        await resolveDestination(
          'relay.internal',
          10026,
          { CERDAS_SMTP_ALLOW_HOSTS: 'relay.internal:10025' },
          async () => ['10.0.0.5'],
        )
      ).ok,
    ).toBe(false)
    expect(
      (await resolveDestination('mx.corp', 25, { CERDAS_SMTP_ALLOW_HOSTS: '10.0.0.0/8' }, async () => ['10.9.8.7'])).ok,
    ).toBe(true)
  })

  it('connects to the address it checked, verifying TLS against the configured name', async () => {
    let lookups = 0
    // A resolver that answers an internal address the second time: it is never asked twice.
    const rebinding = async () => (lookups++ === 0 ? ['127.0.0.1'] : ['10.0.0.1'])
    const received = smtp.received.length
    const result = await sendMail('toba', settings({ host: 'localhost' }), MESSAGE, {
      env: operatorEnv(),
      resolve: rebinding,
    })
    expect(result).toMatchObject({ emailed: true })
    expect(lookups).toBe(1)
    expect(smtp.received).toHaveLength(received + 1)
    // The same address under a name the certificate does not carry: TLS fails before any login.
    const logins = smtp.logins.length
    const mismatch = await sendMail('toba', settings({ host: 'mail.toba.test' }), MESSAGE, {
      env: operatorEnv(),
      resolve: async () => ['127.0.0.1'],
    })
    expect(mismatch).toMatchObject({ emailed: false, attempted: true, failure: 'tls' })
    expect(smtp.logins).toHaveLength(logins)
  })
})

describe('credentials and replies', () => {
  it('never sends AUTH over plaintext, even to a server that offers it', async () => {
    const result = await sendMail('toba', settings({ port: plaintext.port }), MESSAGE, { env: operatorEnv() })
    expect(result).toMatchObject({ emailed: false, attempted: true, failure: 'tls' })
    expect(plaintext.logins).toEqual([])
    expect(plaintext.connections).toBeGreaterThan(0)
  })

  it('logs in only after STARTTLS', async () => {
    const result = await sendMail('toba', settings(), MESSAGE, { env: operatorEnv() })
    expect(result).toMatchObject({ emailed: true })
    expect(smtp.logins.at(-1)).toMatchObject({ user: USER, secure: true })
  })

  it('never passes the remote reply text on, only our own category', async () => {
    const wrong = await sendMail('toba', settings(), MESSAGE, { env: { ...operatorEnv(), [TOBA_ENV]: 'salah' } })
    expect(wrong).toMatchObject({ emailed: false, failure: 'auth' })
    const rejecting = await startTestSmtp({ user: USER, pass: PASS }, { rejectRecipients: true })
    try {
      const env = { ...operatorEnv(), CERDAS_SMTP_ALLOW_HOSTS: `127.0.0.1:${rejecting.port}` }
      const rejected = await sendMail('toba', settings({ port: rejecting.port }), MESSAGE, { env })
      expect(rejected).toMatchObject({ emailed: false, attempted: true, failure: 'rejected' })
      for (const result of [wrong, rejected]) {
        expect(JSON.stringify(result)).not.toContain(REMOTE_SECRET_TEXT)
        expect(JSON.stringify(result)).not.toMatch(/535|550|Invalid|Mailbox/)
      }
    } finally {
      await rejecting.close()
    }
  })
})
