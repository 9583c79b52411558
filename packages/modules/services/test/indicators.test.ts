import type { TenantContext } from '@cerdas/core'
import { office } from '@cerdas/module-directory'
import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servicesIndicators } from '../src/indicators'
import { service } from '../src/service'

/** The share of services verified, over services written and verified through the entity's functions. */

let t: TestPlatform
let base: TenantContext
const verifiedShare = servicesIndicators.find((i) => i.id === 'verified-share')

/** The context with its clock at an instant, for the creation and verification stamps. */
const at = (instant: string): TenantContext => ({
  ...base,
  now: () => new Date(instant),
  transaction: (work) => base.transaction((tx) => work({ ...tx, now: () => new Date(instant) })),
})

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await setModuleEnabled(t.platform, 'uji', 'services', true)
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  base = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
  await office.create(at('2026-01-05T02:00:00Z'), { name: { id: 'Dinas Uji' }, type: 'dinas' })
  const make = (name: string, when: string) =>
    service.create(at(when), {
      name: { id: name },
      category: 'lainnya',
      officeId: 'dinas-uji',
      fee: { free: true },
    } as never)
  const a = await make('Layanan satu', '2026-01-10T02:00:00Z')
  await make('Layanan dua', '2026-01-10T03:00:00Z')
  const c = await make('Layanan tiga', '2026-01-10T04:00:00Z')
  await make('Layanan empat', '2026-05-10T04:00:00Z')
  await service.verify(at('2026-02-01T02:00:00Z'), a.id, {})
  await service.verify(at('2026-05-01T02:00:00Z'), c.id, {})
})
afterAll(() => t?.close())

describe('services indicator: verified share', () => {
  it('counts the services listed at the end of the period and those verified by then', async () => {
    // End of March: three services, one verified.
    expect(await verifiedShare?.compute(base, { from: '2025-12-31T17:00:00Z', to: '2026-03-31T17:00:00Z' })).toBe(33.3)
    // End of June: four services, two verified.
    expect(await verifiedShare?.compute(base, { from: '2026-03-31T17:00:00Z', to: '2026-06-30T17:00:00Z' })).toBe(50)
  })

  it('has nothing to count before the first service', async () => {
    expect(await verifiedShare?.compute(base, { from: '2024-12-31T17:00:00Z', to: '2025-12-31T17:00:00Z' })).toBeNull()
  })
})
