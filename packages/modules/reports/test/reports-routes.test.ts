import { problemType } from '@cerdas/core'
import {
  createTestPlatform,
  createTestToken,
  expectProblem,
  jsonOf,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPORT_MESSAGES as M } from '../src/messages'

/**
 * Every route of /api/v1/reports over HTTP: who may call it (generated from the table below) and
 * what it does, on the Toba template (its categories are routed to its Dinas Lingkungan Hidup).
 */
let t: TestPlatform
const HOST = 'toba.localhost'
const SLUG = 'toba'
const token = { admin: '', editor: '', viewer: '', economy: '', economyAdmin: '' }
let dlh: string

type Submitted = { report: { number: string }; trackingCode: string }
type Staff = {
  id: string
  number: string
  status: string
  officeId: string | null
  description: string | null
  hiddenReason: string | null
  mergedInto: string | null
  statusReason: string | null
  hasContact: boolean
  timeline: { kind: string; body: string | null; public: boolean }[]
}
type Public = Omit<Staff, 'id' | 'officeId' | 'hasContact' | 'timeline'> & {
  timeline: { kind: string; body: string | null }[]
}

let seq = 0
const reportBody = (over: Record<string, unknown> = {}) => ({
  category: 'sampah-tidak-diangkut',
  description: `Sampah menumpuk di depan pasar sejak Senin (${++seq})`,
  kecamatan: 'Balige',
  desa: 'Pardede Onan',
  name: 'Penanda Rahasia',
  email: 'pelapor@example.test',
  ...over,
})

/** A report filed through the API (an operator token is a trusted caller), with its staff id. */
async function file(over: Record<string, unknown> = {}): Promise<Submitted & { id: string }> {
  const made = await jsonOf<Submitted>(await t.send(HOST, 'POST', '/api/v1/reports', reportBody(over)), 201)
  const db = await tenantDbOf(t, SLUG)
  const row = await db.$client.execute({
    sql: 'SELECT id FROM reports_reports WHERE number = ?',
    args: [made.report.number],
  })
  return { ...made, id: row.rows[0]?.id as string }
}

const staffPost = (id: string, what: string, body: unknown, as: string | null = token.editor) =>
  t.send(HOST, 'POST', `/api/v1/reports/staff/${id}/${what}`, body, as)
const publicOf = async (number: string) =>
  jsonOf<Public>(await t.send(HOST, 'GET', `/api/v1/reports/${number}`, undefined, null))

async function auditRows(action: string) {
  const db = await tenantDbOf(t, SLUG)
  return (
    await db.$client.execute({
      sql: 'SELECT entity_id, before, after FROM cerdas_audit_log WHERE action = ?',
      args: [action],
    })
  ).rows
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant(SLUG, { template: 'toba', name: 'Kabupaten Toba' })
  token.admin = (await createTestToken(t, SLUG, [{ role: 'admin', dimension: 'environment' }])).secret
  token.editor = (await createTestToken(t, SLUG, [{ role: 'editor', dimension: 'environment' }])).secret
  token.viewer = (await createTestToken(t, SLUG, [{ role: 'viewer', dimension: null }])).secret
  token.economy = (await createTestToken(t, SLUG, [{ role: 'editor', dimension: 'economy' }])).secret
  token.economyAdmin = (await createTestToken(t, SLUG, [{ role: 'admin', dimension: 'economy' }])).secret
  const db = await tenantDbOf(t, SLUG)
  dlh = (await db.$client.execute("SELECT id FROM directory_offices WHERE slug = 'dlh'")).rows[0]?.id as string
}, 120_000)
afterAll(() => t?.close())

