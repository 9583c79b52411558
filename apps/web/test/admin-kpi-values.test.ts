import { readFileSync } from 'node:fs'
import type { Grant, TenantContext } from '@cerdas/core'
import { createTenantWithEveryModule, createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as screen from '../../../packages/modules/governance/admin/kpi-values'
// The module's screens are mounted from the registry; the app does not depend on the package itself.
import { type Kpi, kpi } from '../../../packages/modules/governance/src/index'
import * as listPage from '../app/routes/admin.data.$module.$entity._index'
import * as recordPage from '../app/routes/admin.data.$module.$entity.$id'
import { launchBrowser } from './browser'
import { consoleContext, runScreen, statusOf } from './console-context'
import { seriousViolations } from './page-quality'

/**
 * The console screen recording a KPI's values: a team records a value for a period of its own
 * dimension's KPI, a second value keeps the first in the history, another team's KPI is not
 * found, bad input is said next to its field and writes nothing, a computed KPI takes no values
 * by hand, and the KPI's console page links the screen.
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

const styles = ['../app/styles.css', '../app/admin/console.css']
  .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n')

/** Serious accessibility violations of the screen's markup, inside the console's styles, in Chromium. */
async function violationsOf(markup: string) {
  const browser = await launchBrowser()
  try {
    const tab = await browser.newPage()
    await tab.setContent(
      `<!doctype html><html lang="id"><head><title>Catat nilai</title><style>${styles}</style></head><body><main class="admin-main">${markup}</main></body></html>`,
    )
    return await seriousViolations(tab)
  } finally {
    await browser.close()
  }
}

function html(component: () => ReactNode, loader: unknown, action?: unknown): string {
  remix.loader = loader
  remix.action = action
  return renderToStaticMarkup(createElement(component))
}

let t: TestPlatform
let system: TenantContext
let economyKpi: Kpi
let societyKpi: Kpi
let computedKpi: Kpi
let economyEditor: AppLoadContext
let societyEditor: AppLoadContext
let economyViewer: AppLoadContext

type PageData = Awaited<ReturnType<typeof screen.loader>>['data']
type Answer = { values: Record<string, string>; errors: Record<string, string>; formError: string | null }

const pathOf = (id: string) => `/admin/kpi/${id}/nilai`
const get = (path: string) => new Request(`http://uji.localhost${path}`)
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://uji.localhost${path}`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF, ...fields }) })

const load = (context: AppLoadContext, id: string) =>
  runScreen(() => screen.loader({ request: get(pathOf(id)), params: { id }, context }))
const loaded = async (context: AppLoadContext, id: string) => ((await load(context, id)) as { data: PageData }).data
const record = (context: AppLoadContext, id: string, fields: Record<string, string>) =>
  runScreen(() => screen.action({ request: post(pathOf(id), fields), params: { id }, context }))
const answerOf = (result: unknown) => (result as { data: Answer; init: { status: number } }).data

const consoleAs = (grants: Grant[], name: string) => consoleContext(t, 'uji', grants, name, { csrfToken: CSRF })

/** Value rows and audit entries of recorded values, to show a refused write left nothing. */
async function written(): Promise<{ rows: number; audit: number }> {
  const [rows] = await system.db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM governance_kpi_values`)
  const [audit] = await system.db.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE action = 'record_value'`,
  )
  return { rows: Number(rows?.n), audit: Number(audit?.n) }
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'uji')
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  system = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'cli', id: 'test' } })
  const make = (input: Record<string, unknown>) =>
    kpi.create(system, { unit: '%', frequency: 'annual', ...input } as never) as Promise<Kpi>
  economyKpi = await make({
    name: { id: 'UMKM terdaftar di katalog daring' },
    dimension: 'economy',
    unit: 'unit',
    baselineValue: 120,
    baselineYear: 2023,
    targets: [
      { year: 2025, value: 300 },
      { year: 2026, value: 450 },
    ],
  })
  societyKpi = await make({ name: { id: 'Sekolah dengan akses internet' }, dimension: 'society' })
  computedKpi = await make({
    name: { id: 'Laporan warga selesai tepat waktu' },
    dimension: 'economy',
    computedFrom: 'reports.resolved-on-time',
  })
  economyEditor = await consoleAs([{ role: 'editor', dimension: 'economy' }], 'Rut Simanjuntak')
  societyEditor = await consoleAs([{ role: 'editor', dimension: 'society' }], 'Togar Sitorus')
  economyViewer = await consoleAs([{ role: 'viewer', dimension: 'economy' }], 'Peninjau')
}, 120_000)
afterAll(() => t?.close())

