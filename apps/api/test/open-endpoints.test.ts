import { setModuleEnabled } from '@cerdas/platform'
import { bareTemplates, createTestPlatform, createTestToken, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openEndpointsModule } from './support/open-endpoints-module'
import { solidPng } from './support/png'

// This file runs on its own test module only: the registered modules play no part in it.
vi.mock('@cerdas/registry', () => ({ modules: [] }))

let t: TestPlatform
let token: string

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

beforeAll(async () => {
  t = await createTestPlatform({ modules: [openEndpointsModule], templatesDir: bareTemplates(['uji']) })
  await t.createTenant('toba', { template: 'bare' })
  await t.createTenant('samosir', { template: 'bare' })
  token = (await createTestToken(t, 'toba', [{ role: 'editor', dimension: 'society' }], { name: 'open311 client' }))
    .secret
}, 90_000)
afterAll(() => t?.close())

describe("a module's open endpoints", () => {
  it('takes a form POST on the tenant of the host, with the security headers and a request id', async () => {
    const res = await t.request('toba.localhost', '/uji311/v2/requests.json', {
      method: 'POST',
      headers: FORM,
      body: form({ description: 'Sampah menumpuk di pasar' }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ tenant: 'toba', actor: null, description: 'Sampah menumpuk di pasar' })
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-request-id')).toMatch(/\S/)
    const other = await t.request('samosir.localhost', '/uji311/v2/services.xml')
    expect(other.headers.get('content-type')).toMatch(/^text\/xml/)
    expect(await other.text()).toContain('<tenant>samosir</tenant>')
  })

  it('takes a multipart form too', async () => {
    const body = new FormData()
    body.set('description', 'Lampu jalan mati')
    const res = await t.request('toba.localhost', '/uji311/v2/requests.json', { method: 'POST', body })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ description: 'Lampu jalan mati' })
  })

  it('knows the caller by a Bearer token or an api_key field or parameter, and refuses a bad one with 401', async () => {
    const post = (init: { headers?: Record<string, string>; body: string }, query = '') =>
      t.request('toba.localhost', `/uji311/v2/requests.json${query}`, {
        method: 'POST',
        headers: { ...FORM, ...init.headers },
        body: init.body,
      })
    const byHeader = await post({ headers: { authorization: `Bearer ${token}` }, body: form({ description: 'a' }) })
    expect(await byHeader.json()).toMatchObject({ actor: 'token:open311 client' })
    const byField = await post({ body: form({ api_key: token, description: 'b' }) })
    expect(await byField.json()).toMatchObject({ actor: 'token:open311 client' })
    const byQuery = await post({ body: form({ description: 'c' }) }, `?api_key=${token}`)
    expect(await byQuery.json()).toMatchObject({ actor: 'token:open311 client' })
    for (const bad of [
      await post({ headers: { authorization: 'Bearer cerdas_salah' }, body: form({ description: 'd' }) }),
      await post({ body: form({ api_key: 'cerdas_salah', description: 'e' }) }),
      await post({ body: form({ description: 'f' }) }, '?api_key='),
    ]) {
      expect(bad.status).toBe(401)
      expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    // A token of one regency is nothing on another's host.
    const elsewhere = await t.request('samosir.localhost', '/uji311/v2/requests.json', {
      method: 'POST',
      headers: FORM,
      body: form({ api_key: token }),
    })
    expect(elsewhere.status).toBe(401)
  })

  it('answers 404 where the module is off or the host unknown, and keeps api_key out of /api/v1', async () => {
    await setModuleEnabled(t.platform, 'samosir', 'uji', false)
    const off = await t.request('samosir.localhost', '/uji311/v2/services.xml')
    expect(off.status).toBe(404)
    expect(await off.json()).toMatchObject({ detail: expect.stringMatching(/uji/) })
    expect((await t.request('nowhere.localhost', '/uji311/v2/services.xml')).status).toBe(404)
    // /api/v1 takes tokens in the Authorization header only: the parameter names nobody there.
    const me = await t.request('toba.localhost', `/api/v1/auth/me?api_key=${token}`)
    expect(await me.json()).toMatchObject({ actor: null })
  })

  it('refuses a body over the limit with 413', async () => {
    const res = await t.request('toba.localhost', '/uji311/v2/requests.json', {
      method: 'POST',
      headers: FORM,
      body: form({ description: 'x'.repeat(70 * 1024) }),
    })
    expect(res.status).toBe(413)
  })

  it('stores a photo a resident sends without an account, checked and audited as the photo API does', async () => {
    const body = new FormData()
    body.set('media', new Blob([new Uint8Array(solidPng(64, 48, [200, 30, 30]))], { type: 'image/png' }), 'sampah.png')
    const res = await t.request('toba.localhost', '/uji311/v2/media', { method: 'POST', body })
    expect(res.status, await res.clone().text()).toBe(201)
    const photo = (await res.json()) as { id: string; width: number; height: number }
    expect(photo).toEqual({ id: expect.stringMatching(/^pho_/), width: 64, height: 48 })
    const db = await tenantDbOf(t, 'toba')
    const audit = await db.$client.execute({
      sql: "SELECT action FROM cerdas_audit_log WHERE entity = 'cerdas.photo' AND entity_id = ?",
      args: [photo.id],
    })
    expect(audit.rows.map((r) => r.action)).toEqual(['create'])
    const notImage = new FormData()
    notImage.set('media', new Blob(['bukan gambar'], { type: 'image/png' }), 'palsu.png')
    const refused = await t.request('toba.localhost', '/uji311/v2/media', { method: 'POST', body: notImage })
    expect(refused.status).toBe(415)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('sends mail through the tenant settings and says why not when they are off', async () => {
    const res = await t.request('toba.localhost', '/uji311/v2/code', {
      method: 'POST',
      headers: FORM,
      body: form({ email: 'warga@example.id' }),
    })
    expect(await res.json()).toEqual({ sent: false, reason: 'email (SMTP) is not configured for this tenant' })
  })
})