/** What a staff route needs: a fresh report's id gives its path, `body` a well-formed request. */
interface StaffRoute {
  method: 'GET' | 'POST'
  path: (id: string) => string
  permission: 'reports.report:read' | 'reports.report:update' | 'reports.report:read_contact'
  body?: () => unknown
}
const STAFF_ROUTES: StaffRoute[] = [
  { method: 'GET', path: () => '/api/v1/reports/queue', permission: 'reports.report:read' },
  { method: 'GET', path: () => '/api/v1/reports/overdue', permission: 'reports.report:read' },
  { method: 'GET', path: (id) => `/api/v1/reports/staff/${id}`, permission: 'reports.report:read' },
  {
    method: 'POST',
    path: (id) => `/api/v1/reports/staff/${id}/status`,
    permission: 'reports.report:update',
    body: () => ({ status: 'verified' }),
  },
  {
    method: 'POST',
    path: (id) => `/api/v1/reports/staff/${id}/assign`,
    permission: 'reports.report:update',
    body: () => ({ officeId: dlh }),
  },
  {
    method: 'POST',
    path: (id) => `/api/v1/reports/staff/${id}/replies`,
    permission: 'reports.report:update',
    body: () => ({ body: 'Sudah kami catat.', public: true }),
  },
  {
    method: 'POST',
    path: (id) => `/api/v1/reports/staff/${id}/hide`,
    permission: 'reports.report:update',
    body: () => ({ reason: 'Berisi nomor telepon orang lain' }),
  },
  {
    method: 'POST',
    path: (id) => `/api/v1/reports/staff/${id}/merge`,
    permission: 'reports.report:update',
    body: () => ({ into: mergeTarget }),
  },
  {
    method: 'POST',
    path: (id) => `/api/v1/reports/staff/${id}/contact`,
    permission: 'reports.report:read_contact',
    body: () => ({ purpose: 'Menanyakan lokasi persis' }),
  },
]
let mergeTarget = ''

const PUBLIC_ROUTES: { method: 'GET' | 'POST'; path: (r: Submitted) => string; body?: unknown; status: number }[] = [
  { method: 'GET', path: () => '/api/v1/reports/delay-token', status: 200 },
  {
    method: 'GET',
    path: () => '/api/v1/reports/duplicates?category=tps-penuh&kecamatan=Balige&desa=Sangkar',
    status: 200,
  },
  { method: 'GET', path: () => '/api/v1/reports?status=open', status: 200 },
  { method: 'GET', path: (r) => `/api/v1/reports/${r.report.number}`, status: 200 },
  { method: 'GET', path: (r) => `/api/v1/reports/track/${r.trackingCode}`, status: 200 },
  // Not resolved yet: the reporter cannot confirm (409) but may not reopen either (409).
  { method: 'POST', path: (r) => `/api/v1/reports/track/${r.trackingCode}/confirm`, status: 409 },
  {
    method: 'POST',
    path: (r) => `/api/v1/reports/track/${r.trackingCode}/reopen`,
    body: { reason: 'Belum diangkut' },
    status: 409,
  },
  {
    method: 'POST',
    path: (r) => `/api/v1/reports/track/${r.trackingCode}/export`,
    body: { code: '000000' },
    status: 422,
  },
  // Mail is off on this tenant: the code cannot be sent, and says so.
  {
    method: 'POST',
    path: (r) => `/api/v1/reports/track/${r.trackingCode}/data-code`,
    body: { purpose: 'erase' },
    status: 503,
  },
  // An email is on file: erasing needs the one-time code sent there.
  {
    method: 'POST',
    path: (r) => `/api/v1/reports/track/${r.trackingCode}/erase`,
    body: { code: '000000' },
    status: 422,
  },
]

const PLACEHOLDER = { report: { number: '{number}' }, trackingCode: '{code}' }

const callRoute = (r: StaffRoute, id: string, as: string | null) =>
  t.send(HOST, r.method, r.path(id), r.method === 'POST' ? r.body?.() : undefined, as)

describe('the tables above', () => {
  it('name every documented report route (the generated API suites leave them to this file)', async () => {
    const doc = await jsonOf<{ paths: Record<string, Record<string, unknown>> }>(
      await t.request(HOST, '/api/openapi.json'),
    )
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/reports') && !path.startsWith('/api/v1/reports/categories'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    const tabled = new Set([
      'POST /api/v1/reports',
      ...STAFF_ROUTES.map((r) => `${r.method} ${r.path('{id}')}`),
      ...PUBLIC_ROUTES.map((r) => `${r.method} ${r.path(PLACEHOLDER as unknown as Submitted)}`),
    ])
    const normalise = (route: string) => route.replace(/\{[^}]+\}/g, '{}').replace(/\?.*$/, '')
    const known = new Set([...tabled].map(normalise))
    expect(documented.filter((route) => !known.has(normalise(route)))).toEqual([])
  })

  it("refuses another regency's token on every staff route with 401", async () => {
    await t.createTenant('lain', { template: 'kabupaten' })
    const foreign = (await createTestToken(t, 'lain', [{ role: 'admin', dimension: null }])).secret
    for (const route of STAFF_ROUTES) {
      const { id } = await file()
      await expectProblem(await callRoute(route, id, foreign), 401)
    }
  })
})