describe('recording KPI values in the console', () => {
  it('shows the KPI with its unit, baseline and targets, and a form with annual periods', async () => {
    const d = await loaded(economyEditor, economyKpi.id)
    expect(d.kpi.unit).toBe('unit')
    expect(d.kpi.baseline).toBe('120 (tahun 2023)')
    expect(d.kpi.targets).toEqual([
      { year: 2025, value: '300' },
      { year: 2026, value: '450' },
    ])
    expect(d.canRecord).toBe(true)
    expect(d.periods.map((p) => p.value)).toContain('2023')
    expect(d.periods.every((p) => /^\d{4}$/.test(p.value))).toBe(true)
    const markup = html(screen.default, d)
    expect(markup).toContain('name="_csrf" value="csrf-token-for-tests"')
    expect(markup).toContain('Periode tahunan, sampai periode berjalan.')
    expect(markup).toMatch(/<option value="2024">2024<\/option>/)
    expect(markup).toContain('Belum ada nilai yang dicatat.')
  })

  it('records a value, then a second one for the same period keeps the first in the history', async () => {
    const first = await record(economyEditor, economyKpi.id, {
      period: '2025',
      value: '212,5',
      source: 'Laporan Dinas Koperasi 2025',
    })
    expect(statusOf(first)).toBe(302)
    expect((first as Response).headers.get('Location')).toBe(pathOf(economyKpi.id))
    const second = await record(economyEditor, economyKpi.id, { period: '2025', value: '230', note: 'Data final' })
    expect(statusOf(second)).toBe(302)
    const d = await loaded(economyEditor, economyKpi.id)
    const year = d.actuals.find((a) => a.period === '2025')
    expect(year?.value).toBe('230')
    expect(year?.target).toBe('300')
    expect(year?.note).toBe('Data final')
    expect(year?.recorded).toContain('Rut Simanjuntak')
    expect(year?.history.map((h) => [h.value, h.source])).toEqual([['212,5', 'Laporan Dinas Koperasi 2025']])
    const markup = html(screen.default, d)
    expect(markup).toContain('Nilai sebelumnya (1)')
    expect(markup).toContain('<del>212,5 unit</del>')
    expect(await written()).toEqual({ rows: 2, audit: 2 })
  })

  it("answers 404 for another team's KPI, on the page and when posting, and writes nothing", async () => {
    const before = await written()
    expect(statusOf(await load(economyEditor, societyKpi.id))).toBe(404)
    expect(statusOf(await record(economyEditor, societyKpi.id, { period: '2025', value: '10' }))).toBe(404)
    expect(statusOf(await load(societyEditor, economyKpi.id))).toBe(404)
    expect(await written()).toEqual(before)
  })

  it("lets an unlimited editor record another team's KPI, as the API route does", async () => {
    const unlimited = await consoleAs([{ role: 'editor', dimension: null }], 'Kepala Bappeda')
    const done = await record(unlimited, societyKpi.id, { period: '2024', value: '41', source: 'Dapodik' })
    expect(statusOf(done)).toBe(302)
    const d = await loaded(societyEditor, societyKpi.id)
    expect(d.actuals.map((a) => [a.period, a.value, a.source])).toEqual([['2024', '41', 'Dapodik']])
  })

  it('shows a viewer of the team the values without a form, and refuses their post', async () => {
    const d = await loaded(economyViewer, economyKpi.id)
    expect(d.actuals.length).toBeGreaterThan(0)
    expect(d.canRecord).toBe(false)
    expect(html(screen.default, d)).not.toContain('<form')
    const before = await written()
    expect(statusOf(await record(economyViewer, economyKpi.id, { period: '2024', value: '5' }))).toBe(403)
    expect(await written()).toEqual(before)
  })

  it('says what is wrong next to each field, keeps what was typed, and writes nothing', async () => {
    const before = await written()
    const refused = await record(economyEditor, economyKpi.id, { period: '2024', value: 'dua ratus', source: 'Survei' })
    expect(statusOf(refused)).toBe(422)
    const answer = answerOf(refused)
    expect(answer.errors).toEqual({ value: 'Isi angka, misalnya 72,5.' })
    expect(answer.values).toMatchObject({ period: '2024', value: 'dua ratus', source: 'Survei' })
    const markup = html(screen.default, await loaded(economyEditor, economyKpi.id), answer)
    expect(markup).toContain('id="kpi-value-value-error"')
    expect(markup).toContain('Isi angka, misalnya 72,5.')
    expect(markup).toContain('value="dua ratus"')
    expect(markup).toContain('value="Survei"')
    expect(markup).toMatch(/<option value="2024" selected="">/)
    expect(await violationsOf(markup)).toEqual([])

    const future = answerOf(await record(economyEditor, economyKpi.id, { period: '2099', value: '1' }))
    expect(future.errors).toEqual({ period: 'Periode ini belum dimulai.' })
    const wrongKind = answerOf(await record(economyEditor, economyKpi.id, { period: '2025-Q1', value: '1' }))
    expect(wrongKind.errors.period).toBe('Pilih periode tahunan, misalnya 2025.')
    const empty = answerOf(await record(economyEditor, economyKpi.id, { period: '', value: '' }))
    expect(empty.errors).toEqual({ period: 'Pilih periode.', value: 'Isi nilainya.' })
    expect(await written()).toEqual(before)
  })

  it('says a computed KPI is recorded automatically and takes no value by hand', async () => {
    const d = await loaded(economyEditor, computedKpi.id)
    expect(d.canRecord).toBe(false)
    expect(d.computed?.indicator).toContain('Laporan selesai tepat waktu')
    const markup = html(screen.default, d)
    expect(markup).toContain('dihitung otomatis')
    expect(markup).not.toContain('<form')
    const before = await written()
    const refused = await record(economyEditor, computedKpi.id, { period: '2025', value: '80' })
    expect(statusOf(refused)).toBe(409)
    expect(answerOf(refused).formError).toBe('Nilai indikator ini dihitung otomatis; tidak dicatat dengan tangan.')
    expect(await written()).toEqual(before)
  })

  it("links the screen from the KPI's console page and its row in the list", async () => {
    const id = economyKpi.id
    const page = (await recordPage.loader({
      request: get(`/admin/data/governance/kpi/${id}`),
      params: { module: 'governance', entity: 'kpi', id },
      context: economyEditor,
    })) as { data: { links: { label: string; url: string }[] } }
    expect(page.data.links).toEqual([{ label: 'Catat nilai', url: pathOf(id) }])
    const list = (await listPage.loader({
      request: get('/admin/data/governance/kpi'),
      params: { module: 'governance', entity: 'kpi' },
      context: economyEditor,
    })) as { data: { rows: { id: string; links: { url: string }[] }[] } }
    const row = list.data.rows.find((r) => r.id === id)
    expect(row?.links.map((l) => l.url)).toEqual([pathOf(id)])
    expect(list.data.rows.some((r) => r.id === societyKpi.id)).toBe(false)
  })
})
