import { createHash } from 'node:crypto'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCALAR_SCRIPT, SCALAR_VERSION } from '../src/routes/docs'

const HOST = 'uji.localhost'

let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
})
afterAll(() => t?.close())

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
}

describe('security headers on API responses', () => {
  it.each([
    ['a public read', HOST, '/api/v1/announcements', 200],
    ['the OpenAPI document', HOST, '/api/openapi.json', 200],
    ['health on the platform host', 'localhost', '/api/health', 200],
    ['an unknown route (problem+json)', HOST, '/api/v1/tidak-ada', 404],
    ['an unknown host', 'bukan-daerah.localhost', '/api/v1/announcements', 404],
    ['a route outside /api', HOST, '/lain', 404],
  ])('are set on %s', async (_name, host, path, status) => {
    const res = await t.request(host, path)
    expect(res.status).toBe(status)
    expectSecurityHeaders(res)
    // JSON is never a page: it may load nothing.
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it('are set on a bad-input error', async () => {
    const res = await t.request(HOST, '/api/v1/announcements?limit=abc')
    expect(res.status).toBe(422)
    expectSecurityHeaders(res)
  })
})

describe('/api/docs', () => {
  let res: Response
  let html: string
  beforeAll(async () => {
    res = await t.request(HOST, '/api/docs')
    html = await res.text()
  })

  it('is HTML with the security headers and a CSP of its own', () => {
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expectSecurityHeaders(res)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`script-src 'sha256-`)
    expect(csp).toContain(SCALAR_SCRIPT)
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toContain("'unsafe-eval'")
  })

  it('explains where the OpenAPI document is without JavaScript or the CDN', () => {
    expect(html).toContain('<h1>Dokumentasi API Cerdas</h1>')
    expect(html).toContain('<a href="/api/openapi.json"')
    // Shown unless the reference UI loads (the inline script hides it then): no JavaScript, no CDN.
    expect(html).toMatch(/<p class="docs-note docs-fallback">[^<]*cdn\.jsdelivr\.net[^<]*OpenAPI/)
    expect(html).toContain('forEach(function (el) { el.hidden = true })')
    expect(html).toContain('lang="en"')
  })

  it('loads the reference UI at an exact version, checked by integrity', () => {
    expect(SCALAR_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts).toHaveLength(2)
    const [external, inline] = scripts
    expect(external?.[1]).toContain(`src="https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/`)
    expect(external?.[1]).toMatch(/integrity="sha384-[A-Za-z0-9+/]{64}"/)
    expect(external?.[1]).toContain('crossorigin="anonymous"')
    // The CSP allows the inline script by its hash, so the page needs no 'unsafe-inline' script.
    const hash = createHash('sha256')
      .update(inline?.[2] ?? '')
      .digest('base64')
    expect(res.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`)
    expect(inline?.[2]).toContain('"url":"/api/openapi.json"')
  })
})
