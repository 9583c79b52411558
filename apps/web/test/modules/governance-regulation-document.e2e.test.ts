import { rmSync } from 'node:fs'
import type { AnyModule, TenantContext } from '@cerdas/core'
import { createOperatorToken, setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { httpRequest, type RunningServer, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * A regulation's PDF on the real server: uploaded through the API as the file itself, linked from
 * Toba's Smart City page (without JavaScript), and served with the sandboxing headers the pages'
 * own headers do not overwrite.
 */
const HOST = 'toba.localhost'
const SYSTEM = { kind: 'system' as const, id: 'e2e' }
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'

let server: RunningServer
let dataDir: string
let browser: Browser
let operatorToken: string
let regulationId: string

const governance = modules.find((m) => m.id === 'governance') as AnyModule
type Creator = { create: (ctx: TenantContext, input: Record<string, unknown>) => Promise<{ id: string }> }
const regulation = governance.entities?.find((e) => e.name === 'regulation') as unknown as Creator

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('regulation-document', [], {
    setup: async (platform) => {
      await setModuleEnabled(platform, 'toba', governance.id, true, SYSTEM)
      const toba = await platform.tenantBySlug('toba')
      if (!toba) throw new Error('no toba')
      const ctx = platform.context(toba, await platform.tenantDb(toba.record), { actor: SYSTEM })
      regulationId = (
        await regulation.create(ctx, {
          kind: 'perbup',
          number: '12 Tahun 2021',
          title: { id: 'Dewan Smart City dan Tim Pelaksana Smart City' },
          validFrom: '2021-06-01',
          validUntil: '2099-05-31',
          establishes: ['council', 'team'],
        })
      ).id
      operatorToken = (await createOperatorToken(platform.controlPlane, { name: 'e2e regulation document' })).secret
    },
  })
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe("a regulation's PDF on the real server", () => {
  it('is uploaded as the file itself, linked from the Smart City page and served sandboxed', async () => {
    const path = `/api/v1/governance/regulations/${regulationId}/document`
    const uploaded = await httpRequest(server.port, HOST, path, {
      method: 'PUT',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/pdf' },
      body: PDF,
    })
    expect(uploaded.status, uploaded.text()).toBe(200)

    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    expect((await page.goto(`${server.origin(HOST)}/kota-cerdas`))?.status()).toBe(200)
    const link = page.locator(`#dasar-hukum a[href="${path}"]`)
    await expect(link.textContent()).resolves.toBe('Dokumen PDF (1 KB)')
    await context.close()

    const served = await httpRequest(server.port, HOST, path)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('application/pdf')
    expect(served.headers['content-disposition']).toBe('inline; filename="perbup-12-tahun-2021.pdf"')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    expect(served.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'")
    expect(served.text()).toBe(PDF)
  })
})