describe('who may call each staff route', () => {
  for (const route of STAFF_ROUTES) {
    describe(`${route.method} ${route.path('{id}')}`, () => {
      it('refuses an anonymous caller with 401', async () => {
        const { id } = await file()
        await expectProblem(await callRoute(route, id, null), 401, problemType('unauthorized'))
      })
      it(`${route.permission === 'reports.report:read' ? 'admits' : 'refuses'} a viewer`, async () => {
        const { id } = await file()
        const res = await callRoute(route, id, token.viewer)
        if (route.permission === 'reports.report:read') expect(res.status, await res.text()).toBe(200)
        else await expectProblem(res, 403, problemType('forbidden'))
      })
      it(`${route.permission === 'reports.report:read_contact' ? 'refuses' : 'admits'} an environment editor, and an environment admin`, async () => {
        const { id } = await file()
        mergeTarget = (await file()).report.number
        const res = await callRoute(route, id, token.editor)
        if (route.permission === 'reports.report:read_contact') await expectProblem(res, 403)
        else expect(res.status, await res.text()).toBe(200)
        const again = await file()
        mergeTarget = (await file()).report.number
        const byAdmin = await callRoute(route, again.id, token.admin)
        expect(byAdmin.status, await byAdmin.text()).toBe(200)
      })
      if (route.path('x').includes('/staff/'))
        it("hides an environment report from the economy team's editor (its admin for the contact) as not found", async () => {
          const { id } = await file()
          mergeTarget = (await file()).report.number
          const other = route.permission === 'reports.report:read_contact' ? token.economyAdmin : token.economy
          const body = await expectProblem(await callRoute(route, id, other), 404, problemType('notFound'))
          expect(body.detail).toBe(M.reportUnknown.id)
        })
    })
  }
})

describe('the public routes', () => {
  for (const route of PUBLIC_ROUTES)
    it(`${route.method} ${route.path(PLACEHOLDER as Submitted)} answers ${route.status} without credentials`, async () => {
      const made = await file()
      const res = await t.send(HOST, route.method, route.path(made), route.body, null)
      const text = await res.clone().text()
      if (route.status >= 400) await expectProblem(res, route.status)
      else expect(res.status, text).toBe(route.status)
      expect(text).not.toContain('Penanda Rahasia')
      expect(text).not.toContain('pelapor@example.test')
    })
})

