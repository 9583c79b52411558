import type { Actor, Grant } from '@cerdas/core'
import { pickText, type WebLoadContext } from '@cerdas/core/web'
import { createUser } from '@cerdas/identity'
import { parseCsv, parseXlsx, sheetColumns } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, enableEveryModule, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readZipDirectory, zipEntryText } from '../../../packages/platform/src/zip-archive'
import { loader as exportLoader } from '../app/routes/admin.ekspor.$module.$entity'
import { tenantPageContext } from '../server/page-context'

/**
 * The CSV and XLSX export of every admin entity of every registered module, through the
 * console's own export route on a real Toba database: each answers 200 with a file that
 * reads back to the entity's columns and rows, and each XLSX sheet is named as Excel requires.
 */

const entities = modules.flatMap((module) => (module.admin?.entities ?? []).map((entity) => ({ module, entity })))
const CSRF = 'csrf-token-for-tests'
const grants: Grant[] = [{ role: 'admin', dimension: null }]
const actor: Actor = { kind: 'user', id: 'usr_admin', name: 'Admin Toba', grants }

let t: TestPlatform
let templated: Set<string>
let context: AppLoadContext
let web: WebLoadContext

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
  templated = new Set(Object.keys((await t.platform.tenantBySlug('toba'))?.info.modules ?? {}))
  // A module no template enables yet (a new one) is exported too, from an empty table.
  await enableEveryModule(t, 'toba')
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  const db = await t.platform.tenantDb(tenant.record)
  web = await tenantPageContext(t.platform, tenant, db, actor, {
    locale: 'id',
    requestId: 'test',
    currentPath: '/admin',
    session: { userId: actor.id, name: actor.name!, email: 'admin@tobakab.go.id', grants, csrfToken: CSRF },
    secureCookies: false,
    clientIp: undefined,
  })
  context = web as unknown as AppLoadContext
  // Entities the Toba template leaves empty get one record, so every export has a row to write.
  for (const { module, entity } of entities) {
    if ((await entity.list(ctx(), { limit: 1 })).items.length > 0) continue
    const sample = SAMPLES[`${module.id}.${entity.id}`]
    if (sample && entity.create) await entity.create(ctx(), await sample())
  }
})

/** A record to create, for entities the Toba template has none of. */
const SAMPLES: Record<string, () => Promise<Record<string, unknown>>> = {
  'directory.counter': async () => ({
    officeId: (await entities.find((e) => e.entity.id === 'office')!.entity.get(ctx(), 'disdukcapil')).id,
    code: '1',
    name: { id: 'Loket pendaftaran' },
  }),
  // Toba's collection areas and drop points are not published yet: the template invents none.
  'waste.area': async () => ({
    name: { id: 'Balige Kota' },
    kecamatan: 'Balige',
    desa: ['Sangkar Nihuta'],
    rule: { days: ['mo', 'th'], start: '07:00', end: '10:00', onHolidays: 'next-working-day' },
  }),
  'waste.droppoint': async () => ({ name: { id: 'Bank Sampah Uji' }, kind: 'bank_sampah' }),
  // Toba's smart-city regulation number is not known from a public source: the template records none.
  'governance.regulation': async () => ({
    kind: 'perbup',
    title: { id: 'Dewan dan Tim Pelaksana Smart City' },
    validFrom: '2021-07-01',
    establishes: ['council', 'team'],
  }),
  // Team members are the tenant's accounts, which no template holds.
  'governance.team_member': async () => {
    const user = await createUser(
      ctx().db,
      { email: 'tim.ekspor@toba.localhost', name: 'Tim Ekspor', grants: [] },
      new Date(),
    )
    return { dimension: 'economy', userId: user.id, teamRole: 'member' }
  },
  // Toba's masterplan programmes and KPIs are not published: the template invents none.
  'governance.programme': async () => ({
    name: { id: 'Katalog UMKM daring' },
    dimension: 'economy',
    milestones: [{ title: { id: 'Pendataan UMKM' }, done: true }],
  }),
  'governance.kpi': async () => ({
    name: { id: 'UMKM dalam katalog daring' },
    dimension: 'economy',
    unit: 'unit',
    targets: [{ year: 2026, value: 300 }],
  }),
}
afterAll(() => t?.close())

const ctx = () => (web.site.kind === 'tenant' ? web.site.ctx : (undefined as never))

async function download(moduleId: string, entityId: string, format: 'csv' | 'xlsx'): Promise<Response> {
  const request = new Request(`http://toba.localhost/admin/ekspor/${moduleId}/${entityId}?format=${format}`)
  try {
    return await exportLoader({ request, params: { module: moduleId, entity: entityId }, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** The sheet names in an .xlsx workbook, from its workbook.xml. */
async function sheetNames(data: Buffer): Promise<string[]> {
  const limits = { maxEntries: 100, maxUncompressedBytes: 64 * 1024 * 1024 }
  const workbook = readZipDirectory(data, limits).find((e) => e.name === 'xl/workbook.xml')
  if (!workbook) throw new Error('no workbook.xml')
  let xml = ''
  for await (const piece of zipEntryText(data, workbook, limits.maxUncompressedBytes)) xml += piece
  return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1] as string)
}

/** Excel's rules for a sheet name. */
const EXCEL_SHEET_NAME = /^(?!')[^:\\/?*[\]]{1,31}(?<!')$/

describe('exporting every admin entity', () => {
  it('covers every registered module with admin entities', () => {
    expect(entities.length).toBeGreaterThan(5)
  })

  it.each(entities.map(({ module, entity }) => [`${module.id}.${entity.id}`, module.id, entity.id] as const))(
    '%s exports as CSV and XLSX',
    async (_name, moduleId, entityId) => {
      const entity = entities.find((e) => e.module.id === moduleId && e.entity.id === entityId)!.entity
      const rows = (await entity.list(ctx(), { limit: 1000 })).items.length
      if (templated.has(moduleId))
        expect(rows, 'a record to export: from the Toba template, or add one to SAMPLES').toBeGreaterThan(0)
      const columns = sheetColumns(entity)

      const csv = await download(moduleId, entityId, 'csv')
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      const csvTable = parseCsv(await csv.text())
      expect(csvTable[0]).toEqual(columns)
      expect(csvTable.length - 1).toBeGreaterThanOrEqual(Math.min(rows, 1))

      const xlsx = await download(moduleId, entityId, 'xlsx')
      expect(xlsx.status).toBe(200)
      const data = Buffer.from(await xlsx.arrayBuffer())
      expect(await parseXlsx(data)).toEqual(csvTable)
      const names = await sheetNames(data)
      expect(names).toHaveLength(1)
      expect(new Set(names).size).toBe(names.length)
      for (const name of names) {
        expect(name, pickText(entity.title, 'id')).toMatch(EXCEL_SHEET_NAME)
        expect(name.trim()).not.toBe('')
      }
    },
  )
})
