import type { Grant, TenantContext } from '@cerdas/core'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  expectProblem,
  jsonOf,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type KpiActual, type KpiSeries, type Programme, recordFinishedComputedPeriods } from '../src/index'

/**
 * Programmes and KPIs through the API: each dimension's team writes its own (an economy editor
 * an economy programme and its KPI values, never a governance one), values per period keep their
 * history, and bad input is a problem+json 422 naming the field.
 */

const HOST = 'uji.localhost'
let t: TestPlatform
let economyEditor: string
let viewer: string

/** The tenant's context as the job runner gives it, on 15 January of a year. */
async function contextIn(year: number): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), {
    actor: { kind: 'system', id: 'test' },
    now: () => new Date(`${year}-01-15T03:00:00Z`),
  })
}

const tokenFor = async (grant: Grant) => (await createTestToken(t, 'uji', [grant])).secret
const send = (method: string, path: string, body: unknown, token: string | null) =>
  t.send(HOST, method, path, body, token)

/** Audit entries and rows of a table, to show a refused write left nothing. */
async function counts(table: string): Promise<{ audit: number; rows: number }> {
  const db = await tenantDbOf(t, 'uji')
  const audit = await db.$client.execute("SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE entity LIKE 'governance.%'")
  const rows = await db.$client.execute(`SELECT COUNT(*) AS n FROM ${table}`)
  return { audit: Number(audit.rows[0]?.n), rows: Number(rows.rows[0]?.n) }
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'uji')
  await createTenantWithEveryModule(t, 'lain')
  economyEditor = await tokenFor({ role: 'editor', dimension: 'economy' })
  viewer = await tokenFor({ role: 'viewer', dimension: null })
})
afterAll(() => t?.close())

const economyProgramme = {
  kind: 'quick_win',
  name: { id: 'Katalog UMKM daring', en: 'Online UMKM catalogue' },
  dimension: 'economy',
  budgetSource: 'apbd',
  budgetAmount: 150_000_000,
  status: 'ongoing',
  starts: '2022',
  ends: '2023-12-31',
  milestones: [
    { title: { id: 'Pendataan UMKM' }, due: '2022-06-30', done: true, doneOn: '2022-06-20' },
    { title: { id: 'Peluncuran katalog' }, due: '2023-03-31', done: false },
    { title: { id: 'Pelatihan pelaku usaha' }, done: false },
  ],
  sourceNote: 'Masterplan smart city 2021.',
}

