import type { TenantContext } from '@cerdas/core'
import { createTestPlatform, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listReportQueue } from '../src/staff'
import { submitReport } from '../src/submit'

let t: TestPlatform

const SLUGS = [
  'sampah-tidak-diangkut',
  'pembuangan-sampah-liar',
  'tps-penuh',
  'pembakaran-sampah',
  'toilet-umum-kotor',
  'pasar-kotor',
  'saluran-tersumbat',
  'bangkai-hewan-di-jalan',
]

async function contextOf(slug: string): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  return t.platform.context(tenant, await tenantDbOf(t, slug), { actor: { kind: 'system', id: 'test' } })
}

type Row = { slug: string; group_name: string; dimension: string; office_id: string | null; source_note: string }
async function categoriesOf(slug: string) {
  const db = await tenantDbOf(t, slug)
  const rows = (
    await db.$client.execute(
      'SELECT slug, group_name, dimension, office_id, source_note, verified_at FROM reports_categories ORDER BY sort_order',
    )
  ).rows as unknown as (Row & { verified_at: string | null })[]
  return rows
}

async function officeIdOf(slug: string, officeSlug: string): Promise<string | undefined> {
  const db = await tenantDbOf(t, slug)
  const row = (await db.$client.execute({ sql: 'SELECT id FROM directory_offices WHERE slug = ?', args: [officeSlug] }))
    .rows[0]
  return row?.id as string | undefined
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  await t.createTenant('umum')
}, 120_000)
afterAll(() => t?.close())

const report = (category: string) => ({
  category,
  description: 'Sampah di depan pasar tidak diangkut sejak Senin',
  kecamatan: 'Balige',
  desa: 'Pardede Onan',
  source: 'api' as const,
})

describe('the templates seed report categories', () => {
  it('Toba routes its eight categories to its Dinas Lingkungan Hidup, unverified, with a note to confirm', async () => {
    const dlh = await officeIdOf('toba', 'dlh')
    expect(dlh).toBeDefined()
    const rows = await categoriesOf('toba')
    expect(rows.map((r) => r.slug)).toEqual(SLUGS)
    expect(new Set(rows.map((r) => r.group_name))).toEqual(
      new Set(['Persampahan', 'Kebersihan fasilitas umum', 'Drainase']),
    )
    for (const r of rows) {
      expect(r.dimension).toBe('environment')
      expect(r.office_id).toBe(dlh)
      expect(r.verified_at).toBeNull()
      expect(r.source_note).toMatch(/belum dikonfirmasi/)
    }
    const ctx = await contextOf('toba')
    const { report: filed } = await submitReport(ctx, report('tps-penuh'), { trusted: true })
    const queue = await listReportQueue(ctx, { officeId: dlh })
    expect(queue.items.map((r) => r.number)).toContain(filed.number)
    expect(queue.items.find((r) => r.number === filed.number)?.officeId).toBe(dlh)
  })

  it('the generic kabupaten has the same categories for the environment team, with no office chosen yet', async () => {
    const rows = await categoriesOf('umum')
    expect(rows.map((r) => r.slug)).toEqual(SLUGS)
    for (const r of rows) {
      expect(r.dimension).toBe('environment')
      expect(r.office_id).toBeNull()
    }
    const { report: filed } = await submitReport(await contextOf('umum'), report('saluran-tersumbat'), {
      trusted: true,
    })
    expect(filed.category.slug).toBe('saluran-tersumbat')
  })

  it('seeding again adds nothing', async () => {
    const mod = t.platform.modules.find((m) => m.id === 'reports')
    const ctx = await contextOf('toba')
    const before = (await categoriesOf('toba')).length
    const data = mod?.seed?.data.parse((await import('../../../../templates/toba/data/reports.json')).default)
    await mod?.seed?.run(ctx, { data })
    expect((await categoriesOf('toba')).length).toBe(before)
  })
})
