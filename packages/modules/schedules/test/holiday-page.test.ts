import type { WebLoadContext } from '@cerdas/core/web'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import schedules from '../src/index'
import { loader } from '../web/holiday-list'

let t: TestPlatform
let context: WebLoadContext

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('halaman')
  const tenant = await t.platform.tenantBySlug('halaman')
  if (!tenant) throw new Error('tenant missing')
  const db = await t.platform.tenantDb(tenant.record)
  const ctx = t.platform.context(tenant, db, { actor: null })
  context = {
    site: { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions: [schedules] },
    locale: 'id',
    requestId: 'test',
    currentPath: '/hari-libur',
    session: null,
    secureCookies: false,
    clientIp: undefined,
  }
})
afterAll(() => t?.close())

// Remix types the load context as an open record; the server passes a WebLoadContext.
const asLoadContext = (value: WebLoadContext) => value as unknown as AppLoadContext

const load = (query = '') =>
  loader({
    request: new Request(`http://halaman.localhost/hari-libur${query}`),
    context: asLoadContext(context),
    params: {},
  })

describe('hari-libur page', () => {
  it('is registered as a module page with a nav entry', () => {
    expect(schedules.web?.routes).toContainEqual({ path: 'hari-libur', file: 'web/holiday-list.tsx' })
    expect(schedules.web?.nav?.map((n) => n.path)).toEqual(['/hari-libur'])
  })

  it('loads the requested year with unverified entries and the years that have data', async () => {
    const data = await load('?tahun=2026')
    expect(data.year).toBe(2026)
    expect(data.items).toHaveLength(25)
    expect(data.items.every((h) => h.verification.verified === false)).toBe(true)
    expect(data.years).toEqual([2026, 2027])
    expect(data.timezone).toBe('Asia/Jakarta')
  })

  it('falls back to the current year for a missing or nonsense year', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
    )
    expect((await load()).year).toBe(year)
    expect((await load('?tahun=abc')).year).toBe(year)
  })

  it('is a 404 on the platform host', async () => {
    const platformContext = { ...context, site: { kind: 'platform' as const, tenants: [] } }
    await expect(
      loader({
        request: new Request('http://localhost/hari-libur'),
        context: asLoadContext(platformContext),
        params: {},
      }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('shows the upcoming holidays on the home page', async () => {
    const site = context.site
    if (site.kind !== 'tenant') throw new Error('tenant site expected')
    const section = await schedules.web?.home?.(site.ctx)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())
    if (today > '2027-12-25') {
      expect(section).toBeNull()
      return
    }
    expect(section?.moreUrl).toBe('/hari-libur')
    expect(section?.items.length).toBeGreaterThan(0)
    expect(section?.items.length).toBeLessThanOrEqual(3)
    for (const item of section?.items ?? []) {
      expect(item.verified).toBe(false)
      expect((item.date ?? '').slice(0, 10) >= today).toBe(true)
    }
  })
  it("is where the console links a holiday: its year's list, at its date", async () => {
    const holidayConsole = schedules.admin?.entities.find((e) => e.id === 'holiday')
    const [independence] = (await load('?tahun=2026')).items.filter((h) => h.date === '2026-08-17')
    expect(holidayConsole?.publicUrl?.(independence)).toBe('/hari-libur?tahun=2026#2026-08-17')
  })
})
