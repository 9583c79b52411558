import type { TenantContext } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { category, changeReportStatus, type ReportStatus, submitReport } from '../src/index'
import { reportsIndicators } from '../src/indicators'

/** The share of reports resolved on time, over reports worked through the workflow's functions. */

let t: TestPlatform
let base: TenantContext

const at = (local: string): TenantContext => ({
  ...base,
  now: () => new Date(`${local}+07:00`),
  transaction: (work) => base.transaction((tx) => work({ ...tx, now: () => new Date(`${local}+07:00`) })),
})

let seq = 0
/** A report submitted on the first date and moved to each status on the next ones (local WIB). */
async function worked(submitted: string, moves: [ReportStatus, string][]): Promise<void> {
  const { report } = await submitReport(
    at(submitted),
    {
      category: 'sampah-tidak-diangkut',
      description: `Sampah tidak diangkut di simpang (${++seq})`,
      point: { lat: 2.3335, lon: 99.0627 },
      kecamatan: 'Balige',
      source: 'api',
    },
    { trusted: true },
  )
  const db = await tenantDbOf(t, 'uji')
  const id = String(
    (await db.$client.execute({ sql: 'SELECT id FROM reports_reports WHERE number = ?', args: [report.number] }))
      .rows[0]?.id,
  )
  for (const [status, when] of moves) await changeReportStatus(at(when), id, { status })
}

// Local periods of 2026 in WIB, as UTC instants.
const Q1 = { from: '2025-12-31T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' }
const Q2 = { from: '2026-03-31T17:00:00.000Z', to: '2026-06-30T17:00:00.000Z' }
const Q3 = { from: '2026-06-30T17:00:00.000Z', to: '2026-09-30T17:00:00.000Z' }
const YEAR = { from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' }
const onTime = reportsIndicators.find((i) => i.id === 'resolved-on-time')

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await setModuleEnabled(t.platform, 'uji', 'reports', true)
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  base = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: null })
  await category.create(base, { name: { id: 'Sampah tidak diangkut' }, dimension: 'environment' })
  // Resolved two days into work: on time (10 working days).
  await worked('2026-03-02T09:00:00', [
    ['forwarded', '2026-03-02T10:00:00'],
    ['in_progress', '2026-03-03T09:00:00'],
    ['resolved', '2026-03-05T09:00:00'],
  ])
  // Resolved straight from forwarding within the 5 working days to follow up: on time.
  await worked('2026-03-02T09:00:00', [
    ['forwarded', '2026-03-03T09:00:00'],
    ['resolved', '2026-03-05T15:00:00'],
  ])
  // Resolved from forwarding three weeks later: late.
  await worked('2026-03-02T09:00:00', [
    ['forwarded', '2026-03-02T11:00:00'],
    ['resolved', '2026-03-27T09:00:00'],
  ])
  // Worked from March, resolved in May: late, and counted in the second quarter.
  await worked('2026-03-02T09:00:00', [
    ['forwarded', '2026-03-02T12:00:00'],
    ['in_progress', '2026-03-03T10:00:00'],
    ['resolved', '2026-05-04T09:00:00'],
  ])
  // Still open: not counted anywhere.
  await worked('2026-03-02T09:00:00', [['forwarded', '2026-03-02T13:00:00']])
})
afterAll(() => t?.close())

describe('reports indicator: resolved on time', () => {
  it('counts the reports resolved in the period and how many met the deadline then running', async () => {
    expect(onTime?.unit).toBe('%')
    expect(await onTime?.compute(base, Q1)).toBe(66.7)
    expect(await onTime?.compute(base, Q2)).toBe(0)
    expect(await onTime?.compute(base, YEAR)).toBe(50)
  })

  it('has nothing to count in a period without resolutions', async () => {
    expect(await onTime?.compute(base, Q3)).toBeNull()
  })
})