describe('programmes', () => {
  it('lets the economy team create and update an economy programme, with progress from its milestones', async () => {
    const created = await jsonOf<Programme>(
      await send('POST', '/api/v1/governance/programmes', economyProgramme, economyEditor),
      201,
    )
    expect(created.id).toMatch(/^prg_/)
    expect(created.progress).toEqual({ done: 1, total: 3, percent: 33 })
    expect(created.milestones[1]).toEqual({
      title: { id: 'Peluncuran katalog' },
      due: '2023-03-31',
      done: false,
      doneOn: null,
    })
    const updated = await jsonOf<Programme>(
      await send(
        'PATCH',
        `/api/v1/governance/programmes/${created.id}`,
        { status: 'delayed', milestones: [{ title: { id: 'Pendataan UMKM' }, done: true }] },
        economyEditor,
      ),
      200,
    )
    expect(updated.status).toBe('delayed')
    expect(updated.progress).toEqual({ done: 1, total: 1, percent: 100 })
  })

  it('refuses the economy team a governance programme with 403, writing and auditing nothing', async () => {
    const before = await counts('governance_programmes')
    await expectProblem(
      await send(
        'POST',
        '/api/v1/governance/programmes',
        { ...economyProgramme, dimension: 'governance' },
        economyEditor,
      ),
      403,
    )
    await expectProblem(
      await send('POST', '/api/v1/governance/programmes', { ...economyProgramme, dimension: 'governance' }, null),
      401,
    )
    expect(await counts('governance_programmes')).toEqual(before)
    // The governance team's own, written by a tenant admin.
    const theirs = await jsonOf<Programme>(
      await t.send(HOST, 'POST', '/api/v1/governance/programmes', { ...economyProgramme, dimension: 'governance' }),
      201,
    )
    const afterCreate = await counts('governance_programmes')
    expect(afterCreate.rows).toBe(before.rows + 1)
    // Neither editing another team's programme nor moving one's own to another team.
    await expectProblem(
      await send('PATCH', `/api/v1/governance/programmes/${theirs.id}`, { status: 'done' }, economyEditor),
      403,
    )
    const own = (
      await jsonOf<{ items: Programme[] }>(await t.request(HOST, '/api/v1/governance/programmes?dimension=economy'))
    ).items[0]
    await expectProblem(
      await send('PATCH', `/api/v1/governance/programmes/${own?.id}`, { dimension: 'governance' }, economyEditor),
      403,
    )
    await expectProblem(await send('POST', '/api/v1/governance/programmes', economyProgramme, viewer), 403)
    expect(await counts('governance_programmes')).toEqual(afterCreate)
    const stored = await jsonOf<Programme>(await t.request(HOST, `/api/v1/governance/programmes/${theirs.id}`))
    expect(stored.status).toBe('ongoing')
  })

  it('lists programmes filtered by dimension and status, and none of another tenant', async () => {
    const economy = await jsonOf<{ items: Programme[] }>(
      await t.request(HOST, '/api/v1/governance/programmes?dimension=economy'),
    )
    expect(economy.items.map((p) => p.dimension)).toEqual(['economy'])
    const delayed = await jsonOf<{ items: Programme[] }>(
      await t.request(HOST, '/api/v1/governance/programmes?status=delayed'),
    )
    expect(delayed.items.map((p) => p.name.id)).toEqual(['Katalog UMKM daring'])
    const other = await jsonOf<{ items: Programme[] }>(
      await t.request('lain.localhost', '/api/v1/governance/programmes'),
    )
    expect(other.items).toEqual([])
    await expectProblem(await t.request(HOST, '/api/v1/governance/programmes?status=selesai'), 422)
  })

  it('refuses bad input with problem+json 422 pointing at the field', async () => {
    const post = (body: unknown) => t.send(HOST, 'POST', '/api/v1/governance/programmes', body)
    const pointers = async (res: Response) =>
      ((await expectProblem(res, 422)).errors as { pointer: string }[]).map((e) => e.pointer)
    expect(await pointers(await post({ ...economyProgramme, dimension: 'ekonomi' }))).toContain('/dimension')
    expect(await pointers(await post({ ...economyProgramme, budgetSource: 'hibah' }))).toContain('/budgetSource')
    expect(await pointers(await post({ ...economyProgramme, starts: '2024', ends: '2023' }))).toContain('/ends')
    expect(await pointers(await post({ ...economyProgramme, starts: '22' }))).toContain('/starts')
    expect(await pointers(await post({ ...economyProgramme, ownerOffice: 'tidak-ada' }))).toContain('/ownerOffice')
    expect(
      await pointers(
        await post({ ...economyProgramme, milestones: [{ title: { id: 'X' }, done: false, doneOn: '2022-01-01' }] }),
      ),
    ).toContain('/milestones')
  })
})

const economyKpi = {
  name: { id: 'UMKM masuk katalog daring', en: 'UMKM in the online catalogue' },
  dimension: 'economy',
  unit: 'unit',
  direction: 'higher',
  frequency: 'semester',
  baselineValue: 0,
  baselineYear: 2021,
  targets: [
    { year: 2024, value: 300 },
    { year: 2025, value: 500 },
  ],
}

