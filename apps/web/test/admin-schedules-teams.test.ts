import type { Actor, Grant, TenantContext } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { createSchedule, type Schedule, schedule as scheduleEntity } from '@cerdas/module-schedules'
import { consoleEntities, exportEntity, listAudit, mayView, planImport } from '@cerdas/platform'
import { createTenantWithEveryModule, createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as scheduleEdit from '../../../packages/modules/schedules/admin/schedule-edit'
import * as scheduleNew from '../../../packages/modules/schedules/admin/schedule-new'
import { openAdminScreen } from '../app/admin/screen.server'
import * as genericList from '../app/routes/admin.data.$module.$entity._index'
import * as genericRecord from '../app/routes/admin.data.$module.$entity.$id'
import { tenantPageContext } from '../server/page-context'
import { runScreen } from './console-context'

/**
 * In the console, a branding editor keeps the hours of the branding team's records (ADR 0110):
 * the schedules list shows only schedules of its own modules' records, the schedule editor
 * opens and saves an attraction's hours, a directory office's schedule is not found, and a new
 * schedule for an office is refused with 403 in the page's language, writing nothing.
 */

const CSRF = 'csrf-token-for-tests'
const grants: Grant[] = [{ role: 'editor', dimension: 'branding' }]
const actor: Actor = { kind: 'user', id: 'usr_branding', name: 'Tim Branding', grants }

let t: TestPlatform
let context: AppLoadContext
let web: WebLoadContext
let system: TenantContext
let attractionHours: Schedule
let officeHours: Schedule
let attractionSlug: string

const WEEK = { weekly: { mo: [{ start: '08:00', end: '17:00' }] } }
const unwrap = <T>(result: unknown) => result as { data: T; init: { status?: number } | null }

const get = (path: string) => new Request(`http://toba.localhost${path}`)
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://toba.localhost${path}`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: CSRF, ...fields }),
  })

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'toba', { template: 'toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  const db = await t.platform.tenantDb(tenant.record)
  system = t.platform.context(tenant, db, { actor: { kind: 'cli', id: 'test' } })
  const attraction = system.modules.find((m) => m.id === 'tourism')?.entities?.find((e) => e.name === 'attraction')
  const first = (await attraction?.listForEditing(system, { limit: 1 }))?.items[0] as { slug: string } | undefined
  if (!first) throw new Error('Toba seeds no attraction')
  attractionSlug = first.slug
  attractionHours = await createSchedule(system, {
    owner: { module: 'tourism', type: 'attraction', id: attractionSlug },
    kind: 'hours',
    label: { id: 'Jam kunjungan tempat wisata' },
    definition: WEEK,
  })
  officeHours = await createSchedule(system, {
    owner: { module: 'directory', type: 'office', id: 'disdukcapil' },
    kind: 'hours',
    label: { id: 'Jam layanan kantor' },
    definition: WEEK,
  })
  web = await tenantPageContext(t.platform, tenant, db, actor, {
    locale: 'id',
    requestId: 'test',
    currentPath: '/admin',
    session: { userId: actor.id, name: actor.name!, email: 'branding@tobakab.go.id', grants, csrfToken: CSRF },
    secureCookies: false,
    clientIp: undefined,
    openAdminScreen,
  })
  context = web as unknown as AppLoadContext
})
afterAll(() => t?.close())

