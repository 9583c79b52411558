import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApiApp } from '@cerdas/api'
import type { AnyModule } from '@cerdas/core'
import {
  type CreateTenantInput,
  createOperatorToken,
  createPlatform,
  createTenant,
  type Platform,
} from '@cerdas/platform'
import { modules as registeredModules } from '@cerdas/registry'
import { expect } from 'vitest'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const TEMPLATES_DIR = join(REPO_ROOT, 'templates')
/** A platform operator token every test platform accepts (admin on every tenant). */
export const TEST_OPERATOR_TOKEN = 'cerdas_op_test-operator-token-0123456789abcdefghij'

export interface TestPlatform {
  platform: Platform
  dataDir: string
  app: ReturnType<typeof createApiApp>
  /** Creates a tenant from a template (default `kabupaten`) on `<slug>.localhost`. */
  createTenant(slug: string, input?: Partial<CreateTenantInput>): Promise<void>
  /** A request to the API as if sent to `host`. */
  request(host: string, path: string, init?: RequestInit & { token?: string | null }): Promise<Response>
  /**
   * A JSON request to the API on `host`, with the operator token unless another (or null) is given.
   * @example await t.send('uji.localhost', 'POST', '/api/v1/announcements', { title: { id: 'Judul' } })
   */
  send(host: string, method: string, path: string, body?: unknown, token?: string | null): Promise<Response>
  close(): void
}

/**
 * A platform on a fresh data directory with real libSQL databases, for one
 * test file. Nothing is shared between files.
 * @example
 * const t = await createTestPlatform()
 * await t.createTenant('toba', { template: 'toba' })
 * const res = await t.request('toba.localhost', '/api/v1/announcements')
 */
export async function createTestPlatform(
  options: { modules?: readonly AnyModule[]; templatesDir?: string; maxOpenTenants?: number } = {},
): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cerdas-test-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: options.templatesDir ?? TEMPLATES_DIR,
    platformHost: 'localhost',
    modules: options.modules ?? registeredModules,
    maxOpenTenants: options.maxOpenTenants ?? 50,
    hostCacheTtlMs: 0,
  })
  await createOperatorToken(platform.controlPlane, { name: 'test operator', secret: TEST_OPERATOR_TOKEN })
  const app = createApiApp({ platform, bodyLimitBytes: 64 * 1024 })
  const request: TestPlatform['request'] = async (host, path, init = {}) => {
    const { token, ...rest } = init
    const headers = new Headers(rest.headers)
    headers.set('host', host)
    if (token !== null && token !== undefined) headers.set('authorization', `Bearer ${token}`)
    // A string body is JSON unless said otherwise; FormData sets its own multipart type.
    if (typeof rest.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json')
    return app.request(`http://${host}${path}`, { ...rest, headers })
  }
  return {
    platform,
    dataDir,
    app,
    async createTenant(slug, input = {}) {
      await createTenant(platform, { slug, template: 'kabupaten', name: `Kabupaten ${slug}`, ...input })
    },
    request,
    send(host, method, path, body, token = TEST_OPERATOR_TOKEN) {
      return request(host, path, {
        method,
        token,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    },
    close() {
      platform.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The JSON body of a response after checking its status (the body is in the message when it differs).
 * @example const created = await jsonOf<Office>(await t.send(HOST, 'POST', '/api/v1/offices', input), 201)
 */
export async function jsonOf<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status)
  return (await res.json()) as T
}