describe('KPIs and their values', () => {
  let kpiId: string
  let governanceKpiId: string

  beforeAll(async () => {
    kpiId = (
      await jsonOf<{ id: string }>(await send('POST', '/api/v1/governance/kpis', economyKpi, economyEditor), 201)
    ).id
    governanceKpiId = (
      await jsonOf<{ id: string }>(
        await t.send(HOST, 'POST', '/api/v1/governance/kpis', {
          ...economyKpi,
          dimension: 'governance',
          name: { id: 'Indeks SPBE' },
        }),
        201,
      )
    ).id
  })

  it('records a value per period, keeps the earlier one as history and audits each change', async () => {
    const path = `/api/v1/governance/kpis/${kpiId}/values`
    const first = await jsonOf<{ actual: KpiActual; created: boolean }>(
      await send('POST', path, { period: '2024-S2', value: 180, source: 'Dinas Koperasi' }, economyEditor),
      201,
    )
    expect(first.created).toBe(true)
    expect(first.actual).toMatchObject({ period: '2024-S2', value: 180, target: 300, history: [] })
    const again = await jsonOf<{ actual: KpiActual; created: boolean }>(
      await send(
        'POST',
        path,
        { period: '2024-S2', value: 210, source: 'Dinas Koperasi', note: 'Ralat' },
        economyEditor,
      ),
      200,
    )
    expect(again.actual.value).toBe(210)
    expect(again.actual.history.map((h) => h.value)).toEqual([180])
    // The same value again writes nothing.
    const before = await counts('governance_kpi_values')
    await jsonOf(
      await send(
        'POST',
        path,
        { period: '2024-S2', value: 210, source: 'Dinas Koperasi', note: 'Ralat' },
        economyEditor,
      ),
      200,
    )
    expect(await counts('governance_kpi_values')).toEqual(before)
    await jsonOf(await send('POST', path, { period: '2025-S1', value: 320 }, economyEditor), 201)

    const series = await jsonOf<KpiSeries>(await t.request(HOST, `/api/v1/governance/kpis/${kpiId}/series`))
    expect(series.baseline).toEqual({ value: 0, year: 2021 })
    expect(series.targets).toEqual(economyKpi.targets)
    expect(series.actuals.map((a) => [a.period, a.value, a.history.length])).toEqual([
      ['2024-S2', 210, 1],
      ['2025-S1', 320, 0],
    ])
    expect(series.latest).toEqual({ period: '2025-S1', value: 320, computed: false })
    expect(series.current).toBeNull()
    // Who recorded a value is the console's to show: a team member's name may not be public.
    expect(JSON.stringify(series)).not.toContain('recordedBy')

    const db = await tenantDbOf(t, 'uji')
    const audit = await db.$client.execute({
      sql: "SELECT before, after FROM cerdas_audit_log WHERE entity = 'governance.kpi' AND entity_id = ? AND action = 'record_value' ORDER BY seq",
      args: [kpiId],
    })
    expect(audit.rows.map((r) => JSON.parse(String(r.after)).value)).toEqual([180, 210, 320])
    // Each entry names the KPI's dimension, so the economy team reads it in its audit trail.
    expect(audit.rows.map((r) => JSON.parse(String(r.after)).dimension)).toEqual(['economy', 'economy', 'economy'])
    expect(JSON.parse(String(audit.rows[1]?.before)).value).toBe(180)
  })

  it('refuses values of another team’s KPI (403), anonymous callers (401) and viewers (403), writing nothing', async () => {
    const before = await counts('governance_kpi_values')
    const body = { period: '2024-S1', value: 1 }
    await expectProblem(
      await send('POST', `/api/v1/governance/kpis/${governanceKpiId}/values`, body, economyEditor),
      403,
    )
    await expectProblem(await send('POST', `/api/v1/governance/kpis/${kpiId}/values`, body, null), 401)
    await expectProblem(await send('POST', `/api/v1/governance/kpis/${kpiId}/values`, body, viewer), 403)
    await expectProblem(
      await send('PATCH', `/api/v1/governance/kpis/${governanceKpiId}`, { unit: '%' }, economyEditor),
      403,
    )
    expect(await counts('governance_kpi_values')).toEqual(before)
  })

  it('refuses a period of the wrong frequency or not begun, and bad KPIs, with 422 naming the field', async () => {
    const pointer = async (res: Response) =>
      ((await expectProblem(res, 422)).errors as { pointer: string }[]).map((e) => e.pointer)
    const path = `/api/v1/governance/kpis/${kpiId}/values`
    expect(await pointer(await send('POST', path, { period: '2024', value: 1 }, economyEditor))).toEqual(['/period'])
    expect(await pointer(await send('POST', path, { period: '2099-S1', value: 1 }, economyEditor))).toEqual(['/period'])
    await expectProblem(await send('POST', path, { period: '2024-S1', value: 'banyak' }, economyEditor), 422)
    await expectProblem(await send('POST', path, { period: '2024-S1', value: 1, extra: true }, economyEditor), 422)
    // Figures stay within a finite scale the charts can draw.
    expect(await pointer(await send('POST', path, { period: '2024-S1', value: 1e308 }, economyEditor))).toEqual([
      '/value',
    ])
    await expectProblem(
      await send(
        'POST',
        '/api/v1/governance/kpis/kpi_tidak_ada/values',
        { period: '2024-S1', value: 1 },
        economyEditor,
      ),
      404,
    )
    const post = (input: unknown) => t.send(HOST, 'POST', '/api/v1/governance/kpis', input)
    expect(await pointer(await post({ ...economyKpi, computedFrom: 'reports.tidak-ada' }))).toContain('/computedFrom')
    expect(
      await pointer(
        await post({
          ...economyKpi,
          targets: [
            { year: 2024, value: 1 },
            { year: 2024, value: 2 },
          ],
        }),
      ),
    ).toContain('/targets')
    expect(await pointer(await post({ ...economyKpi, frequency: 'weekly' }))).toContain('/frequency')
    expect(await pointer(await post({ ...economyKpi, baselineValue: -1e308 }))).toContain('/baselineValue')
    // Values of semesters are recorded: the KPI cannot become annual under them.
    expect(
      await pointer(await t.send(HOST, 'PATCH', `/api/v1/governance/kpis/${kpiId}`, { frequency: 'annual' })),
    ).toEqual(['/frequency'])
  })

  it('gives every KPI series by dimension, and drops the values with a deleted KPI', async () => {
    const economy = await jsonOf<{ items: KpiSeries[] }>(
      await t.request(HOST, '/api/v1/governance/kpi-series?dimension=economy'),
    )
    expect(economy.items.map((k) => k.id)).toEqual([kpiId])
    const all = await jsonOf<{ items: KpiSeries[] }>(await t.request(HOST, '/api/v1/governance/kpi-series'))
    expect(all.items.map((k) => k.id)).toEqual([kpiId, governanceKpiId])
    await expectProblem(await t.request(HOST, '/api/v1/governance/kpi-series?dimension=ekonomi'), 422)
    const scratch = await jsonOf<{ id: string }>(await t.send(HOST, 'POST', '/api/v1/governance/kpis', economyKpi), 201)
    await jsonOf(
      await t.send(HOST, 'POST', `/api/v1/governance/kpis/${scratch.id}/values`, { period: '2024-S1', value: 5 }),
      201,
    )
    expect((await t.send(HOST, 'DELETE', `/api/v1/governance/kpis/${scratch.id}`)).status).toBe(204)
    const db = await tenantDbOf(t, 'uji')
    const left = await db.$client.execute({
      sql: 'SELECT COUNT(*) AS n FROM governance_kpi_values WHERE kpi_id = ?',
      args: [scratch.id],
    })
    expect(Number(left.rows[0]?.n)).toBe(0)
  })
})

