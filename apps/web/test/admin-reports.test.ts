import { readFileSync } from 'node:fs'
import type { Grant, TenantContext } from '@cerdas/core'
import { listAudit } from '@cerdas/platform'
import { createTenantWithEveryModule, createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as detail from '../../../packages/modules/reports/admin/report-detail'
import * as queue from '../../../packages/modules/reports/admin/report-queue'
// The module's screens are mounted from the registry; the app does not depend on the package itself.
import reportsModule, {
  category,
  getStaffReport,
  type PublicReport,
  submitReport,
} from '../../../packages/modules/reports/src/index'
import * as consoleLayout from '../app/routes/admin'
import { launchBrowser } from './browser'
import { consoleContext, runScreen } from './console-context'
import { seriousViolations } from './page-quality'

/**
 * The console's report screens: the queue's filters and order, every workflow action changing the
 * report (or saying what is wrong next to the field), the permission of each action and team,
 * and the reporter's contact shown only through an audited reveal.
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

/** Serious accessibility violations of a console page's markup, inside the console's styles, in Chromium. */
async function violationsOf(markups: string[]) {
  const browser = await launchBrowser()
  try {
    const found = []
    for (const markup of markups) {
      const tab = await browser.newPage()
      await tab.setContent(
        `<!doctype html><html lang="id"><head><title>Laporan warga</title><style>${styles}</style></head><body><main class="admin-main">${markup}</main></body></html>`,
      )
      found.push(...(await seriousViolations(tab)))
      await tab.close()
    }
    return found
  } finally {
    await browser.close()
  }
}

/** The page's HTML for loader data (and an action's answer), as the server renders it. */
function html(component: () => ReactNode, loader: unknown, action?: unknown): string {
  remix.loader = loader
  remix.action = action
  return renderToStaticMarkup(createElement(component))
}
const CONTACT = { name: 'Rosmawati Sitorus', phone: '081234567890', email: 'ros@contoh.id', landmark: 'Warung Bu Ros' }

let t: TestPlatform
let system: TenantContext
let asAdmin: AppLoadContext
let asEditor: AppLoadContext
let asViewer: AppLoadContext
let waste: PublicReport
let dumping: PublicReport
let older: PublicReport
let drain: PublicReport
let dumpingSlug: string

type Loaded<T> = { data: T; init: { status?: number; headers?: Record<string, string> } | null }
const unwrap = <T>(result: unknown) => result as Loaded<T>
type QueueData = Awaited<ReturnType<typeof queue.loader>>['data']
type DetailData = Awaited<ReturnType<typeof detail.loader>>['data']
type Answer = { intent: string; errors: Record<string, string>; formError: string | null; contact?: unknown }

const get = (path: string) => new Request(`http://toba.localhost${path}`)
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://toba.localhost${path}`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF, ...fields }) })

const loadQueue = async (context: AppLoadContext, query = '') =>
  unwrap<QueueData>(await queue.loader({ request: get(`/admin/laporan${query}`), params: {}, context })).data

const loadDetail = async (context: AppLoadContext, id: string) =>
  unwrap<DetailData>(await detail.loader({ request: get(`/admin/laporan/${id}`), params: { id }, context })).data

const act = (context: AppLoadContext, id: string, fields: Record<string, string>) =>
  runScreen(() => detail.action({ request: post(`/admin/laporan/${id}`, fields), params: { id }, context }))

const consoleAs = (grants: Grant[], name: string) =>
  consoleContext(t, 'toba', grants, name, { csrfToken: CSRF, path: '/admin/laporan' })

const idOf = async (report: PublicReport) => {
  const [row] = await system.db.all<{ id: string }>(sql`SELECT id FROM reports_reports WHERE number = ${report.number}`)
  if (!row) throw new Error(`no report ${report.number}`)
  return row.id
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'toba', { template: 'toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  const db = await t.platform.tenantDb(tenant.record)
  system = t.platform.context(tenant, db, { actor: { kind: 'cli', id: 'test' } })
  // Categories of their own, whatever the template seeds: two of the environment team, one of governance's.
  const create = (name: string, dimension: string) =>
    category.create(system, { name: { id: name }, dimension } as never) as Promise<{ slug: string }>
  const uncollected = await create('Sampah pasar tidak diangkut', 'environment')
  const dumped = await create('Kasur dibuang ke sungai', 'environment')
  const blocked = await create('Parit sekolah tersumbat', 'governance')
  dumpingSlug = dumped.slug
  const submit = (slug: string, description: string, desa: string, withContact = false) =>
    submitReport(
      system,
      {
        category: slug,
        description,
        kecamatan: 'Balige',
        desa,
        ...(withContact ? CONTACT : {}),
        source: 'console',
      },
      { trusted: true, ip: '203.0.113.9' },
    ).then((r) => r.report)
  waste = await submit(uncollected.slug, 'Sampah di depan pasar sudah seminggu tidak diangkut.', 'Napitupulu', true)
  older = await submit(uncollected.slug, 'Tumpukan sampah di simpang jalan belum diangkut.', 'Napitupulu')
  dumping = await submit(dumped.slug, 'Ada yang membuang kasur bekas ke sungai.', 'Lumban Dolok')
  drain = await submit(blocked.slug, 'Parit di depan sekolah tersumbat plastik.', 'Pardede Onan')
  // The older report has passed its deadline: the queue shows it first.
  await system.db.run(
    sql`UPDATE reports_reports SET due_at = '2020-01-06T16:59:59.999Z' WHERE number = ${older.number}`,
  )
  asAdmin = await consoleAs([{ role: 'admin', dimension: null }], 'admin')
  asEditor = await consoleAs([{ role: 'editor', dimension: 'environment' }], 'lingkungan')
  asViewer = await consoleAs([{ role: 'viewer', dimension: 'environment' }], 'pengamat')
})
afterAll(() => t?.close())

describe('the report screens in the module', () => {
  it('are console routes with a navigation entry', () => {
    const routes = reportsModule.admin?.routes ?? []
    expect(routes.map((r) => r.path)).toEqual(['laporan', 'laporan/:id'])
    expect(routes[0]?.nav?.title.id).toBe('Laporan warga')
  })

  it("are in the console's navigation of the environment team, under its module", async () => {
    for (const context of [asViewer, asAdmin]) {
      const layout = (await consoleLayout.loader({ request: get('/admin'), params: {}, context })) as {
        groups: { id: string; modules: { id: string; links: { path: string; title: string }[] }[] }[]
      }
      const reports = layout.groups.flatMap((g) => g.modules).find((m) => m.id === 'reports')
      expect(reports?.links).toContainEqual({ path: '/admin/laporan', title: 'Laporan warga' })
    }
  })
})

describe('the report queue', () => {
  it('lists open reports, overdue first, with their deadline in working days and no contact', async () => {
    const page = await loadQueue(asAdmin)
    const numbers = page.rows.map((r) => r.number)
    expect(numbers[0]).toBe(older.number)
    expect(numbers).toEqual(expect.arrayContaining([waste.number, dumping.number, drain.number]))
    expect(page.rows[0]?.deadline.overdue).toBe(true)
    expect(page.rows[0]?.deadline.text).toMatch(/^terlambat \d+ hari kerja$/)
    const fresh = page.rows.find((r) => r.number === waste.number)
    expect(fresh?.deadline.text).toMatch(/^(sisa \d+ hari kerja|batas hari ini)$/)
    expect(fresh?.source).toBe('Konsol')
    expect(fresh?.place).toBe('Napitupulu, Balige')
    const markup = html(queue.default, page)
    expect(markup).toContain(`href="/admin/laporan/${page.rows[0]?.id}"`)
    expect(markup).toMatch(/terlambat \d+ hari kerja/)
    for (const value of Object.values(CONTACT)) expect(JSON.stringify(page) + markup).not.toContain(value)
  })

  it('filters by category, team, text and overdue', async () => {
    const byCategory = await loadQueue(asAdmin, `?category=${dumpingSlug}`)
    expect(byCategory.rows.map((r) => r.number)).toEqual([dumping.number])
    const byTeam = await loadQueue(asAdmin, '?dimension=governance')
    expect(byTeam.rows.map((r) => r.number)).toEqual([drain.number])
    const byText = await loadQueue(asAdmin, '?q=kasur')
    expect(byText.rows.map((r) => r.number)).toEqual([dumping.number])
    const overdue = await loadQueue(asAdmin, '?overdue=1')
    expect(overdue.rows.map((r) => r.number)).toEqual([older.number])
    // The dashboard's link to a team's overdue reports.
    const teamOverdue = await loadQueue(asAdmin, '?overdue=1&dimension=environment')
    expect(teamOverdue.rows.map((r) => r.number)).toEqual([older.number])
    expect((await loadQueue(asAdmin, '?overdue=1&dimension=governance')).rows).toEqual([])
    const closed = await loadQueue(asAdmin, '?status=closed')
    expect(closed.rows.map((r) => r.number)).not.toContain(waste.number)
  })

  it("shows a team only its own team's reports", async () => {
    const page = await loadQueue(asEditor, '?dimension=governance')
    expect(page.rows.map((r) => r.number)).not.toContain(drain.number)
    expect(page.rows.map((r) => r.number)).toContain(waste.number)
    expect(page.teamOptions.map((o) => o.value)).toEqual(['environment'])
  })
})

describe('the report screen', () => {
  it('shows the report with its deadline and timeline, without the contact', async () => {
    const d = await loadDetail(asEditor, await idOf(waste))
    expect(d.report.number).toBe(waste.number)
    expect(d.report.hasContact).toBe(true)
    expect(d.transitions.map((o) => o.value)).toEqual(['verified', 'forwarded', 'rejected'])
    expect(d.can).toEqual({ update: true, contact: false })
    const markup = html(detail.default, d)
    expect(markup).toContain('name="_csrf" value="csrf-token-for-tests"')
    for (const value of Object.values(CONTACT)) expect(JSON.stringify(d) + markup).not.toContain(value)
    // Only the allowed moves are offered.
    expect(markup).toMatch(/<option value="verified"[^>]*>Diverifikasi<\/option>/)
    expect(markup).not.toContain('<option value="closed">')
  })

  it("is not found for another team's member", async () => {
    const response = (await runScreen(() =>
      detail.loader({ request: get('/admin/laporan/x'), params: { id: '' }, context: asEditor }),
    )) as Response
    expect(response.status).toBe(404)
    const id = await idOf(drain)
    const other = (await runScreen(() =>
      detail.loader({ request: get(`/admin/laporan/${id}`), params: { id }, context: asEditor }),
    )) as Response
    expect(other.status).toBe(404)
    expect((await loadDetail(asAdmin, id)).report.number).toBe(drain.number)
  })

  it('changes the status, and asks for the reason of a rejection next to its field', async () => {
    const id = await idOf(waste)
    const refused = unwrap<Answer>(await act(asEditor, id, { _intent: 'status', status: 'rejected', reason: ' ' }))
    expect(refused.init?.status).toBe(422)
    expect(refused.data.errors.reason).toBe('Tulis alasan penolakan.')
    const markup = html(detail.default, await loadDetail(asEditor, id), refused.data)
    expect(markup).toMatch(
      /<p class="field-error" id="status-reason-error">Tulis alasan penolakan.<\/p><textarea id="status-reason" name="reason" aria-invalid="true"/,
    )
    const skipped = unwrap<Answer>(await act(asEditor, id, { _intent: 'status', status: 'closed' }))
    expect(skipped.init?.status).toBe(422)
    expect(Object.keys(skipped.data.errors)).toEqual(['status'])

    const saved = (await act(asEditor, id, {
      _intent: 'status',
      status: 'verified',
      reply: 'Terima kasih, kami cek.',
    })) as Response
    expect(saved.status, await saved.clone().text()).toBe(302)
    const after = await getStaffReport(system, id)
    expect(after?.status).toBe('verified')
    expect(after?.timeline.some((e) => e.public && e.body === 'Terima kasih, kami cek.')).toBe(true)
  })

  it('assigns to an office from the directory, and asks for one when none is chosen', async () => {
    const id = await idOf(waste)
    const d = await loadDetail(asEditor, id)
    const office = d.officeOptions[0]
    if (!office) throw new Error('Toba seeds no office')
    const refused = unwrap<Answer>(await act(asEditor, id, { _intent: 'assign', officeId: '' }))
    expect(refused.data.errors.officeId).toBe('Pilih kantor.')
    const saved = (await act(asEditor, id, { _intent: 'assign', officeId: office.value })) as Response
    expect(saved.status).toBe(302)
    expect((await getStaffReport(system, id))?.officeId).toBe(office.value)
    const byOffice = await loadQueue(asEditor, `?office=${office.value}`)
    expect(byOffice.rows.map((r) => r.number)).toEqual([waste.number])
  })

  it('adds a public reply and an internal note, told apart in the timeline', async () => {
    const id = await idOf(waste)
    expect(unwrap<Answer>(await act(asEditor, id, { _intent: 'note', body: '' })).data.errors.body).toBe(
      'Tulis isinya.',
    )
    expect(((await act(asEditor, id, { _intent: 'reply', body: 'Truk dijadwalkan besok.' })) as Response).status).toBe(
      302,
    )
    expect(((await act(asEditor, id, { _intent: 'note', body: 'Sopir truk cuti.' })) as Response).status).toBe(302)
    const d = await loadDetail(asEditor, id)
    expect(d.timeline.find((e) => e.body === 'Truk dijadwalkan besok.')?.public).toBe(true)
    expect(d.timeline.find((e) => e.body === 'Sopir truk cuti.')?.public).toBe(false)
  })

  it('hides the text with a reason', async () => {
    const id = await idOf(dumping)
    expect(unwrap<Answer>(await act(asEditor, id, { _intent: 'hide', reason: '' })).data.errors.reason).toBeTruthy()
    expect(((await act(asEditor, id, { _intent: 'hide', reason: 'Memuat nama orang.' })) as Response).status).toBe(302)
    const d = await loadDetail(asEditor, id)
    expect(d.report.hiddenReason).toBe('Memuat nama orang.')
  })

  it('offers the nearby open report of the same category and merges into it; an unknown number is refused at its field', async () => {
    const id = await idOf(older)
    const d = await loadDetail(asEditor, id)
    expect(d.candidates.map((c) => c.number)).toContain(waste.number)
    expect(d.candidates.map((c) => c.number)).not.toContain(older.number)
    const unknown = unwrap<Answer>(await act(asEditor, id, { _intent: 'merge', number: 'LPR-1999-000001' }))
    expect(unknown.init?.status).toBeGreaterThanOrEqual(400)
    expect(unknown.data.errors.number).toBeTruthy()
    expect(((await act(asEditor, id, { _intent: 'merge', number: waste.number })) as Response).status).toBe(302)
    expect((await getStaffReport(system, id))?.mergedInto).toBe(waste.number)
  })

  it("refuses a viewer every action, an editor the contact, and another team's report", async () => {
    const id = await idOf(waste)
    const viewerPage = await loadDetail(asViewer, id)
    expect(viewerPage.can).toEqual({ update: false, contact: false })
    expect(((await act(asViewer, id, { _intent: 'note', body: 'Boleh?' })) as Response).status).toBe(403)
    expect(((await act(asEditor, id, { _intent: 'reveal', purpose: 'Tanya lokasi' })) as Response).status).toBe(403)
    const drainId = await idOf(drain)
    expect(((await act(asEditor, drainId, { _intent: 'note', body: 'Boleh?' })) as Response).status).toBe(404)
  })

  it('refuses a form without the console form token, changing nothing', async () => {
    const id = await idOf(waste)
    const before = (await getStaffReport(system, id))?.timeline.length
    const forged = new Request(`http://toba.localhost/admin/laporan/${id}`, {
      method: 'POST',
      body: new URLSearchParams({ _intent: 'note', body: 'Tanpa token' }),
    })
    const answer = (await runScreen(() =>
      detail.action({ request: forged, params: { id }, context: asEditor }),
    )) as Response
    expect(answer.status).toBe(403)
    expect((await getStaffReport(system, id))?.timeline.length).toBe(before)
  })

  it('reveals the contact once, for a stated purpose, and records it in the audit log', async () => {
    const id = await idOf(waste)
    const missing = unwrap<Answer>(await act(asAdmin, id, { _intent: 'reveal', purpose: '' }))
    expect(missing.data.errors.purpose).toBe('Tulis keperluan membuka kontak (3–500 karakter).')
    const before = await listAudit(system.db, { entityId: id, limit: 100 })
    const shown = unwrap<Answer>(await act(asAdmin, id, { _intent: 'reveal', purpose: 'Menanyakan letak persis' }))
    expect(shown.init?.headers?.['Cache-Control']).toBe('no-store')
    expect(shown.data.contact).toMatchObject({ name: CONTACT.name, phone: CONTACT.phone, landmark: CONTACT.landmark })
    const after = await listAudit(system.db, { entityId: id, limit: 100 })
    expect(after.length).toBe(before.length + 1)
    const entry = JSON.stringify(after.find((a) => !before.some((b) => b.id === a.id)))
    expect(entry).toContain('usr_admin')
    expect(entry).not.toContain(CONTACT.phone)
    const loaded = await loadDetail(asAdmin, id)
    const revealed = html(detail.default, loaded, shown.data)
    expect(revealed).toContain(CONTACT.phone)
    expect(revealed).toContain('tercatat di log audit')
    // The page itself never carries it: reloading does not show it again.
    const reloaded = JSON.stringify(loaded) + html(detail.default, loaded)
    expect(reloaded).not.toContain(CONTACT.phone)
    expect(reloaded).toContain('Tampilkan kontak pelapor')
  })

  it('has no serious accessibility violations: the queue, the report with an error, and the revealed contact', async () => {
    const id = await idOf(waste)
    const loaded = await loadDetail(asAdmin, id)
    const refused = unwrap<Answer>(await act(asAdmin, id, { _intent: 'note', body: '' })).data
    const shown = unwrap<Answer>(await act(asAdmin, id, { _intent: 'reveal', purpose: 'Menanyakan letak persis' })).data
    const violations = await violationsOf([
      html(queue.default, await loadQueue(asAdmin)),
      html(detail.default, loaded, refused),
      html(detail.default, loaded, shown),
    ])
    expect(violations).toEqual([])
  })
})
