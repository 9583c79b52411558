import type { AnyModule, TenantContext } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import schedules from '../src/index'
import { listSchedulesForOwner, updateSchedule } from '../src/schedules'
import { loader, meta } from '../web/schedule-page'

const DISDUKCAPIL = { module: 'directory', type: 'office', id: 'disdukcapil' }

let t: TestPlatform
let ctx: TenantContext
let hoursId = ''
let presenceId = ''

/** Audit actions on one schedule, newest first. */
async function auditActions(id: string): Promise<string[]> {
  const result = await ctx.db.$client.execute({
    sql: 'SELECT action FROM cerdas_audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC',
    args: ['schedules.schedule', id],
  })
  return result.rows.map((r) => String(r.action))
}

const context = (locale: 'id' | 'en' = 'id', definitions: AnyModule[] = [schedules]): AppLoadContext =>
  ({
    site: { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions },
    locale,
    requestId: 'test',
    currentPath: '/jadwal',
    session: null,
    secureCookies: false,
    clientIp: undefined,
  }) satisfies WebLoadContext as unknown as AppLoadContext

const load = (id: string, query = '', locale: 'id' | 'en' = 'id') =>
  loader({
    request: new Request(`http://toba.localhost/jadwal/${id}${query}`),
    context: context(locale),
    params: { id },
  })

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('tenant missing')
  const db = await t.platform.tenantDb(tenant.record)
  ctx = t.platform.context(tenant, db, {
    actor: {
      kind: 'user',
      id: 'usr_editor',
      name: 'Editor Uji',
      grants: [{ role: 'editor', dimension: 'governance' }],
    },
  })
  const seeded = await listSchedulesForOwner(ctx, DISDUKCAPIL)
  hoursId = seeded.find((s) => s.kind === 'hours')?.id ?? ''
  presenceId = seeded.find((s) => s.kind === 'presence')?.id ?? ''
})
afterAll(() => t?.close())

describe('toba seed', () => {
  it('has the example Disdukcapil hours and KTP-el officer presence, unverified', async () => {
    const list = await listSchedulesForOwner(ctx, DISDUKCAPIL)
    expect(list.map((s) => [s.kind, s.label.id, s.verification.verified])).toEqual([
      ['hours', 'Jam layanan Disdukcapil (contoh)', false],
      ['presence', 'Petugas perekaman KTP-el (contoh)', false],
    ])
    expect(list[0]?.openingHours).toBe('Mo-Th 08:00-12:00,13:00-16:00, Fr 08:00-11:30,13:30-16:30; PH off')
    expect(list[1]?.role).toEqual({ id: 'Petugas perekaman KTP-el', en: 'e-KTP registration officer' })
  })
})

