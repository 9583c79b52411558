import { type AdminEntity, type AdminRow, listValue, readListValue, type TenantContext } from '@cerdas/core'
import { modules } from '@cerdas/registry'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../src/audit-log'
import { applyImport, exportEntity, planImport } from '../src/entity-import'
import { parseCsv, parseXlsx, type Table, toCsv, toXlsx } from '../src/sheets'

/**
 * Sheets of records with lists (services: requirements, procedure, places, synonyms, audience,
 * related services; offices: references and decimal coordinates) exported and imported back on
 * a real Toba database: lists read as they are exported, unchanged rows write nothing, one edited
 * cell changes exactly that record, and a broken cell stops the whole import.
 */

const entityOf = (moduleId: string, entityId: string): AdminEntity => {
  const entity = modules.find((m) => m.id === moduleId)?.admin?.entities.find((e) => e.id === entityId)
  if (!entity) throw new Error(`${moduleId}.${entityId} has no admin entity`)
  return entity
}
const serviceAdmin = entityOf('services', 'service')
const officeAdmin = entityOf('directory', 'office')

let t: TestPlatform
let ctx: TenantContext

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), {
    actor: { kind: 'system', id: 'test' },
  })
})
afterAll(() => t?.close())

const auditCount = async (entityId?: string) =>
  (await listAudit(ctx.db, { limit: 1000, ...(entityId ? { entityId } : {}) })).length

const viaCsv = async (table: Table) => parseCsv(toCsv(table))
const viaXlsx = async (table: Table) => parseXlsx(await toXlsx(table, 'Data'))

/** The sheet's row of a record and the column of a field. */
function cellAt(table: Table, id: string, column: string): { row: number; col: number } {
  const row = table.findIndex((r) => r[0] === id)
  const col = table[0]?.indexOf(column) ?? -1
  if (row < 1 || col < 0) throw new Error(`no cell ${id}/${column}`)
  return { row, col }
}

function withCell(table: Table, id: string, column: string, value: string): Table {
  const { row, col } = cellAt(table, id, column)
  return table.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : [...r]))
}

describe.each([
  ['CSV', viaCsv],
  ['XLSX', viaXlsx],
])('re-importing an export (%s)', (_format, through) => {
  it.each([
    ['services', serviceAdmin],
    ['offices', officeAdmin],
  ])('reports every row of %s unchanged and writes nothing', async (_name, entity) => {
    const exported = await exportEntity(ctx, entity)
    expect(exported.length).toBeGreaterThan(5)
    const auditBefore = await auditCount()
    const plan = await planImport(ctx, entity, await through(exported))
    expect(plan.rows.flatMap((r) => r.errors)).toEqual([])
    expect(plan.invalidRows).toBe(0)
    expect(plan.unknownColumns).toEqual([])
    expect(new Set(plan.rows.map((r) => r.action))).toEqual(new Set(['unchanged']))
    expect(plan.rows).toHaveLength(exported.length - 1)
    expect(await applyImport(ctx, entity, plan)).toEqual({ created: 0, updated: 0, unchanged: exported.length - 1 })
    expect(await auditCount()).toBe(auditBefore)
    expect(await exportEntity(ctx, entity)).toEqual(exported)
  })
})