describe('a branding editor in the console', () => {
  it('opens schedules (but not the holiday calendar) among its entities', () => {
    const entities = consoleEntities(system.modules, system.tenant).filter((e) => e.module.id === 'schedules')
    expect(entities.filter((e) => mayView(grants, e)).map((e) => e.entity.id)).toEqual(['schedule'])
  })

  it("lists only the schedules of the branding team's records", async () => {
    const path = '/admin/data/schedules/schedule'
    const page = unwrap<{ rows: { id: string; cells: string[] }[] }>(
      await genericList.loader({ request: get(path), params: { module: 'schedules', entity: 'schedule' }, context }),
    ).data
    const ids = page.rows.map((r) => r.id)
    expect(ids).toContain(attractionHours.id)
    expect(ids).not.toContain(officeHours.id)
    for (const row of page.rows) expect(row.cells[0]).toMatch(/^tourism\//)
  })

  it("opens and saves an attraction's hours in the schedule editor, audited", async () => {
    const path = `/admin/jadwal/${attractionHours.id}`
    const params = { id: attractionHours.id }
    const loaded = unwrap<{ can: { update: boolean; verify: boolean } }>(
      await scheduleEdit.loader({ request: get(path), params, context }),
    ).data
    expect(loaded.can).toEqual({ update: true, verify: true })
    const before = (await listAudit(system.db, { entityId: attractionHours.id, limit: 100 })).length
    const saved = (await runScreen(() =>
      scheduleEdit.action({
        request: post(path, { _intent: 'save', 'w.mo.0.start': '09:00', 'w.mo.0.end': '16:00' }),
        params,
        context,
      }),
    )) as Response
    expect(saved.status, await saved.clone().text()).toBe(302)
    expect((await listAudit(system.db, { entityId: attractionHours.id, limit: 100 })).length).toBe(before + 1)
    expect((await scheduleEntity.get(system, attractionHours.id)).openingHours).toBe('Mo 09:00-16:00')
  })

  it("finds no directory office's schedule, in the editor or the generic record screen", async () => {
    const edit = (await runScreen(() =>
      scheduleEdit.loader({ request: get(`/admin/jadwal/${officeHours.id}`), params: { id: officeHours.id }, context }),
    )) as Response
    expect(edit.status).toBe(404)
    const generic = await runScreen(() =>
      genericRecord.loader({
        request: get(`/admin/data/schedules/schedule/${officeHours.id}`),
        params: { module: 'schedules', entity: 'schedule', id: officeHours.id },
        context,
      }),
    )
    expect((generic as Response).status).toBe(404)
  })

  it('creates a schedule for an attraction, and is refused one for an office in Indonesian, writing nothing', async () => {
    const form = (owner: { module: string; type: string; id: string }) => ({
      'label.id': 'Jam buka',
      kind: 'hours',
      'owner.module': owner.module,
      'owner.type': owner.type,
      'owner.id': owner.id,
      'w.tu.0.start': '08:00',
      'w.tu.0.end': '12:00',
    })
    const made = (await runScreen(() =>
      scheduleNew.action({
        request: post('/admin/jadwal/baru', form({ module: 'tourism', type: 'attraction', id: attractionSlug })),
        params: {},
        context,
      }),
    )) as Response
    expect(made.status, await made.clone().text()).toBe(302)
    const before = (await listAudit(system.db, { limit: 1000 })).length
    const refused = unwrap<{ formErrors: string[] }>(
      await scheduleNew.action({
        request: post('/admin/jadwal/baru', form({ module: 'directory', type: 'office', id: 'disdukcapil' })),
        params: {},
        context,
      }),
    )
    expect(refused.init?.status).toBe(403)
    expect(refused.data.formErrors).toEqual([expect.stringMatching(/milik data tim dimensi lain/)])
    expect((await listAudit(system.db, { limit: 1000 })).length).toBe(before)
  })

  it("exports its own schedules only, and a sheet row for an office's hours is an error on the owner", async () => {
    const ce = consoleEntities(system.modules, system.tenant).find((e) => e.name === 'schedules.schedule')
    if (!ce) throw new Error('no schedules in the console')
    const ctx = web.site.kind === 'tenant' ? web.site.ctx : (undefined as never)
    const sheet = await exportEntity(ctx, ce.entity)
    const ids = sheet.slice(1).map((row) => row[0])
    expect(ids).toContain(attractionHours.id)
    expect(ids).not.toContain(officeHours.id)
    const header = sheet[0] ?? []
    const row = header.map((column) =>
      column === 'label.id'
        ? 'Jam layanan kantor'
        : column === 'kind'
          ? 'hours'
          : column === 'owner.module'
            ? 'directory'
            : column === 'owner.type'
              ? 'office'
              : column === 'owner.id'
                ? 'disdukcapil'
                : '',
    )
    const plan = await planImport(ctx, ce.entity, [header, row])
    expect(plan.rows[0]?.errors).toEqual([{ field: 'owner.module', message: expect.stringMatching(/team/) }])
    // A row naming another team's schedule by id finds no such record.
    const byId = await planImport(ctx, ce.entity, [header, [officeHours.id, ...row.slice(1)]])
    expect(byId.rows[0]?.errors).toContainEqual({ field: 'id', message: `no record ${officeHours.id}` })
  })
})
