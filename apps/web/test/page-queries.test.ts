import type { WebLoadContext } from '@cerdas/core/web'
import type { ResolvedTenant } from '@cerdas/platform'
import {
  countingDatabase,
  createTestPlatform,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as officePage from '../../../packages/modules/directory/web/office-page'
import * as servicePage from '../../../packages/modules/services/web/service-page'
import { tenantPageContext } from '../server/page-context'

/**
 * A service page and an office page run the same number of SQL statements
 * whether their lists hold one entry or fifty: what they show of other
 * records comes in batches, not one query per entry.
 */
const HOST = 'toba.localhost'
const OFFICE = 'kantor-ukur'
const SERVICE = 'layanan-ukur'

let t: TestPlatform
let tenant: ResolvedTenant
let made = 0

async function post(path: string, body: unknown): Promise<{ id: string; slug?: string }> {
  const res = await t.request(HOST, path, { method: 'POST', token: TEST_OPERATOR_TOKEN, body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id: string; slug?: string }
}

async function patch(path: string, body: unknown) {
  const res = await t.request(HOST, path, { method: 'PATCH', token: TEST_OPERATOR_TOKEN, body: JSON.stringify(body) })
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`)
}

const counters: string[] = []
const related: string[] = []

/** Grows the office's units, counters, positions and services, and the service's locations and related services, to `n`. */
async function growTo(n: number) {
  while (made < n) {
    made++
    const unit = await post('/api/v1/directory/units', {
      officeId: OFFICE,
      kind: 'bidang',
      name: { id: `Bidang ${made}` },
    })
    const counter = await post('/api/v1/directory/counters', {
      officeId: OFFICE,
      unitId: unit.id,
      code: `L${made}`,
      name: { id: `Loket ${made}` },
    })
    counters.push(counter.id)
    await post('/api/v1/directory/positions', { officeId: OFFICE, unitId: unit.id, title: { id: `Kepala ${made}` } })
    const other = await post('/api/v1/services', {
      slug: `layanan-lain-${made}`,
      name: { id: `Layanan lain ${made}` },
      category: 'kependudukan',
      officeId: OFFICE,
      unitId: unit.id,
      fee: { free: true },
    })
    related.push(other.id)
  }
  await patch(`/api/v1/services/${SERVICE}`, {
    locations: counters.slice(0, n).map((counterId) => ({ officeId: OFFICE, counterId })),
    // A service names at most 20 related services.
    related: related.slice(0, Math.min(n, 20)),
  })
}

/** Statements one page's loader runs, with a fresh request context as the server makes it. */
async function statementsOf(page: typeof officePage | typeof servicePage, path: string, slug: string) {
  const counted = countingDatabase(await tenantDbOf(t, 'toba'))
  const context = await tenantPageContext(t.platform, tenant, counted.db, null, {
    locale: 'id',
    requestId: 'test',
    currentPath: path,
    session: null,
    secureCookies: false,
    clientIp: undefined,
  } as Omit<WebLoadContext, 'site'>)
  counted.reset()
  const data = await page.loader({
    request: new Request(`http://${HOST}${path}`),
    params: { slug },
    context: context as unknown as AppLoadContext,
  })
  return { statements: counted.count(), data: data as Record<string, unknown> }
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
  const resolved = await t.platform.tenantBySlug('toba')
  if (!resolved) throw new Error('toba missing')
  tenant = resolved
  await post('/api/v1/directory/offices', { slug: OFFICE, type: 'dinas', name: { id: 'Kantor Ukur' } })
  await post('/api/v1/services', {
    slug: SERVICE,
    name: { id: 'Layanan Ukur' },
    category: 'kependudukan',
    officeId: OFFICE,
    fee: { free: true },
  })
  // Hours for the office and officer presence for the service, so the status lookups run too.
  const week = { mo: [{ start: '08:00', end: '16:00' }], tu: [{ start: '08:00', end: '16:00' }] }
  await post('/api/v1/schedules', {
    owner: { module: 'directory', type: 'office', id: OFFICE },
    kind: 'hours',
    label: { id: 'Jam layanan' },
    definition: { weekly: week },
  })
  await post('/api/v1/schedules', {
    owner: { module: 'services', type: 'service', id: SERVICE },
    kind: 'presence',
    label: { id: 'Petugas' },
    definition: { weekly: week },
  })
})
afterAll(() => t?.close())

describe('queries per page do not grow with its lists', () => {
  it('the service page: locations with counters 1 → 50, related services 1 → 20', async () => {
    await growTo(1)
    const one = await statementsOf(servicePage, `/layanan/${SERVICE}`, SERVICE)
    await growTo(50)
    const fifty = await statementsOf(servicePage, `/layanan/${SERVICE}`, SERVICE)
    const detail = fifty.data.detail as { locations: unknown[]; related: unknown[]; presence: unknown[] }
    expect(detail.locations.length).toBe(50)
    expect(detail.related.length).toBe(20)
    expect(detail.presence.length).toBe(1)
    expect(fifty.statements).toBe(one.statements)
  })

  it('the office page: units, counters, positions and services there 1 → 50', async () => {
    made = 0
    counters.length = 0
    related.length = 0
    const office = `${OFFICE}-2`
    await post('/api/v1/directory/offices', { slug: office, type: 'dinas', name: { id: 'Kantor Ukur Dua' } })
    const grow = async (n: number) => {
      while (made < n) {
        made++
        const unit = await post('/api/v1/directory/units', {
          officeId: office,
          kind: 'bidang',
          name: { id: `B ${made}` },
        })
        await post('/api/v1/directory/counters', { officeId: office, code: `K${made}`, name: { id: `Loket ${made}` } })
        await post('/api/v1/directory/positions', { officeId: office, title: { id: `Jabatan ${made}` } })
        await post('/api/v1/services', {
          slug: `di-kantor-dua-${made}`,
          name: { id: `Layanan di kantor dua ${made}` },
          category: 'kependudukan',
          officeId: office,
          unitId: unit.id,
          fee: { free: true },
        })
      }
    }
    await grow(1)
    const one = await statementsOf(officePage, `/direktori/${office}`, office)
    await grow(50)
    const fifty = await statementsOf(officePage, `/direktori/${office}`, office)
    const detail = fifty.data.detail as { units: unknown[]; counters: unknown[]; positions: unknown[] }
    expect([detail.units.length, detail.counters.length, detail.positions.length]).toEqual([50, 50, 50])
    const sections = fifty.data.sections as { items: unknown[] }[]
    expect(sections.map((s) => s.items.length)).toContain(50)
    expect(fifty.statements).toBe(one.statements)
  })
})