describe('lists in a services sheet', () => {
  it('reads the list cells as the form would build them', async () => {
    const exported = await exportEntity(ctx, serviceAdmin)
    const ktp = await serviceAdmin.get(ctx, 'ktp-el-baru')
    const plan = await planImport(ctx, serviceAdmin, exported)
    const row = plan.rows.find((r) => r.id === ktp.id)
    expect(row?.input).toMatchObject({
      synonyms: ktp.synonyms,
      audience: ktp.audience,
      legalBasis: ktp.legalBasis,
      requirements: ktp.requirements,
      procedure: ktp.procedure,
      locations: ktp.locations.map((l: { officeId: string }) => ({ officeId: l.officeId })),
      officeId: ktp.officeId,
    })
  })

  it('still sees a row as unchanged when a spreadsheet rewrites its cells', async () => {
    const exported = await exportEntity(ctx, serviceAdmin)
    const ktp = await serviceAdmin.get(ctx, 'ktp-el-baru')
    const { row, col } = cellAt(exported, ktp.id, 'requirements')
    const rows = readListValue(exported[row]?.[col])
    // Lines with CRLF and blank lines, JSON re-indented with the empty values left out, `ya` for true.
    let sheet = withCell(exported, ktp.id, 'synonyms', `${ktp.synonyms.join('\r\n')}\r\n\r\n`)
    sheet = withCell(
      sheet,
      ktp.id,
      'requirements',
      JSON.stringify(
        rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null))),
        null,
        2,
      ),
    )
    sheet = withCell(sheet, ktp.id, 'fee.free', 'ya')
    const plan = await planImport(ctx, serviceAdmin, await viaCsv(sheet))
    expect(plan.rows.find((r) => r.id === ktp.id)).toMatchObject({ action: 'unchanged', errors: [] })
  })

  it('adds a requirement from one edited cell: exactly that service changes, audited once', async () => {
    const exported = await exportEntity(ctx, serviceAdmin)
    const ktp = await serviceAdmin.get(ctx, 'ktp-el-baru')
    const { row, col } = cellAt(exported, ktp.id, 'requirements')
    const requirements: AdminRow[] = [
      ...readListValue(exported[row]?.[col]),
      {
        'document.id': 'Surat pengantar desa',
        'document.en': 'Village cover letter',
        'note.id': null,
        'note.en': null,
        'condition.id': 'bagi pendatang',
        'condition.en': null,
      },
    ]
    const sheet = withCell(exported, ktp.id, 'requirements', listValue(requirements))
    const plan = await planImport(ctx, serviceAdmin, await viaXlsx(sheet))
    expect(plan.invalidRows).toBe(0)
    expect(plan.rows.filter((r) => r.action !== 'unchanged').map((r) => [r.line, r.action, r.id])).toEqual([
      [row + 1, 'update', ktp.id],
    ])
    const auditBefore = await auditCount()
    const ktpAuditBefore = await auditCount(ktp.id)
    expect(await applyImport(ctx, serviceAdmin, plan)).toEqual({
      created: 0,
      updated: 1,
      unchanged: exported.length - 2,
    })
    expect(await auditCount()).toBe(auditBefore + 1)
    expect(await auditCount(ktp.id)).toBe(ktpAuditBefore + 1)
    const saved = await serviceAdmin.get(ctx, ktp.id)
    expect(saved.requirements).toEqual([
      ...ktp.requirements,
      {
        document: { id: 'Surat pengantar desa', en: 'Village cover letter' },
        condition: { id: 'bagi pendatang' },
      },
    ])
    // Every other cell of the sheet is as it was, on this service and the others.
    expect(await exportEntity(ctx, serviceAdmin)).toEqual(sheet)
  })

  it('reads a fee written the Indonesian way and clears an emptied list', async () => {
    const exported = await exportEntity(ctx, serviceAdmin)
    const ktp = await serviceAdmin.get(ctx, 'ktp-el-baru')
    let sheet = withCell(exported, ktp.id, 'fee.free', 'tidak')
    sheet = withCell(sheet, ktp.id, 'fee.amount', 'Rp 50.000')
    sheet = withCell(sheet, ktp.id, 'related', '')
    sheet = withCell(sheet, ktp.id, 'synonyms', `${ktp.synonyms.join('\n')}\nrekam e-KTP`)
    const plan = await planImport(ctx, serviceAdmin, await viaCsv(sheet))
    expect(plan.rows.flatMap((r) => r.errors)).toEqual([])
    expect(plan.rows.filter((r) => r.action === 'update').map((r) => r.id)).toEqual([ktp.id])
    await applyImport(ctx, serviceAdmin, plan)
    const saved = await serviceAdmin.get(ctx, ktp.id)
    expect(saved.fee).toMatchObject({ free: false, amount: 50_000 })
    expect(saved.related).toEqual([])
    expect(saved.synonyms).toEqual([...ktp.synonyms, 'rekam e-KTP'])
    expect(saved.requirements).toEqual(ktp.requirements)
    // Read back, the new export is unchanged against itself.
    const again = await planImport(ctx, serviceAdmin, await exportEntity(ctx, serviceAdmin))
    expect(new Set(again.rows.map((r) => r.action))).toEqual(new Set(['unchanged']))
  })

  it('stops at a broken list cell: the row and field are named and nothing is written', async () => {
    const exported = await exportEntity(ctx, serviceAdmin)
    const [first, second] = exported.slice(1).map((r) => r[0] as string)
    if (!first || !second) throw new Error('too few services')
    const { row } = cellAt(exported, second, 'requirements')
    // A good edit on one row and a broken JSON cell on another: neither is written.
    let sheet = withCell(exported, first, 'name.id', 'Nama yang tidak boleh tersimpan')
    sheet = withCell(sheet, second, 'requirements', '[{"document.id": "KTP asli"')
    const auditBefore = await auditCount()
    const plan = await planImport(ctx, serviceAdmin, await viaCsv(sheet))
    expect(plan.invalidRows).toBe(1)
    expect(plan.rows.find((r) => r.errors.length > 0)).toMatchObject({
      line: row + 1,
      id: second,
      errors: [{ field: 'requirements', message: expect.stringContaining('JSON') }],
    })
    await expect(applyImport(ctx, serviceAdmin, plan)).rejects.toThrow(/1 row\(s\) have errors/)
    expect(await auditCount()).toBe(auditBefore)
    expect(await exportEntity(ctx, serviceAdmin)).toEqual(exported)
  })

  it('names the list row of a mistake inside a list cell', async () => {
    const exported = await exportEntity(ctx, serviceAdmin)
    const id = exported[1]?.[0] as string
    const bad = (requirements: string, column = 'requirements') =>
      planImport(ctx, serviceAdmin, withCell(exported, id, column, requirements)).then(
        (plan) => plan.rows.find((r) => r.id === id)?.errors,
      )
    await expect(bad('{"document.id": "KTP"}')).resolves.toEqual([
      { field: 'requirements', message: expect.stringContaining('not a list of rows in JSON') },
    ])
    await expect(bad('[{"document.id": "KTP"}, {"note.id": "tanpa dokumen"}]')).resolves.toEqual([
      { field: 'requirements', message: 'item 2 (document.id): required' },
    ])
    await expect(bad('[{"document": "KTP"}]')).resolves.toEqual([
      { field: 'requirements', message: expect.stringMatching(/^item 1: unknown "document" \(use document\.id, /) },
    ])
    await expect(bad(`[{"document.id": "KTP"}, {"document.id": "${'x'.repeat(600)}"}]`)).resolves.toEqual([
      { field: 'requirements', message: expect.stringMatching(/^item 2 \(document\.id\): Too big/) },
    ])
    await expect(bad('residents\nmartians', 'audience')).resolves.toEqual([
      { field: 'audience', message: expect.stringMatching(/^must be one of residents, /) },
    ])
    await expect(bad('1.5', 'processingTime.value')).resolves.toEqual([
      { field: 'processingTime.value', message: 'not a whole number' },
    ])
  })
})