describe('what the routes do over HTTP', () => {
  it('hints an open report of the same category in the same desa as a duplicate, publicly without the reporter', async () => {
    const first = await file({ category: 'pasar-kotor', desa: 'Lumban Dolok' })
    const res = await t.send(
      HOST,
      'GET',
      '/api/v1/reports/duplicates?category=pasar-kotor&kecamatan=Balige&desa=Lumban%20Dolok',
      undefined,
      null,
    )
    const text = await res.clone().text()
    const { items } = await jsonOf<{ items: { number: string }[] }>(res)
    expect(items.map((r) => r.number)).toContain(first.report.number)
    expect(text).not.toContain('Penanda Rahasia')
  })

  it('names similar open reports in a submission answer only when asked', async () => {
    const first = await file({ category: 'saluran-tersumbat', desa: 'Sibola Hotangsas' })
    const body = reportBody({ category: 'saluran-tersumbat', desa: 'Sibola Hotangsas' })
    const plain = await jsonOf<{ duplicates: unknown[] }>(await t.send(HOST, 'POST', '/api/v1/reports', body), 201)
    expect(plain.duplicates).toEqual([])
    const asked = await jsonOf<{ report: { number: string }; duplicates: { number: string }[] }>(
      await t.send(
        HOST,
        'POST',
        '/api/v1/reports?duplicates=true',
        reportBody({ category: 'saluran-tersumbat', desa: 'Sibola Hotangsas' }),
      ),
      201,
    )
    expect(asked.duplicates.map((d) => d.number)).toContain(first.report.number)
    expect(asked.duplicates.map((d) => d.number)).not.toContain(asked.report.number)
  })

  it('lets the reporter confirm a resolved report and reopen another with a reason', async () => {
    const a = await file()
    for (const status of ['forwarded', 'in_progress', 'resolved'])
      await jsonOf(await staffPost(a.id, 'status', { status }))
    const closed = await jsonOf<{ status: string; canConfirm: boolean }>(
      await t.send(HOST, 'POST', `/api/v1/reports/track/${a.trackingCode}/confirm`, undefined, null),
    )
    expect(closed.status).toBe('closed')
    const b = await file()
    for (const status of ['forwarded', 'resolved']) await jsonOf(await staffPost(b.id, 'status', { status }))
    const missing = await expectProblem(
      await t.send(HOST, 'POST', `/api/v1/reports/track/${b.trackingCode}/reopen`, { reason: '' }, null),
      422,
    )
    expect(missing.detail).toBe(M.reopenReason.id)
    const reopened = await jsonOf<{ status: string }>(
      await t.send(HOST, 'POST', `/api/v1/reports/track/${b.trackingCode}/reopen`, { reason: 'Masih menumpuk' }, null),
    )
    expect(reopened.status).toBe('in_progress')
    await expectProblem(
      await t.send(HOST, 'POST', '/api/v1/reports/track/AAAA-BBBB-CCCC/confirm', undefined, null),
      404,
    )
  })

  it('says honestly that the one-time code cannot be mailed when mail is off, and why export needs an email', async () => {
    const withEmail = await file()
    const off = await expectProblem(
      await t.send(
        HOST,
        'POST',
        `/api/v1/reports/track/${withEmail.trackingCode}/data-code`,
        { purpose: 'export' },
        null,
      ),
      503,
    )
    expect(off.detail).toBe(M.mailUnavailable.id)
    const noEmail = await file({ email: undefined })
    const refused = await expectProblem(
      await t.send(
        HOST,
        'POST',
        `/api/v1/reports/track/${noEmail.trackingCode}/data-code`,
        { purpose: 'export' },
        null,
      ),
      422,
    )
    expect(refused.detail).toBe(M.noEmail.id)
    await expectProblem(
      await t.send(HOST, 'POST', `/api/v1/reports/track/${noEmail.trackingCode}/export`, { code: '123456' }, null),
      422,
    )
    const wrong = await expectProblem(
      await t.send(HOST, 'POST', `/api/v1/reports/track/${withEmail.trackingCode}/export`, { code: '000000' }, null),
      422,
    )
    expect(wrong.detail).toBe(M.codeInvalid.id)
  })

  it('erases the data of a reporter without an email with the tracking code alone, audited', async () => {
    const made = await file({ email: undefined, landmark: 'Rumah biru dekat gereja' })
    const answer = await jsonOf<{ sentTo: string | null }>(
      await t.send(HOST, 'POST', `/api/v1/reports/track/${made.trackingCode}/data-code`, { purpose: 'erase' }, null),
    )
    expect(answer.sentTo).toBeNull()
    expect(
      await jsonOf<{ erased: boolean }>(
        await t.send(HOST, 'POST', `/api/v1/reports/track/${made.trackingCode}/erase`, {}, null),
      ),
    ).toEqual({ erased: true, number: made.report.number })
    const staff = await jsonOf<Staff>(
      await t.send(HOST, 'GET', `/api/v1/reports/staff/${made.id}`, undefined, token.editor),
    )
    expect(staff.hasContact).toBe(false)
    const contact = await jsonOf<Record<string, unknown>>(
      await staffPost(made.id, 'contact', { purpose: 'Memeriksa penghapusan' }, token.admin),
    )
    expect(contact).toEqual({ name: null, phone: null, email: null, exactPoint: null, landmark: null })
    expect((await auditRows('erase')).some((r) => r.entity_id === made.id)).toBe(true)
  })

  it('rejects only with a reason, shown publicly', async () => {
    const made = await file()
    const missing = await expectProblem(await staffPost(made.id, 'status', { status: 'rejected' }), 422)
    expect(missing.detail).toBe('Alasan penolakan wajib diisi.')
    await jsonOf(await staffPost(made.id, 'status', { status: 'rejected', reason: 'Di luar wilayah kabupaten' }))
    const seen = await publicOf(made.report.number)
    expect([seen.status, seen.statusReason]).toEqual(['rejected', 'Di luar wilayah kabupaten'])
    const bad = await expectProblem(await staffPost(made.id, 'status', { status: 'resolved' }), 409)
    expect(bad.detail).toContain(M.badMove.id)
  })

  it('assigns to an office of the directory, refusing an unknown one at its field in Indonesian', async () => {
    const made = await file()
    const unknown = await expectProblem(await staffPost(made.id, 'assign', { officeId: 'kantor-khayalan' }), 422)
    expect(unknown.errors).toEqual([{ pointer: '/officeId', message: M.officeUnknown.id }])
    const assigned = await jsonOf<Staff>(await staffPost(made.id, 'assign', { officeId: 'dlh' }))
    expect(assigned.officeId).toBe(dlh)
  })

  it('shows a public reply to everyone and keeps an internal note to the team', async () => {
    const made = await file()
    await jsonOf(await staffPost(made.id, 'replies', { body: 'Petugas datang besok pagi.', public: true }))
    await jsonOf(await staffPost(made.id, 'replies', { body: 'Catatan: truk sedang rusak.', public: false }))
    const seen = await publicOf(made.report.number)
    expect(seen.timeline.map((e) => e.body)).toContain('Petugas datang besok pagi.')
    expect(JSON.stringify(seen)).not.toContain('truk sedang rusak')
    const staff = await jsonOf<Staff>(
      await t.send(HOST, 'GET', `/api/v1/reports/staff/${made.id}`, undefined, token.editor),
    )
    expect(staff.timeline.find((e) => e.body === 'Catatan: truk sedang rusak.')?.public).toBe(false)
  })

  it('hides abusive text with the reason the public and the reporter see', async () => {
    const made = await file({ description: 'Teks kasar yang menyebut nama tetangga' })
    await jsonOf(await staffPost(made.id, 'hide', { reason: 'Menyebut nama orang' }))
    const seen = await publicOf(made.report.number)
    expect([seen.description, seen.hiddenReason]).toEqual([null, 'Menyebut nama orang'])
    const tracked = await jsonOf<Public>(
      await t.send(HOST, 'GET', `/api/v1/reports/track/${made.trackingCode}`, undefined, null),
    )
    expect(tracked.hiddenReason).toBe('Menyebut nama orang')
    expect(JSON.stringify(tracked)).not.toContain('nama tetangga')
  })

  it('merges into another report of the team, refusing itself and an unknown number', async () => {
    const target = await file()
    const made = await file()
    const self = await expectProblem(await staffPost(made.id, 'merge', { into: made.report.number }), 409)
    expect(self.detail).toBe(M.mergeIntoSelf.id)
    const unknown = await expectProblem(await staffPost(made.id, 'merge', { into: 'LPR-1999-000001' }), 422)
    expect(unknown.detail).toBe(M.mergeTargetUnknown.id)
    await jsonOf(await staffPost(made.id, 'merge', { into: target.report.number }))
    const seen = await publicOf(made.report.number)
    expect([seen.status, seen.mergedInto]).toEqual(['closed', target.report.number])
  })

  it('reveals the contact to an admin with a purpose, written to the audit trail without the values', async () => {
    const made = await file({ phone: '0812 3456 7890' })
    await expectProblem(await staffPost(made.id, 'contact', { purpose: '' }, token.admin), 422)
    const contact = await jsonOf<{ name: string; phone: string }>(
      await staffPost(made.id, 'contact', { purpose: 'Menanyakan lokasi persis' }, token.admin),
    )
    expect([contact.name, contact.phone]).toEqual(['Penanda Rahasia', '0812 3456 7890'])
    const entry = (await auditRows('reveal_contact')).find((r) => r.entity_id === made.id)
    expect(String(entry?.after)).toContain('Menanyakan lokasi persis')
    expect(String(entry?.after)).toContain('phone')
    expect(String(entry?.after)).not.toContain('Penanda Rahasia')
    expect(String(entry?.after)).not.toContain('3456')
  })

  it('lists overdue reports per team, and the queue filters by status, overdue, category, office and text', async () => {
    const late = await file({
      category: 'bangkai-hewan-di-jalan',
      description: 'Bangkai anjing di jalan lintas (terlambat)',
    })
    const db = await tenantDbOf(t, SLUG)
    // Its deadline moved into the past: overdue without waiting for the calendar.
    await db.$client.execute({
      sql: "UPDATE reports_reports SET due_at = '2020-01-01T00:00:00.000Z' WHERE id = ?",
      args: [late.id],
    })
    const { groups } = await jsonOf<{ groups: { dimension: string; items: { number: string }[] }[] }>(
      await t.send(HOST, 'GET', '/api/v1/reports/overdue', undefined, token.viewer),
    )
    expect(groups.find((g) => g.dimension === 'environment')?.items.map((r) => r.number)).toContain(late.report.number)
    const queue = async (query: string) =>
      (
        await jsonOf<{ items: { number: string }[] }>(
          await t.send(HOST, 'GET', `/api/v1/reports/queue?${query}`, undefined, token.editor),
        )
      ).items.map((r) => r.number)
    expect(await queue('overdue=1')).toEqual([late.report.number])
    expect(await queue('category=bangkai-hewan-di-jalan')).toEqual([late.report.number])
    expect(await queue('q=lintas')).toEqual([late.report.number])
    expect(await queue(`officeId=${dlh}`)).toContain(late.report.number)
    expect(await queue('status=closed')).not.toContain(late.report.number)
    expect(await queue('status=received')).toContain(late.report.number)
  })
})

