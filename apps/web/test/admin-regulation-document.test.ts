import type { Grant, TenantContext } from '@cerdas/core'
import type { TenantSite } from '@cerdas/core/web'
import { createTenantWithEveryModule, createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as screen from '../../../packages/modules/governance/admin/regulation-document'
// The module's screens are mounted from the registry; the app does not depend on the package itself.
import { type Regulation, regulation } from '../../../packages/modules/governance/src/index'
import { smartCityPage } from '../../../packages/modules/governance/web/smart-city.server'
import * as recordPage from '../app/routes/admin.data.$module.$entity.$id'
import { consoleContext, runScreen, statusOf } from './console-context'

/**
 * The console screen of a regulation's PDF: an unlimited admin uploads the signed scan, which the
 * Smart City page then links; anything but a PDF (whatever its name) is refused next to the file
 * input and writes nothing; an admin limited to a dimension may not open it.
 */

const CSRF = 'csrf-token-for-tests'

// The pages render outside a Remix server here: its hooks answer with what the test loaded.
const remix = vi.hoisted(() => ({ loader: undefined as unknown, action: undefined as unknown }))
vi.mock('@remix-run/react', () => ({
  useLoaderData: () => remix.loader,
  useActionData: () => remix.action,
  useRouteLoaderData: (id: string) =>
    id === 'routes/admin' ? { csrfToken: 'csrf-token-for-tests' } : { locale: 'id' },
  Form: ({ children, ...props }: { children?: ReactNode }) => createElement('form', props, children),
  Link: ({ to, children, ...props }: { to: string; children?: ReactNode }) =>
    createElement('a', { href: to, ...props }, children),
}))

function html(component: () => ReactNode, loader: unknown, action?: unknown): string {
  remix.loader = loader
  remix.action = action
  return renderToStaticMarkup(createElement(component))
}

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

let t: TestPlatform
let system: TenantContext
let perbup: Regulation
let admin: AppLoadContext

type PageData = Awaited<ReturnType<typeof screen.loader>>['data']

const pathOf = (id: string) => `/admin/peraturan/${id}/dokumen`
const get = (path: string) => new Request(`http://uji.localhost${path}`)
function post(path: string, fields: Record<string, string | File>): Request {
  const body = new FormData()
  body.set('_csrf', CSRF)
  for (const [name, value] of Object.entries(fields)) body.set(name, value)
  return new Request(`http://uji.localhost${path}`, { method: 'POST', body })
}
const loaded = async (context: AppLoadContext) =>
  ((await screen.loader({ request: get(pathOf(perbup.id)), params: { id: perbup.id }, context })) as { data: PageData })
    .data
const send = (context: AppLoadContext, fields: Record<string, string | File>) =>
  runScreen(() => screen.action({ request: post(pathOf(perbup.id), fields), params: { id: perbup.id }, context }))
const errorOf = (result: unknown) => (result as { data: { error: string } }).data.error

const consoleAs = (grants: Grant[], name: string) => consoleContext(t, 'uji', grants, name, { csrfToken: CSRF })

/** Stored documents and their audit entries, to show a refused upload left nothing. */
async function written(): Promise<{ rows: number; audit: number }> {
  const [rows] = await system.db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM governance_regulation_documents`)
  const [audit] = await system.db.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE action = 'attach_document'`,
  )
  return { rows: Number(rows?.n), audit: Number(audit?.n) }
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'uji')
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  system = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'cli', id: 'test' } })
  perbup = (await regulation.create(system, {
    kind: 'perbup',
    number: '12 Tahun 2021',
    title: { id: 'Pembentukan Dewan Smart City' },
    validFrom: '2021-05-01',
    establishes: ['council', 'team'],
  } as never)) as Regulation
  admin = await consoleAs([{ role: 'admin', dimension: null }], 'Admin Diskominfo')
}, 120_000)
afterAll(() => t?.close())

describe("a regulation's PDF in the console", () => {
  it('refuses a PNG named .pdf, and no file at all, next to the file input, writing nothing', async () => {
    const png = await send(admin, { file: new File([PNG], 'perbup.pdf', { type: 'application/pdf' }) })
    expect(statusOf(png)).toBe(422)
    expect(errorOf(png)).toBe('Berkas ini bukan PDF. Unggah pindaian peraturan dalam format PDF.')
    const markup = html(screen.default, await loaded(admin), (png as { data: unknown }).data)
    expect(markup).toContain('id="document-file-error"')
    expect(markup).toContain('aria-invalid="true"')
    const none = await send(admin, {})
    expect(statusOf(none)).toBe(422)
    expect(errorOf(none)).toBe('Pilih berkas PDF.')
    expect(await written()).toEqual({ rows: 0, audit: 0 })
  })

  it('stores the uploaded PDF with its audit entry, shows it, and the Smart City page links it', async () => {
    const done = await send(admin, { file: new File([PDF], 'Perbup 12 2021.pdf', { type: 'application/pdf' }) })
    expect(statusOf(done)).toBe(302)
    expect((done as Response).headers.get('Location')).toBe(pathOf(perbup.id))
    expect(await written()).toEqual({ rows: 1, audit: 1 })
    const d = await loaded(admin)
    expect(d.document?.fileName).toBe('perbup-12-2021.pdf')
    expect(d.document?.detail).toContain('Admin Diskominfo')
    const markup = html(screen.default, d)
    expect(markup).toContain(`href="/api/v1/governance/regulations/${perbup.id}/document"`)
    expect(markup).toContain('="multipart/form-data"')

    const site: TenantSite = {
      kind: 'tenant',
      ctx: system,
      nav: [],
      modules: [],
      reference: {},
      definitions: t.platform.modules,
    }
    const page = await smartCityPage(site, 'id', false)
    expect(page.regulations.find((r) => r.id === perbup.id)?.pdf).toEqual({
      url: `/api/v1/governance/regulations/${perbup.id}/document`,
      size: '1 KB',
    })
  })

  it('does not open to an admin limited to a dimension, and refuses their post', async () => {
    const limited = await consoleAs([{ role: 'admin', dimension: 'governance' }], 'Admin Tata Kelola')
    const opened = await runScreen(() =>
      screen.loader({ request: get(pathOf(perbup.id)), params: { id: perbup.id }, context: limited }),
    )
    expect([403, 404]).toContain(statusOf(opened))
    const posted = await send(limited, { file: new File([PDF], 'lain.pdf') })
    expect([403, 404]).toContain(statusOf(posted))
    expect(await written()).toEqual({ rows: 1, audit: 1 })
  })

  it("links the screen from the regulation's console page", async () => {
    const page = (await recordPage.loader({
      request: get(`/admin/data/governance/regulation/${perbup.id}`),
      params: { module: 'governance', entity: 'regulation', id: perbup.id },
      context: admin,
    })) as { data: { links: { label: string; url: string }[] } }
    expect(page.data.links).toEqual([{ label: 'Dokumen PDF', url: pathOf(perbup.id) }])
  })
})