describe('/jadwal/:id', () => {
  it('is registered as a module page', () => {
    expect(schedules.web?.routes).toContainEqual({ path: 'jadwal/:id', file: 'web/schedule-page.tsx' })
  })

  it("links to what owns the schedule when the owner's module offers it, else names the reference", async () => {
    // A stand-in for the directory's section (the directory module depends on schedules, not the other way).
    const directory = {
      ...schedules,
      id: 'directory',
      web: {
        root: '/',
        routes: [],
        sections: {
          'schedules.owner:directory.office': async (_ctx, owner) => ({
            title: { id: 'Kantor' },
            items: [{ title: { id: `Kantor ${owner.id}` }, url: `/direktori/${owner.id}`, verified: false }],
          }),
        },
      },
    } as AnyModule
    const linked = await loader({
      request: new Request(`http://toba.localhost/jadwal/${hoursId}`),
      context: context('id', [schedules, directory]),
      params: { id: hoursId },
    })
    expect(linked.ownerLink).toEqual({
      title: 'Kantor disdukcapil',
      url: '/direktori/disdukcapil',
      date: undefined,
      note: undefined,
      verified: false,
    })
    expect((await load(hoursId)).ownerLink).toBeNull()
  })

  it('shows the week with holidays applied, the status now, exports and the JSON-LD', async () => {
    // 2026-08-17 (Monday) is Independence Day: closed, with the holiday's name.
    const data = await load(hoursId, '?from=2026-08-17')
    expect(data.from).toBe('2026-08-17')
    expect(data.week).toHaveLength(7)
    expect(data.week[0]).toMatchObject({ date: '2026-08-17', intervals: [], reason: { kind: 'holiday' } })
    expect(data.week[0]?.holiday?.name.id).toMatch(/Kemerdekaan/)
    expect(data.week[1]?.intervals.map((iv) => `${iv.start}-${iv.end}`)).toEqual(['08:00-12:00', '13:00-16:00'])
    expect(data.week[4]?.intervals.map((iv) => `${iv.start}-${iv.end}`)).toEqual(['08:00-11:30', '13:30-16:30'])
    expect(typeof data.status.open).toBe('boolean')
    expect(data.related.map((r) => r.id)).toEqual([presenceId])
    expect(data.jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Place' })
    expect(data.jsonLd.openingHoursSpecification.length).toBeGreaterThan(0)
    expect(data.verification.verified).toBe(false)
    const tags = meta({ data, params: { id: hoursId }, location: {} as never, matches: [] } as never)
    expect(tags).toContainEqual({ 'script:ld+json': data.jsonLd })
    expect(tags).toContainEqual({ title: `Jam layanan Disdukcapil (contoh) · ${data.tenantName}` })
  })

  it('shows a Ramadan override inside its range with its reason, and an audited save', async () => {
    const before = await auditActions(hoursId)
    const current = await load(hoursId)
    await updateSchedule(ctx, hoursId, {
      definition: {
        weekly: { mo: [{ start: '08:00', end: '12:00' }] },
        closedOnHolidays: true,
        overrides: [
          {
            from: '2027-02-08',
            to: '2027-03-09',
            reason: { id: 'Jam Ramadan', en: 'Ramadan hours' },
            weekly: { mo: [{ start: '08:00', end: '14:00' }], fr: [{ start: '08:00', end: '11:00' }] },
          },
        ],
      },
    })
    const inside = await load(hoursId, '?from=2027-02-15', 'en')
    expect(inside.week[0]).toMatchObject({
      date: '2027-02-15',
      intervals: [{ start: '08:00', end: '14:00' }],
      reason: { kind: 'override', label: { id: 'Jam Ramadan', en: 'Ramadan hours' } },
    })
    expect(inside.week[4]?.intervals).toMatchObject([{ start: '08:00', end: '11:00' }])
    expect(inside.special.overrides).toHaveLength(current.today <= '2027-03-09' ? 1 : 0)
    const after = await auditActions(hoursId)
    expect(after).toEqual(['update', ...before])
  })

  it('shows officer presence for a presence schedule', async () => {
    const data = await load(presenceId, '?from=2026-11-02')
    expect(data.kind).toBe('presence')
    expect(data.role?.id).toBe('Petugas perekaman KTP-el')
    expect(data.week[0]?.intervals.map((iv) => `${iv.start}-${iv.end}`)).toEqual(['08:30-12:00'])
    expect(data.week[4]?.intervals).toEqual([])
  })

  it('ignores a nonsense week start and is a 404 for an unknown schedule', async () => {
    const data = await load(hoursId, '?from=2026-02-30')
    expect(data.from).toBe(data.today)
    await expect(load('sch_nope')).rejects.toMatchObject({ status: 404 })
  })
})

describe('admin entities', () => {
  it('lists schedules generically and edits them in the dedicated editor', async () => {
    const entity = schedules.admin?.entities.find((e) => e.id === 'schedule')
    const page = await entity?.list(ctx, { limit: 10 })
    const item = page?.items.find((s) => entity?.idOf(s) === hoursId)
    expect(entity?.editUrl?.(item)).toBe(`/admin/jadwal/${hoursId}`)
    expect(entity?.publicUrl?.(item)).toBe(`/jadwal/${hoursId}`)
    expect(entity?.createUrl).toBe('/admin/jadwal/baru')
    expect(entity?.columns.map((c) => c.value(item, 'id'))).toContain('directory/office/disdukcapil')
  })

  it('pages through every holiday, latest first', async () => {
    const entity = schedules.admin?.entities.find((e) => e.id === 'holiday')
    if (!entity) throw new Error('no holiday entity')
    const dates: string[] = []
    let cursor: string | undefined
    do {
      const page = await entity.list(ctx, { cursor, limit: 10 })
      dates.push(...page.items.map((h) => entity.valuesOf(h).date as string))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(dates.length).toBe(42)
    expect([...dates].sort().reverse()).toEqual(dates)
  })
})