describe('an offices sheet', () => {
  it('changes only the edited office: a decimal comma, a parent office, audited once', async () => {
    const exported = await exportEntity(ctx, officeAdmin)
    const dispar = await officeAdmin.get(ctx, 'dispar')
    const bupati = await officeAdmin.get(ctx, 'disdukcapil')
    let sheet = withCell(exported, dispar.id, 'coordinates.lat', '2,3333')
    sheet = withCell(sheet, dispar.id, 'coordinates.lon', '99,0667')
    sheet = withCell(sheet, dispar.id, 'parentId', bupati.id)
    const plan = await planImport(ctx, officeAdmin, await viaXlsx(sheet))
    expect(plan.rows.flatMap((r) => r.errors)).toEqual([])
    expect(plan.rows.filter((r) => r.action !== 'unchanged').map((r) => r.id)).toEqual([dispar.id])
    const auditBefore = await auditCount()
    expect(await applyImport(ctx, officeAdmin, plan)).toMatchObject({ updated: 1, created: 0 })
    expect(await auditCount()).toBe(auditBefore + 1)
    const saved = await officeAdmin.get(ctx, dispar.id)
    expect(saved.coordinates).toEqual({ lat: 2.3333, lon: 99.0667 })
    expect(saved.parentId).toBe(bupati.id)
    expect(saved.name).toEqual(dispar.name)
    const again = await exportEntity(ctx, officeAdmin)
    expect(again.filter((r) => r[0] !== dispar.id)).toEqual(exported.filter((r) => r[0] !== dispar.id))
  })

  it('keeps a negative coordinate a number and a formula-like name text through a CSV round trip', async () => {
    const dispar = await officeAdmin.get(ctx, 'dispar')
    await officeAdmin.update!(ctx, dispar.id, {
      coordinates: { lat: -2.3333, lon: 99.0667 },
      name: { ...dispar.name, en: '=HYPERLINK("http://contoh.test","Tourism")' },
    })
    const exported = await exportEntity(ctx, officeAdmin)
    const csv = toCsv(exported)
    expect(csv).toContain(`"'=HYPERLINK(""http://contoh.test"",""Tourism"")"`)
    expect(csv).toContain(',-2.3333,')
    const back = parseCsv(csv)
    expect(back).toEqual(exported)
    const plan = await planImport(ctx, officeAdmin, back)
    expect(plan.rows.every((r) => r.action === 'unchanged')).toBe(true)
    // Edited, the cell still reads as a number, not as text.
    const edited = await planImport(
      ctx,
      officeAdmin,
      parseCsv(toCsv(withCell(exported, dispar.id, 'coordinates.lat', '-2,5'))),
    )
    expect(edited.rows.find((r) => r.id === dispar.id)).toMatchObject({
      action: 'update',
      errors: [],
      input: { coordinates: { lat: -2.5, lon: 99.0667 } },
    })
  })

  it('refuses a coordinate that is not a number, writing nothing', async () => {
    const exported = await exportEntity(ctx, officeAdmin)
    const id = exported[1]?.[0] as string
    const plan = await planImport(ctx, officeAdmin, withCell(exported, id, 'coordinates.lat', 'utara'))
    expect(plan.rows.find((r) => r.id === id)?.errors).toEqual([{ field: 'coordinates.lat', message: 'not a number' }])
    await expect(applyImport(ctx, officeAdmin, plan)).rejects.toThrow()
    expect(await exportEntity(ctx, officeAdmin)).toEqual(exported)
  })
})
