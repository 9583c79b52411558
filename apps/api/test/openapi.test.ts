import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchOpenApi, type OpenApiDocument, operationsOf, resolveSchema } from './support/openapi'

const HOST = 'uji.localhost'
const NOT_DOCUMENTED = new Set(['/api/docs', '/api/openapi.json'])

let t: TestPlatform
let doc: OpenApiDocument

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  doc = await fetchOpenApi(t, HOST)
})
afterAll(() => t?.close())

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with a title, a version and the bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title.length).toBeGreaterThan(0)
    expect(doc.info.version.length).toBeGreaterThan(0)
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
  })

  it('is served the same on the platform host, where no tenant is resolved', async () => {
    const res = await t.request('localhost', '/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Object.keys(((await res.json()) as OpenApiDocument).paths).sort()).toEqual(Object.keys(doc.paths).sort())
  })

  it('documents every route registered in the app', () => {
    const registered = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && !NOT_DOCUMENTED.has(r.path))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    expect(registered.size).toBeGreaterThanOrEqual(8)
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)),
    )
    for (const route of registered) expect(documented, `${route} is documented`).toContain(route)
    // And nothing is documented that the app does not serve.
    for (const route of documented) expect(registered, `${route} is served`).toContain(route)
  })

  it('keeps the reference UI and the document itself out of the document', () => {
    expect(doc.paths['/api/docs']).toBeUndefined()
    expect(doc.paths['/api/openapi.json']).toBeUndefined()
  })

  it('gives every operation a summary and a success response', () => {
    const all = operationsOf(doc, '/api')
    expect(all.length).toBeGreaterThan(0)
    for (const op of all) {
      const statuses = Object.keys(op.operation.responses)
      expect(op.operation.summary, `${op.method} ${op.path} summary`).toBeTruthy()
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${op.method} ${op.path} success`,
      ).toBe(true)
    }
  })

  it('documents the problem responses of every write: 401, 403, 422 and, with a body, 400/413/415', () => {
    const writes = operationsOf(doc).filter((op) => op.isWrite)
    expect(writes.length).toBeGreaterThanOrEqual(4)
    for (const op of writes) {
      const name = `${op.method} ${op.path}`
      const expected = ['401', '403', '422', ...(op.bodySchema ? ['400', '413', '415'] : [])]
      for (const status of expected) {
        const response = op.operation.responses[status]
        expect(response, `${name} documents ${status}`).toBeDefined()
        const schema = response?.content?.['application/problem+json']?.schema
        expect(schema, `${name} ${status} is problem+json`).toBeDefined()
        expect(Object.keys(resolveSchema(doc, schema ?? {}).properties ?? {})).toEqual(
          expect.arrayContaining(['type', 'title', 'status']),
        )
      }
      expect(op.operation.security, `${name} names its security`).toEqual([{ bearer: [] }])
    }
  })

  it('documents 404 for every operation on one record', () => {
    for (const op of operationsOf(doc).filter((o) => o.path.includes('{id}'))) {
      expect(op.operation.responses['404'], `${op.method} ${op.path}`).toBeDefined()
    }
  })

  it('serves the reference UI as HTML pointing at the document', async () => {
    const res = await t.request(HOST, '/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/<html/i)
    expect(html).toContain('/api/openapi.json')
  })
})
