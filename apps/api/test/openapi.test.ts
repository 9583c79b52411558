import { permissionCatalog } from '@cerdas/core'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentedOperation,
  fetchOpenApi,
  type OpenApiDocument,
  operationsOf,
  resolveSchema,
} from './support/openapi'

const HOST = 'uji.localhost'
// /metrics and /operator/tenants answer the operator on the platform host only, not part of a tenant's API.
const NOT_DOCUMENTED = new Set(['/api/docs', '/api/openapi.json', '/metrics', '/operator/tenants'])

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
    const openPrefixes = t.platform.modules.flatMap((m) => (m.http ? [m.http.prefix] : []))
    const registered = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && !NOT_DOCUMENTED.has(r.path))
        // Modules' open endpoints (Open311 at /open311/v2) follow their own specifications, documented in docs/.
        .filter((r) => !openPrefixes.some((prefix) => r.path.startsWith(`${prefix}/`)))
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

  /** The problem statuses a route must document, from what it is: guarded, public, with a body, parameters, a record id. */
  function expectedProblems(op: DocumentedOperation): string[] {
    const params = op.operation.parameters ?? []
    return [
      ...(op.permission ? ['401', '403'] : []),
      ...(op.bodySchema ? ['400', '413', '415'] : []),
      ...(op.bodySchema || params.length > 0 ? ['422'] : []),
      ...(params.some((p) => p.in === 'path') ? ['404'] : []),
    ]
  }

  it('documents the problem responses each route can give, by its nature, as problem+json', () => {
    const all = operationsOf(doc)
    expect(all.filter((op) => op.permission).length).toBeGreaterThanOrEqual(4)
    expect(all.filter((op) => op.isPublic).length).toBeGreaterThanOrEqual(1)
    let checked = 0
    for (const op of all) {
      const name = `${op.method} ${op.path}`
      const statuses = Object.keys(op.operation.responses)
      for (const status of expectedProblems(op)) expect(statuses, `${name} documents ${status}`).toContain(status)
      // Every documented refusal, required or not, is problem+json with the RFC 9457 members.
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const schema = op.operation.responses[status]?.content?.['application/problem+json']?.schema
        expect(schema, `${name} ${status} is problem+json`).toBeDefined()
        expect(Object.keys(resolveSchema(doc, schema ?? {}).properties ?? {})).toEqual(
          expect.arrayContaining(['type', 'title', 'status']),
        )
        checked++
      }
    }
    expect(checked).toBeGreaterThan(all.length)
  })

  it('guards every write with a declared permission unless it is public (x-public), and says so in security', () => {
    const catalog = new Set(permissionCatalog(t.platform.modules).map((p) => p.key))
    for (const op of operationsOf(doc)) {
      const name = `${op.method} ${op.path}`
      if (op.isWrite) expect(op.permission !== undefined || op.isPublic, `${name} is guarded or public`).toBe(true)
      expect(op.permission !== undefined && op.isPublic, `${name} is not both guarded and public`).toBe(false)
      if (op.permission) {
        expect(catalog, `${name} names a declared permission`).toContain(op.permission)
        expect(op.operation.security, `${name} names its security`).toEqual([{ bearer: [] }])
      }
      if (op.isPublic) expect(op.operation.security ?? [], `${name} needs no credentials`).toEqual([])
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
