import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const HOST = 'toba.localhost'
const VALID = {
  enabled: true,
  host: 'smtp.tobakab.go.id',
  port: 587,
  user: 'no-reply@tobakab.go.id',
  passwordEnv: 'CERDAS_SMTP_TOBA_PASSWORD',
  from: 'Diskominfo Toba <no-reply@tobakab.go.id>',
}

let t: TestPlatform

const put = (body: unknown) =>
  t.request(HOST, '/api/v1/settings/mail', { method: 'PUT', token: TEST_OPERATOR_TOKEN, body: JSON.stringify(body) })

async function tobaDb() {
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  return t.platform.tenantDb(tenant.record)
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba')
  await t.createTenant('samosir')
})
afterAll(() => t?.close())

describe('PUT /api/v1/settings/mail', () => {
  it("refuses another variable than the tenant's own with 422 problem+json, saving nothing", async () => {
    for (const passwordEnv of ['CERDAS_SMTP_SAMOSIR_PASSWORD', 'CERDAS_CONTROL_PLANE_TOKEN']) {
      const res = await put({ ...VALID, passwordEnv })
      expect(res.status).toBe(422)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      const body = (await res.json()) as { errors?: { pointer: string; message: string }[] }
      expect(body.errors).toEqual([{ pointer: '/passwordEnv', message: 'envNamespace' }])
    }
    const saved = await t.request(HOST, '/api/v1/settings/mail', { token: TEST_OPERATOR_TOKEN })
    expect(await saved.json()).toMatchObject({
      enabled: false,
      passwordEnv: '',
      passwordEnvName: 'CERDAS_SMTP_TOBA_PASSWORD',
    })
  })

  it('refuses internal hosts, literal or resolved (localhost), and odd ports with 422', async () => {
    for (const [host, port, pointer] of [
      ['169.254.169.254', 587, '/host'],
      ['127.0.0.1', 587, '/host'],
      ['0x7f000001', 587, '/host'],
      ['localhost', 587, '/host'],
      ['smtp.tobakab.go.id', 22, '/port'],
    ] as const) {
      const res = await put({ ...VALID, host, port })
      expect(res.status, host).toBe(422)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      const body = (await res.json()) as { errors?: { pointer: string }[] }
      expect(body.errors?.map((e) => e.pointer)).toEqual([pointer])
    }
  })

  it('saves the tenant’s own settings; the change is in the audit trail right away', async () => {
    const res = await put(VALID)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject(VALID)
    const audit = await t.request(HOST, '/api/v1/audit?entity=cerdas.mail_settings', { token: TEST_OPERATOR_TOKEN })
    const { items } = (await audit.json()) as { items: { action: string; after: unknown }[] }
    expect(items[0]).toMatchObject({ action: 'update', after: { passwordEnv: VALID.passwordEnv } })
  })

  it('an entry left pending by a failed move shows in the audit trail on the next read', async () => {
    const db = await tobaDb()
    await db.$client.execute(
      "CREATE TRIGGER fail_audit BEFORE INSERT ON cerdas_audit_log BEGIN SELECT RAISE(ABORT, 'injected'); END",
    )
    try {
      expect((await put({ ...VALID, port: 2525 })).status).toBe(200)
    } finally {
      await db.$client.execute('DROP TRIGGER fail_audit')
    }
    const pending = await t.platform.controlPlane.$client.execute('SELECT COUNT(*) AS n FROM pending_audit')
    expect(Number(pending.rows[0]?.n)).toBe(1)
    const audit = await t.request(HOST, '/api/v1/audit?entity=cerdas.mail_settings', { token: TEST_OPERATOR_TOKEN })
    const { items } = (await audit.json()) as { items: { after: { port: number } }[] }
    expect(items).toHaveLength(2)
    expect(items[0]?.after.port).toBe(2525)
    const verify = await t.request(HOST, '/api/v1/audit/verification', { token: TEST_OPERATOR_TOKEN })
    expect(await verify.json()).toMatchObject({ ok: true })
  })
})
