import type { Grant, TenantContext } from '@cerdas/core'
import { createTenantWithEveryModule, createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as queue from '../../../packages/modules/reports/admin/report-queue'
// The module's screens are mounted from the registry; the app does not depend on the package itself.
import { category, type PublicReport, submitReport } from '../../../packages/modules/reports/src/index'
import * as consoleLayout from '../app/routes/admin'
import { consoleContext } from './console-context'

/**
 * The report console is every team's: `reports.report:read` follows the report's team (its
 * category's dimension), so a society team opens the queue and sees its own reports only, and a
 * team without reports sees an empty queue rather than a refusal.
 */

let t: TestPlatform
let system: TenantContext
let toilet: PublicReport
let waste: PublicReport

type QueueData = Awaited<ReturnType<typeof queue.loader>>['data']
const get = (path: string) => new Request(`http://toba.localhost${path}`)

const consoleAs = (grants: Grant[], name: string) =>
  consoleContext(t, 'toba', grants, name, { csrfToken: 'csrf', path: '/admin/laporan' })

async function queueOf(context: AppLoadContext): Promise<QueueData | Response> {
  try {
    return (
      (await queue.loader({ request: get('/admin/laporan?status=all'), params: {}, context })) as { data: QueueData }
    ).data
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

async function navLinksOf(context: AppLoadContext) {
  const layout = (await consoleLayout.loader({ request: get('/admin'), params: {}, context })) as {
    groups: { modules: { id: string; links: { path: string }[] }[] }[]
  }
  return (
    layout.groups
      .flatMap((g) => g.modules)
      .find((m) => m.id === 'reports')
      ?.links.map((l) => l.path) ?? []
  )
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'toba', { template: 'toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  system = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'cli', id: 'test' } })
  const society = (await category.create(system, {
    name: { id: 'Toilet sekolah rusak' },
    dimension: 'society',
  } as never)) as { slug: string }
  const submit = (slug: string, description: string) =>
    submitReport(
      system,
      { category: slug, description, kecamatan: 'Balige', desa: 'Napitupulu', source: 'console' },
      {
        trusted: true,
      },
    ).then((r) => r.report)
  toilet = await submit(society.slug, 'Toilet SD di Napitupulu rusak dan tidak ada air.')
  waste = await submit('sampah-tidak-diangkut', 'Sampah di depan sekolah belum diangkut.')
}, 120_000)
afterAll(() => t?.close())

describe('the report console for every team', () => {
  it('is in the navigation of a society editor, whose queue holds the society reports only', async () => {
    const editor = await consoleAs([{ role: 'editor', dimension: 'society' }], 'sosial')
    expect(await navLinksOf(editor)).toContain('/admin/laporan')
    const page = (await queueOf(editor)) as QueueData
    const numbers = page.rows.map((r) => r.number)
    expect(numbers).toContain(toilet.number)
    expect(numbers).not.toContain(waste.number)
  })

  it('opens an empty queue to an economy viewer, whose team has no reports', async () => {
    const viewer = await consoleAs([{ role: 'viewer', dimension: 'economy' }], 'ekonomi')
    expect(await navLinksOf(viewer)).toContain('/admin/laporan')
    const page = (await queueOf(viewer)) as QueueData
    expect(page.rows).toEqual([])
  })

  it('still shows the environment team its reports and not the society one', async () => {
    const page = (await queueOf(
      await consoleAs([{ role: 'viewer', dimension: 'environment' }], 'lingkungan'),
    )) as QueueData
    const numbers = page.rows.map((r) => r.number)
    expect(numbers).toContain(waste.number)
    expect(numbers).not.toContain(toilet.number)
  })

  it('refuses a person with no grant at all', async () => {
    const nobody = await consoleAs([], 'tamu')
    const refused = await queueOf(nobody)
    expect(refused instanceof Response && refused.status).toBe(403)
  })
})
