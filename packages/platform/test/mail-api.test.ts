import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateMailSettings } from '../src/mail'
import { REMOTE_SECRET_TEXT, startTestSmtp, TEST_CA_FILE, type TestSmtp } from './mail-smtp'

const HOST = 'toba.localhost'
const PASSWORD_ENV = 'CERDAS_SMTP_TOBA_PASSWORD'
/** The operator's settings the API process reads: the test server allowed, its certificate trusted. */
const OPERATOR_ENV = ['CERDAS_SMTP_ALLOW_HOSTS', 'CERDAS_SMTP_CA_FILE'] as const
const SMTP = { user: 'smtp-user', pass: 'smtp-pass-api-123' }

let t: TestPlatform
let smtp: TestSmtp
const savedEnv = Object.fromEntries([PASSWORD_ENV, ...OPERATOR_ENV].map((name) => [name, process.env[name]]))

const invite = (email: string) =>
  t.request(HOST, '/api/v1/users/invitations', {
    method: 'POST',
    token: TEST_OPERATOR_TOKEN,
    body: JSON.stringify({ email, name: 'Pegawai Baru', grants: [{ role: 'viewer', dimension: null }] }),
  })

async function configureMail(enabled: boolean) {
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  const ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), {
    actor: { kind: 'system', id: 'test' },
  })
  await updateMailSettings(t.platform, ctx, {
    enabled,
    host: '127.0.0.1',
    port: smtp.port,
    user: SMTP.user,
    passwordEnv: PASSWORD_ENV,
    from: 'Diskominfo Toba <no-reply@tobakab.go.id>',
  })
}

beforeAll(async () => {
  smtp = await startTestSmtp(SMTP)
  process.env[PASSWORD_ENV] = SMTP.pass
  process.env.CERDAS_SMTP_ALLOW_HOSTS = `127.0.0.1:${smtp.port}`
  process.env.CERDAS_SMTP_CA_FILE = TEST_CA_FILE
  t = await createTestPlatform()
  await t.createTenant('toba')
})
afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  t?.close()
  await smtp?.close()
})

describe('POST /api/v1/users/invitations', () => {
  it('answers emailed: false and sends nothing while the tenant has no email configured', async () => {
    const res = await invite('belum-email@toba.example')
    expect(res.status).toBe(201)
    const body = (await res.json()) as { invitationUrl: string; emailed: boolean }
    expect(body.emailed).toBe(false)
    expect(body.invitationUrl).toMatch(/^http:\/\/toba\.localhost\/admin\/tautan\//)
    expect(smtp.connections).toBe(0)
  })

  it('answers emailed: true and the person receives the same link when email is configured', async () => {
    await configureMail(true)
    const res = await invite('dengan-email@toba.example')
    expect(res.status).toBe(201)
    const body = (await res.json()) as { invitationUrl: string; emailed: boolean; emailReason?: string }
    expect(body).toMatchObject({ emailed: true })
    expect(body.emailReason).toBeUndefined()
    const got = smtp.received.at(-1)
    expect(got?.rcptTo).toEqual(['dengan-email@toba.example'])
    expect(got?.parsed.text).toContain(body.invitationUrl)
  })

  it('still invites, with emailed: false and our own one-line reason, when the SMTP password is wrong', async () => {
    process.env[PASSWORD_ENV] = 'salah'
    try {
      const res = await invite('sandi-salah@toba.example')
      expect(res.status).toBe(201)
      const body = (await res.json()) as { invitationUrl: string; emailed: boolean; emailReason?: string }
      expect(body.emailed).toBe(false)
      expect(body.emailReason).toBe('the SMTP server refused the user name or password')
      expect(body.emailReason).not.toContain(REMOTE_SECRET_TEXT)
      expect(body.invitationUrl).toContain('/admin/tautan/')
    } finally {
      process.env[PASSWORD_ENV] = SMTP.pass
    }
  })

  it('emails password-reset links too', async () => {
    const list = await t.request(HOST, '/api/v1/users', { token: TEST_OPERATOR_TOKEN })
    const { items } = (await list.json()) as { items: { id: string; email: string }[] }
    const user = items.find((u) => u.email === 'dengan-email@toba.example')
    const res = await t.request(HOST, `/api/v1/users/${user?.id}/password-reset`, {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { resetUrl: string; emailed: boolean }
    expect(body.emailed).toBe(true)
    expect(smtp.received.at(-1)?.parsed.text).toContain(body.resetUrl)
  })
})
