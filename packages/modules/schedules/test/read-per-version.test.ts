// Holidays and schedules are read once per data version and shared by the requests that see it;
// a write (in this process or by another connection on the same file) gives the next request the new data.
import { join } from 'node:path'
import type { TenantContext } from '@cerdas/core'
import { createTestPlatform, jsonOf, type TestPlatform } from '@cerdas/testing'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Schedule, statusForOwners, tenantHolidayCalendar } from '../src/index'

const HOST = 'versi.localhost'
let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('versi')
})
afterAll(() => t?.close())

/** A new context, as each request gets. */
async function requestContext(): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug('versi')
  if (!tenant) throw new Error('tenant versi missing')
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record))
}

const datesOf = async (ctx: TenantContext) => (await tenantHolidayCalendar(ctx)).holidays.map((h) => h.date)

describe('reads kept per data version', () => {
  it('shares one holiday calendar between requests until a holiday is written', async () => {
    const first = await tenantHolidayCalendar(await requestContext())
    expect(await tenantHolidayCalendar(await requestContext())).toBe(first)
    await jsonOf(
      await t.send(HOST, 'POST', '/api/v1/holidays', {
        date: '2026-10-09',
        name: { id: 'Hari jadi kabupaten' },
        kind: 'regional',
      }),
      201,
    )
    const after = await requestContext()
    expect(await tenantHolidayCalendar(after)).not.toBe(first)
    expect(await datesOf(after)).toContain('2026-10-09')
  })

  it('sees a write committed by another connection on the same database file', async () => {
    const before = await requestContext()
    expect(await datesOf(before)).toContain('2026-10-09')
    // What another app process on the same data directory does: the write and the version in one transaction.
    const other = createClient({ url: `file:${join(t.dataDir, 'tenants', 'versi.db')}` })
    try {
      await other.batch(
        [
          "UPDATE schedules_holidays SET date = '2026-10-16' WHERE date = '2026-10-09'",
          'UPDATE cerdas_data_version SET version = version + 1 WHERE id = 1',
        ],
        'write',
      )
    } finally {
      other.close()
    }
    const dates = await datesOf(await requestContext())
    expect(dates).toContain('2026-10-16')
    expect(dates).not.toContain('2026-10-09')
  })

  it('keeps the calendar through writes of other modules, and sees a holiday changed by any writer', async () => {
    const first = await tenantHolidayCalendar(await requestContext())
    // Another module's write raises the tenant's data version, not the holidays' counter.
    await jsonOf(
      await t.send(HOST, 'POST', '/api/v1/directory/offices', { type: 'dinas', name: { id: 'Kantor lain' } }),
      201,
    )
    expect(await tenantHolidayCalendar(await requestContext())).toBe(first)
    // A writer that knows nothing of versions (a raw statement): the table's triggers still count it.
    const other = createClient({ url: `file:${join(t.dataDir, 'tenants', 'versi.db')}` })
    try {
      await other.execute("UPDATE schedules_holidays SET date = '2026-10-23' WHERE date = '2026-10-16'")
    } finally {
      other.close()
    }
    const dates = await datesOf(await requestContext())
    expect(dates).toContain('2026-10-23')
    expect(dates).not.toContain('2026-10-16')
  })

  it('gives the status of an owner its new hours once they are written', async () => {
    const owner = { module: 'directory', type: 'office', id: 'kantor-versi' }
    await jsonOf(
      await t.send(HOST, 'POST', '/api/v1/directory/offices', {
        type: 'dinas',
        name: { id: 'Kantor versi' },
        slug: owner.id,
      }),
      201,
    )
    const at = new Date('2026-03-02T02:00:00Z') // a Monday, 09:00 in WIB
    const [none] = await statusForOwners(await requestContext(), [owner], at)
    expect(none?.hours).toBeNull()
    const created = await jsonOf<Schedule>(
      await t.send(HOST, 'POST', '/api/v1/schedules', {
        owner,
        kind: 'hours',
        label: { id: 'Jam layanan' },
        definition: { weekly: { mo: [{ start: '08:00', end: '12:00' }] } },
      }),
      201,
    )
    const [open] = await statusForOwners(await requestContext(), [owner], at)
    expect(open?.hours?.schedule.id).toBe(created.id)
    expect(open?.hours?.status.open).toBe(true)
    await jsonOf(
      await t.send(HOST, 'PATCH', `/api/v1/schedules/${created.id}`, {
        definition: { weekly: { mo: [{ start: '13:00', end: '15:00' }] } },
      }),
      200,
    )
    const [closed] = await statusForOwners(await requestContext(), [owner], at)
    expect(closed?.hours?.status.open).toBe(false)
  })
})