describe('bad input is a 4xx problem, never a 500', () => {
  const huge = 'x'.repeat(100_000)
  const cases: [string, string, string, unknown][] = [
    ['a status of the wrong type', 'POST', 'status', { status: 5 }],
    ['an unknown status', 'POST', 'status', { status: 'done' }],
    ['a huge reason', 'POST', 'status', { status: 'rejected', reason: huge }],
    ['an unknown field', 'POST', 'status', { status: 'verified', sneaky: true }],
    ['a reply that is not text', 'POST', 'replies', { body: ['a'], public: 'yes' }],
    ['a huge merge target', 'POST', 'merge', { into: huge }],
    ['an office of the wrong type', 'POST', 'assign', { officeId: { id: 1 } }],
    ['no body at all', 'POST', 'hide', undefined],
  ]
  for (const [what, method, action, body] of cases)
    it(`a staff write with ${what}`, async () => {
      const { id } = await file()
      const res = await t.send(HOST, method, `/api/v1/reports/staff/${id}/${action}`, body, token.editor)
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      await expectProblem(res, res.status)
    })

  const submissions: [string, unknown][] = [
    ['a description of the wrong type', reportBody({ description: 42 })],
    ['a huge description', reportBody({ description: huge })],
    ['an unknown field', reportBody({ role: 'admin' })],
    ['a point outside Indonesia', reportBody({ point: { lat: 48.85, lon: 2.35 } })],
    ['a point of strings', reportBody({ point: { lat: 'a', lon: 'b' } })],
    ['four photos', reportBody({ photos: ['a', 'b', 'c', 'd'] })],
    ['an unknown category', reportBody({ category: 'tidak-ada' })],
    ['a JSON array', [reportBody()]],
  ]
  for (const [what, body] of submissions)
    it(`a submission with ${what}`, async () => {
      const res = await t.send(HOST, 'POST', '/api/v1/reports', body)
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      await expectProblem(res, res.status)
    })

  it('a submission in another shape than JSON, and a tracking code far too long', async () => {
    const form = await t.request(HOST, '/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'kategori=sampah',
    })
    expect([400, 415, 422]).toContain(form.status)
    await expectProblem(form, form.status)
    await expectProblem(await t.send(HOST, 'GET', `/api/v1/reports/track/${'K'.repeat(500)}`, undefined, null), 422)
  })
})

describe('query parameters', () => {
  it('refuses an unknown parameter on the public list, the duplicates and the queue', async () => {
    for (const [path, as] of [
      ['/api/v1/reports?kategori=x', null],
      ['/api/v1/reports/duplicates?category=tps-penuh&radius=9000', null],
      ['/api/v1/reports/queue?limit=5', token.editor],
    ] as const)
      await expectProblem(await t.send(HOST, 'GET', path, undefined, as), 422)
  })
})
