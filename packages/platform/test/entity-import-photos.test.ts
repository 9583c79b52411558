import { type AdminEntity, newId, type TenantContext } from '@cerdas/core'
import { modules } from '@cerdas/registry'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyImport, exportEntity, planImport } from '../src/entity-import'
import { parseCsv, parseXlsx, type Table, toCsv, toXlsx } from '../src/sheets'

/**
 * A photos cell (the JSON list the export writes) imports back: a photo named in a sheet lands
 * on the record with its alt text, credit and licence, an export of it re-imports unchanged and
 * into new records, and a cell that is not such a list is an error on its row and column.
 */

const attractionAdmin = (() => {
  const entity = modules.find((m) => m.id === 'tourism')?.admin?.entities.find((e) => e.id === 'attraction')
  if (!entity) throw new Error('tourism.attraction has no admin entity')
  return entity as AdminEntity
})()

let t: TestPlatform
let ctx: TenantContext
let photoId: string

const viaCsv = async (table: Table) => parseCsv(toCsv(table))
const viaXlsx = async (table: Table) => parseXlsx(await toXlsx(table, 'Data'))

/** The sheet with one cell of the first record's row replaced. */
function withFirstCell(table: Table, column: string, value: string): Table {
  const col = table[0]?.indexOf(column) ?? -1
  if (col < 0) throw new Error(`no column ${column}`)
  return table.map((r, i) => (i === 1 ? r.map((c, j) => (j === col ? value : c)) : [...r]))
}

/** The sheet's first record only, with the header. */
const firstRow = (table: Table): Table => table.slice(0, 2)

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
  // A photo row as an upload leaves it: the sheet names it by id (its files are not needed here).
  photoId = newId('pho')
  await ctx.db.$client.execute({
    sql: `INSERT INTO cerdas_photos (id, sha256, width, height, bytes, source_format, uploaded_by, created_at)
          VALUES (?, ?, 1600, 1067, 1000, 'jpeg', 'test', '2026-01-01T00:00:00Z')`,
    args: [photoId, photoId],
  })
})
afterAll(() => t?.close())

describe.each([
  ['CSV', viaCsv],
  ['XLSX', viaXlsx],
])('a photos cell (%s)', (_format, through) => {
  it('adds a photo named in the sheet, and its export re-imports unchanged and into new records', async () => {
    const exported = firstRow(await exportEntity(ctx, attractionAdmin))
    const id = exported[1]?.[0] as string
    const cell = JSON.stringify([
      { id: photoId, alt: { id: 'Tugu di tepi danau', en: 'Monument by the lake' }, credit: 'Dinas Pariwisata' },
    ])
    const plan = await planImport(ctx, attractionAdmin, await through(withFirstCell(exported, 'photos', cell)))
    expect(plan.rows.flatMap((r) => r.errors)).toEqual([])
    expect(plan.rows[0]).toMatchObject({ action: 'update', id })
    await applyImport(ctx, attractionAdmin, plan)
    const photos = [
      {
        id: photoId,
        alt: { id: 'Tugu di tepi danau', en: 'Monument by the lake' },
        credit: 'Dinas Pariwisata',
        licence: null,
        width: 1600,
        height: 1067,
      },
    ]
    expect((await attractionAdmin.get(ctx, id)).photos).toEqual(photos)

    // The export holds the photo as JSON; read back, the row is unchanged.
    const again = firstRow(await exportEntity(ctx, attractionAdmin))
    expect(JSON.parse(again[1]?.[again[0]?.indexOf('photos') ?? -1] ?? '')).toEqual(photos)
    const unchanged = await planImport(ctx, attractionAdmin, await through(again))
    expect(unchanged.rows.map((r) => [r.action, r.errors])).toEqual([['unchanged', []]])

    // Without ids (another sheet's records), the rows create records with the same photos.
    const asNew = again.map((r, i) => (i === 0 ? [...r] : ['', ...r.slice(1)]))
    const col = (name: string) => asNew[0]?.indexOf(name) ?? -1
    const slugCol = col('slug')
    if (slugCol >= 0) (asNew[1] as string[])[slugCol] = ''
    const created = await planImport(ctx, attractionAdmin, await through(asNew))
    expect(created.rows.flatMap((r) => r.errors)).toEqual([])
    expect(await applyImport(ctx, attractionAdmin, created)).toMatchObject({ created: 1 })
    const copies = await exportEntity(ctx, attractionAdmin)
    const withPhoto = copies.slice(1).filter((r) => r[col('photos')]?.includes(photoId))
    expect(withPhoto.length).toBeGreaterThanOrEqual(2)

    // `[]` takes the photos off again.
    const emptied = await planImport(ctx, attractionAdmin, await through(withFirstCell(again, 'photos', '[]')))
    expect(emptied.rows[0]).toMatchObject({ action: 'update', errors: [] })
    await applyImport(ctx, attractionAdmin, emptied)
    expect((await attractionAdmin.get(ctx, id)).photos).toEqual([])
  })

  it.each([
    ['text that is not JSON', 'foto1.jpg', /^not a list of photos in JSON/],
    ['JSON that is not a list', '{"id": "pho_x"}', /^not a list of photos in JSON/],
    ['a list of something else', '["pho_x"]', /^photo 1: not an object/],
    ['a photo without alt text', '[{"id": "pho_x"}]', /^photo 1 \(alt/],
  ])('refuses %s on its row and column, writing nothing', async (_case, cell, message) => {
    const exported = firstRow(await exportEntity(ctx, attractionAdmin))
    const plan = await planImport(ctx, attractionAdmin, await through(withFirstCell(exported, 'photos', cell)))
    expect(plan.invalidRows).toBe(1)
    expect(plan.rows[0]?.errors).toEqual([{ field: 'photos', message: expect.stringMatching(message) }])
    await expect(applyImport(ctx, attractionAdmin, plan)).rejects.toThrow(/have errors/)
  })
})

it('refuses a photo id the tenant does not have when writing, naming the line', async () => {
  const exported = firstRow(await exportEntity(ctx, attractionAdmin))
  const cell = JSON.stringify([{ id: 'pho_unknown', alt: { id: 'Tidak ada' } }])
  const plan = await planImport(ctx, attractionAdmin, withFirstCell(exported, 'photos', cell))
  expect(plan.invalidRows).toBe(0)
  await expect(applyImport(ctx, attractionAdmin, plan)).rejects.toThrow(/photos/)
})
