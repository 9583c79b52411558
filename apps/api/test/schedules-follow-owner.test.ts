import { type Grant, problemType, type TenantDb } from '@cerdas/core'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  expectProblem,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures } from './support/fixtures'
import { fetchOpenApi } from './support/openapi'

/**
 * Schedules follow their owner's team (ADR 0110): the branding team keeps the hours of its
 * attractions, the governance team those of its offices, and neither writes the other's, nor
 * moves a schedule from one to the other. A refusal is a 403 that writes nothing and audits
 * nothing; an anonymous caller gets 401 before anything is read.
 */
const SLUG = 'toba'
const HOST = 'toba.localhost'
const FORBIDDEN = problemType('forbidden')

let t: TestPlatform
let db: TenantDb
let attraction: { module: string; type: string; id: string }
let office: { module: string; type: string; id: string }
const tokens: Record<string, string> = {}

const send = (token: string | null, method: string, path: string, body?: unknown) =>
  t.request(HOST, path, { method, token, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })

const hoursOf = (owner: { module: string; type: string; id: string }) => ({
  owner,
  kind: 'hours',
  label: { id: 'Jam buka' },
  definition: { weekly: { mo: [{ start: '08:00', end: '17:00' }] } },
})

const count = async (table: string) =>
  Number((await db.$client.execute(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.n)

/** Sends a request that must be refused with 403, and checks that nothing was written or audited. */
async function expectRefused(token: string, method: string, path: string, body?: unknown) {
  const before = { audit: await count('cerdas_audit_log'), schedules: await count('schedules_schedules') }
  await expectProblem(await send(token, method, path, body), 403, FORBIDDEN)
  expect(await count('cerdas_audit_log')).toBe(before.audit)
  expect(await count('schedules_schedules')).toBe(before.schedules)
}

async function created(token: string, body: unknown): Promise<{ id: string; owner: { module: string } }> {
  const res = await send(token, 'POST', '/api/v1/schedules', body)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string; owner: { module: string } }
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, SLUG)
  db = await tenantDbOf(t, SLUG)
  const api = new ApiFixtures(t, SLUG, await fetchOpenApi(t, HOST))
  attraction = { module: 'tourism', type: 'attraction', id: await api.createRecord('/api/v1/tourism/attractions') }
  office = { module: 'directory', type: 'office', id: await api.createRecord('/api/v1/directory/offices') }
  const grants: Record<string, Grant> = {
    branding: { role: 'editor', dimension: 'branding' },
    economy: { role: 'editor', dimension: 'economy' },
    governance: { role: 'editor', dimension: 'governance' },
    society: { role: 'editor', dimension: 'society' },
    viewer: { role: 'viewer', dimension: null },
    brandingAdmin: { role: 'admin', dimension: 'branding' },
    brandingViewer: { role: 'viewer', dimension: 'branding' },
    governanceViewer: { role: 'viewer', dimension: 'governance' },
  }
  for (const [name, grant] of Object.entries(grants)) tokens[name] = (await createTestToken(t, SLUG, [grant])).secret
})
afterAll(() => t?.close())

describe('a branding editor and the hours of a tourism attraction', () => {
  it('creates, changes, verifies and (as branding admin) deletes them', async () => {
    const schedule = await created(tokens.branding as string, hoursOf(attraction))
    expect(schedule.owner.module).toBe('tourism')
    const patch = await send(tokens.branding as string, 'PATCH', `/api/v1/schedules/${schedule.id}`, {
      label: { id: 'Jam kunjungan' },
    })
    expect(patch.status, await patch.clone().text()).toBe(200)
    const verify = await send(tokens.branding as string, 'POST', `/api/v1/schedules/${schedule.id}/verify`, {})
    expect(verify.status, await verify.clone().text()).toBe(200)
    const imported = await send(tokens.branding as string, 'POST', '/api/v1/schedules/import', {
      owner: attraction,
      kind: 'hours',
      label: { id: 'Jam buka' },
      openingHours: 'Mo-Fr 08:00-17:00',
    })
    expect(imported.status, await imported.clone().text()).toBe(201)
    const removed = await send(tokens.brandingAdmin as string, 'DELETE', `/api/v1/schedules/${schedule.id}`)
    expect(removed.status, await removed.clone().text()).toBe(204)
  })

  it('creates many at once in a batch of their own', async () => {
    const res = await send(tokens.branding as string, 'POST', '/api/v1/schedules/bulk', {
      mode: 'create',
      items: [hoursOf(attraction)],
    })
    expect(res.status, await res.clone().text()).toBe(200)
  })
})

