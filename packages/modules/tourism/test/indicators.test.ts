import type { TenantContext } from '@cerdas/core'
import { importSchedule } from '@cerdas/module-schedules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attraction } from '../src/attraction'
import { tourismIndicators } from '../src/indicators'
import { tourismPlatform } from './support'

/** The share of attractions with opening hours, over attractions and hours written through the modules' functions. */

let close: () => void
let ctx: TenantContext
const withHours = tourismIndicators.find((i) => i.id === 'attractions-with-hours')
const YEAR = { from: '2025-12-31T17:00:00Z', to: '2099-12-31T17:00:00Z' }

beforeAll(async () => {
  const t = await tourismPlatform(['uji'])
  close = () => t.close()
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
})
afterAll(() => close?.())

describe('tourism indicator: attractions with hours', () => {
  it('has nothing to count without attractions, then counts those with an hours schedule', async () => {
    expect(await withHours?.compute(ctx, YEAR)).toBeNull()
    const names = ['Pantai Uji', 'Air Terjun Uji', 'Bukit Uji', 'Museum Uji']
    const created = []
    for (const name of names)
      created.push(await attraction.create(ctx, { name: { id: name }, category: 'nature' } as never))
    expect(await withHours?.compute(ctx, YEAR)).toBe(0)
    await importSchedule(ctx, {
      owner: { module: 'tourism', type: 'attraction', id: String(created[0]?.slug) },
      kind: 'hours',
      label: { id: 'Jam buka' },
      openingHours: 'Mo-Su 08:00-17:00',
    } as never)
    expect(await withHours?.compute(ctx, YEAR)).toBe(25)
    // Attractions listed only after the period are not counted in it.
    expect(await withHours?.compute(ctx, { from: '2020-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z' })).toBeNull()
  })
})