describe('a KPI computed from a module indicator', () => {
  it('lists the indicators, computes the current period on read and records it on request', async () => {
    const indicators = await jsonOf<{ items: { key: string; unit: string }[] }>(
      await t.request(HOST, '/api/v1/governance/indicators'),
    )
    expect(indicators.items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['reports.resolved-on-time', 'services.verified-share', 'tourism.attractions-with-hours']),
    )
    const branding = await tokenFor({ role: 'editor', dimension: 'branding' })
    const created = await jsonOf<{ id: string }>(
      await send(
        'POST',
        '/api/v1/governance/kpis',
        {
          name: { id: 'Tempat wisata dengan jam buka' },
          dimension: 'branding',
          unit: '%',
          frequency: 'annual',
          computedFrom: 'tourism.attractions-with-hours',
        },
        branding,
      ),
      201,
    )
    const series = async () => jsonOf<KpiSeries>(await t.request(HOST, `/api/v1/governance/kpis/${created.id}/series`))
    // No attractions yet: nothing to count, so the daily job records nothing.
    expect((await series()).current).toMatchObject({ value: null, computedFrom: 'tourism.attractions-with-hours' })
    const year = String((await series()).current?.period)
    expect(year).toMatch(/^\d{4}$/)
    expect(await recordFinishedComputedPeriods(await contextIn(Number(year) + 1))).toEqual({ changed: 0 })
    for (const name of ['Pantai Uji', 'Bukit Uji']) {
      const res = await t.send(HOST, 'POST', '/api/v1/tourism/attractions', { name: { id: name }, category: 'nature' })
      expect(res.status).toBe(201)
    }
    const hours = await t.send(HOST, 'POST', '/api/v1/schedules/import', {
      owner: { module: 'tourism', type: 'attraction', id: 'pantai-uji' },
      kind: 'hours',
      label: { id: 'Jam buka' },
      openingHours: 'Mo-Su 08:00-17:00',
    })
    expect(hours.status).toBe(201)
    const computed = await series()
    expect(computed.current).toMatchObject({
      period: year,
      value: 50,
      source: 'dihitung otomatis dari Wisata dan acara',
    })
    expect(computed.latest).toEqual({ period: year, value: 50, computed: true })
    expect(computed.actuals).toEqual([])
    // Once the year is over, the job keeps its figure (once: a second run adds nothing).
    const nextYear = await contextIn(Number(year) + 1)
    expect(await recordFinishedComputedPeriods(nextYear)).toEqual({ changed: 1 })
    expect(await recordFinishedComputedPeriods(nextYear)).toEqual({ changed: 0 })
    const kept = await series()
    expect(kept.actuals).toEqual([
      expect.objectContaining({
        period: year,
        value: 50,
        source: 'dihitung otomatis dari Wisata dan acara',
        computedFrom: 'tourism.attractions-with-hours',
      }),
    ])
    expect(kept.latest).toEqual({ period: year, value: 50, computed: false })
  })
})
