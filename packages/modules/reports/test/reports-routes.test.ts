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
]

const PLACEHOLDER = { report: { number: '{number}' }, trackingCode: '{code}' }

const callRoute = (r: StaffRoute, id: string, as: string | null) =>
  t.send(HOST, r.method, r.path(id), r.method === 'POST' ? r.body?.() : undefined, as)

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
