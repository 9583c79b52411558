import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, expectProblem, jsonOf, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestPlatform
const HOST = 'uji.localhost'

beforeAll(async () => {
  t = await createTestPlatform()
  for (const slug of ['uji', 'lain']) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'reports', true)
  }
  await jsonOf(await t.send(HOST, 'POST', '/api/v1/reports/categories', { name: { id: 'Sampah tidak diangkut' } }), 201)
})
afterAll(() => t?.close())

const report = {
  category: 'sampah-tidak-diangkut',
  description: 'Sampah menumpuk di depan pasar sejak Senin',
  kecamatan: 'Balige',
  desa: 'Pardede Onan',
  name: 'Penanda Rahasia',
}

describe('reports JSON API', () => {
  it('files a report with a token, tracks it, shows it publicly without the reporter, and hides it from another tenant', async () => {
    const created = await jsonOf<{ report: { number: string }; trackingCode: string }>(
      await t.send(HOST, 'POST', '/api/v1/reports', report),
      201,
    )
    const tracked = await jsonOf<{ number: string }>(
      await t.send(HOST, 'GET', `/api/v1/reports/track/${created.trackingCode}`, undefined, null),
    )
    expect(tracked.number).toBe(created.report.number)
    const res = await t.send(HOST, 'GET', `/api/v1/reports/${created.report.number}`, undefined, null)
    expect(await res.clone().text()).not.toContain('Penanda Rahasia')
    await jsonOf(res)
    await expectProblem(
      await t.send('lain.localhost', 'GET', `/api/v1/reports/${created.report.number}`, undefined, null),
      404,
    )
  })
  it('refuses an anonymous report without a delay token, and staff routes without credentials', async () => {
    await expectProblem(await t.send(HOST, 'POST', '/api/v1/reports', report, null), 422)
    const token = await jsonOf<{ delayToken: string }>(
      await t.send(HOST, 'GET', '/api/v1/reports/delay-token', undefined, null),
    )
    expect(token.delayToken).toMatch(/^\d+\./)
    await expectProblem(await t.send(HOST, 'GET', '/api/v1/reports/queue', undefined, null), 401)
    await expectProblem(await t.send(HOST, 'GET', '/api/v1/reports/overdue', undefined, null), 401)
  })
})
