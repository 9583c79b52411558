import { createTenantWithEveryModule, createTestPlatform, createTestToken, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REGULATION_DOCUMENT_MAX_BYTES } from '../src/index'

/**
 * A regulation's PDF through the API: an unlimited admin uploads it, the type is told from the
 * content (a PNG or an HTML page named PDF is refused), it is served with the headers that keep a
 * crafted PDF from scripting the portal, only on its own tenant's host, and each upload is audited.
 */

const HOST = 'uji.localhost'
const API = '/api/v1/governance/regulations'
let t: TestPlatform
let admin: string
let governanceAdmin: string
let regulationId: string

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const HTML = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>')

const upload = (id: string, bytes: Uint8Array, token: string | null, type = 'application/pdf', query = '') =>
  t.request(HOST, `${API}/${id}/document${query}`, {
    method: 'PUT',
    token,
    headers: { 'content-type': type },
    body: bytes as Uint8Array<ArrayBuffer>,
  })

async function auditOf(id: string): Promise<{ action: string; after: string | null }[]> {
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  const db = await t.platform.tenantDb(tenant.record)
  const rows = await db.$client.execute({
    sql: "SELECT action, after FROM cerdas_audit_log WHERE entity = 'governance.regulation' AND entity_id = ? AND action LIKE '%document' ORDER BY seq",
    args: [id],
  })
  return rows.rows.map((r) => ({ action: String(r.action), after: r.after === null ? null : String(r.after) }))
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'uji')
  await createTenantWithEveryModule(t, 'lain')
  admin = (await createTestToken(t, 'uji', [{ role: 'admin', dimension: null }])).secret
  governanceAdmin = (await createTestToken(t, 'uji', [{ role: 'admin', dimension: 'governance' }])).secret
  const res = await t.send(
    HOST,
    'POST',
    API,
    {
      kind: 'perbup',
      number: '12 Tahun 2021',
      title: { id: 'Pembentukan Dewan Smart City' },
      validFrom: '2021-05-01',
    },
    admin,
  )
  expect(res.status).toBe(201)
  regulationId = ((await res.json()) as { id: string }).id
}, 120_000)
afterAll(() => t?.close())

describe("a regulation's PDF", () => {
  it('is uploaded by an unlimited admin, audited, and served with sandboxing headers', async () => {
    const res = await upload(regulationId, PDF, admin)
    expect(res.status).toBe(200)
    const document = (await res.json()) as { fileName: string; bytes: number; url: string }
    expect(document).toMatchObject({ fileName: 'perbup-12-tahun-2021.pdf', bytes: PDF.byteLength })
    expect(document.url).toBe(`${API}/${regulationId}/document`)

    const served = await t.request(HOST, document.url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(served.headers.get('content-disposition')).toBe('inline; filename="perbup-12-tahun-2021.pdf"')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toMatch(/^sandbox;.*default-src 'none'/)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PDF)

    const again = await t.request(HOST, document.url, {
      headers: { 'if-none-match': served.headers.get('etag') ?? '' },
    })
    expect(again.status).toBe(304)

    const entries = await auditOf(regulationId)
    expect(entries.map((e) => e.action)).toEqual(['attach_document'])
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({ document: { bytes: PDF.byteLength } })
  })

  it("is not served on another tenant's host", async () => {
    const res = await t.request('lain.localhost', `${API}/${regulationId}/document`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('refuses a PNG or an HTML page sent as a PDF, and writes nothing', async () => {
    for (const bytes of [PNG, HTML]) {
      const res = await upload(regulationId, bytes, admin)
      expect(res.status).toBe(422)
      const body = (await res.json()) as { errors: { pointer: string; message: string }[] }
      expect(body.errors).toEqual([{ pointer: '/file', message: 'must be a PDF document' }])
    }
    expect((await auditOf(regulationId)).length).toBe(1)
    const served = await t.request(HOST, `${API}/${regulationId}/document`)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PDF)
  })

  it('refuses another content type, a file over the limit, and an admin limited to a dimension', async () => {
    expect((await upload(regulationId, PDF, admin, 'application/octet-stream')).status).toBe(415)
    const huge = new Uint8Array(REGULATION_DOCUMENT_MAX_BYTES + 1)
    huge.set(PDF)
    const tooLarge = await upload(regulationId, huge, admin)
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json')
    expect((await upload(regulationId, PDF, governanceAdmin)).status).toBe(403)
    expect((await upload(regulationId, PDF, null)).status).toBe(401)
    expect((await auditOf(regulationId)).length).toBe(1)
  })

  it('replaces the document under the name given, and is taken away, each audited', async () => {
    const next = new TextEncoder().encode('%PDF-1.7\n% revisi\n%%EOF\n')
    const res = await upload(regulationId, next, admin, 'application/pdf', '?name=Perbup%2012%20(salinan).pdf')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { fileName: string }).fileName).toBe('perbup-12-salinan.pdf')
    const removed = await t.request(HOST, `${API}/${regulationId}/document`, { method: 'DELETE', token: admin })
    expect(removed.status).toBe(204)
    expect((await t.request(HOST, `${API}/${regulationId}/document`)).status).toBe(404)
    expect((await auditOf(regulationId)).map((e) => e.action)).toEqual([
      'attach_document',
      'attach_document',
      'remove_document',
    ])
  })
})