describe("the hours of another team's records", () => {
  it("refuses a branding editor a directory office's hours: creating, importing, changing, verifying", async () => {
    const branding = tokens.branding as string
    await expectRefused(branding, 'POST', '/api/v1/schedules', hoursOf(office))
    await expectRefused(branding, 'POST', '/api/v1/schedules/import', {
      owner: office,
      kind: 'hours',
      label: { id: 'Jam layanan' },
      openingHours: 'Mo-Fr 08:00-16:00',
    })
    const officeHours = await created(tokens.governance as string, hoursOf(office))
    await expectRefused(branding, 'PATCH', `/api/v1/schedules/${officeHours.id}`, { label: { id: 'Diubah' } })
    await expectRefused(branding, 'POST', `/api/v1/schedules/${officeHours.id}/verify`, {})
    await expectRefused(tokens.brandingAdmin as string, 'DELETE', `/api/v1/schedules/${officeHours.id}`)
  })

  it('refuses moving a schedule between teams, either way', async () => {
    const attractionHours = await created(tokens.branding as string, hoursOf(attraction))
    await expectRefused(tokens.branding as string, 'PATCH', `/api/v1/schedules/${attractionHours.id}`, {
      owner: office,
    })
    const officeHours = await created(tokens.governance as string, hoursOf(office))
    await expectRefused(tokens.governance as string, 'PATCH', `/api/v1/schedules/${officeHours.id}`, {
      owner: attraction,
    })
  })

  it('refuses an economy editor the hours of an attraction', async () => {
    await expectRefused(tokens.economy as string, 'POST', '/api/v1/schedules', hoursOf(attraction))
    const attractionHours = await created(tokens.branding as string, hoursOf(attraction))
    await expectRefused(tokens.economy as string, 'PATCH', `/api/v1/schedules/${attractionHours.id}`, {
      label: { id: 'Diubah' },
    })
  })

  it('refuses a batch holding one item of another team whole, writing none of it', async () => {
    await expectRefused(tokens.branding as string, 'POST', '/api/v1/schedules/bulk', {
      mode: 'create',
      items: [hoursOf(attraction), hoursOf(office)],
    })
  })

  it('leaves holidays to governance and admins', async () => {
    const holiday = { date: '2026-12-24', name: { id: 'Libur daerah' }, kind: 'regional' }
    const res = await send(tokens.branding as string, 'POST', '/api/v1/holidays', holiday)
    await expectProblem(res, 403, FORBIDDEN)
  })
})

describe('the audit trail of schedules', () => {
  /** The schedule ids among the audit entries a caller reads. */
  const auditedSchedules = async (token: string) => {
    const res = await send(token, 'GET', '/api/v1/audit?entity=schedules.schedule&limit=200')
    expect(res.status, await res.clone().text()).toBe(200)
    return ((await res.json()) as { items: { entityId: string }[] }).items.map((e) => e.entityId)
  }

  it("is read by the owner's team: branding an attraction's hours, governance an office's", async () => {
    const attractionHours = await created(tokens.branding as string, hoursOf(attraction))
    const officeHours = await created(tokens.governance as string, hoursOf(office))
    const branding = await auditedSchedules(tokens.brandingViewer as string)
    expect(branding).toContain(attractionHours.id)
    expect(branding).not.toContain(officeHours.id)
    const governance = await auditedSchedules(tokens.governanceViewer as string)
    expect(governance).toContain(officeHours.id)
    expect(governance).not.toContain(attractionHours.id)
  })
})

describe('the route guard', () => {
  it('answers 401 to anonymous callers before reading the body', async () => {
    await expectProblem(
      await send(null, 'POST', '/api/v1/schedules', { nonsense: true }),
      401,
      problemType('unauthorized'),
    )
  })

  it('answers 403 to grants that write schedules for no dimension, whatever the owner', async () => {
    // A viewer holds no write at all; no module of the society dimension owns records yet.
    for (const name of ['viewer', 'society']) {
      await expectProblem(
        await send(tokens[name] as string, 'POST', '/api/v1/schedules', { nonsense: true }),
        403,
        FORBIDDEN,
      )
    }
  })
})
