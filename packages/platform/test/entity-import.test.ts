import announcements from '@cerdas/module-announcements'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../src/audit-log'
import { applyImport, exportEntity, planImport } from '../src/entity-import'
import { csvByteLength, parseCsv, parseXlsx, toCsv, toXlsx, xlsxSheetName } from '../src/sheets'

const entity = announcements.admin?.entities[0]
if (!entity) throw new Error('announcements declares no admin entity')

let t: TestPlatform
const ctxOf = async (slug: string) => {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(slug)
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
  await t.createTenant('samosir')
})
afterAll(() => t?.close())

describe('CSV and XLSX', () => {
  it('round-trips quotes, separators and line breaks through CSV', () => {
    const table = [
      ['id', 'title.id'],
      ['', 'Jam "layanan", baru\nbaris dua'],
    ]
    expect(parseCsv(toCsv(table))).toEqual(table)
  })

  it('reads semicolon-separated CSV as spreadsheets in Indonesian locales save it', () => {
    expect(parseCsv('id;title.id\r\n;Satu, dua\r\n')).toEqual([
      ['id', 'title.id'],
      ['', 'Satu, dua'],
    ])
  })

  it('writes formula-like CSV cells as text and reads every value back unchanged', () => {
    const values = [
      '=HYPERLINK("http://contoh.test","klik")',
      '+62 812 3456',
      '-1+2',
      '-',
      '@SUM(A1)',
      '\tdi awal tab',
      '\rdi awal CR',
      "'sudah berkutip",
      "'=kutip lalu rumus",
      "''",
      '-5',
      '-2,5',
      '-50.000',
      'biasa = aman',
    ]
    const table = [['id', 'nilai'], ...values.map((v) => ['', v])]
    const csv = toCsv(table)
    const cells = csv.split('\r\n').slice(1, -1)
    expect(cells.slice(0, 5)).toEqual([
      `,"'=HYPERLINK(""http://contoh.test"",""klik"")"`,
      ",'+62 812 3456",
      ",'-1+2",
      ",'-",
      ",'@SUM(A1)",
    ])
    expect(csv).toContain(`,"'\tdi awal tab"\r\n`)
    expect(csv).toContain(`,"'\rdi awal CR"`)
    expect(csv).toContain(",''sudah berkutip\r\n")
    expect(csv).toContain(",''=kutip lalu rumus\r\n")
    // Negative numbers run nothing: they stay numbers for a spreadsheet program.
    expect(cells.slice(-4)).toEqual([',-5', ',"-2,5"', ',-50.000', ',biasa = aman'])
    expect(parseCsv(csv)).toEqual(table)
    expect(toCsv(parseCsv(csv))).toBe(csv)
  })

  it('starts no formula in a cell however a spreadsheet program splits the CSV, `,` or `;`', () => {
    const table = [
      ['id', 'title.id', 'nilai'],
      ['', 'Info;=1+2;x', 'a,=b'],
      ['', 'x;"=1+2"', 'baris\n=1+2\r\n@SUM(A1)'],
      ['', "'=kutip;'=lagi", "a;'b;''c"],
      ['', 'x;-2;+3', '=1;=2'],
      ['-5', "1+cmd|' /C calc'!A0", '-2,5'],
      ['', 'Désa "Tomok"', '-5'],
    ]
    const csv = toCsv(table)
    expect(csvByteLength(table)).toBe(Buffer.byteLength(csv))
    expect(csv).toContain(`,"Info;'=1+2;x","a,'=b"\r\n`)
    for (const separator of [',', ';']) {
      const cells = splitAs(csv, separator).flat()
      expect(cells.length).toBeGreaterThan(table.flat().length / 2)
      const formulas = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(?:[.,]\d+)*$/.test(cell))
      expect(formulas, `split at ${separator}`).toEqual([])
    }
    // The `,` locale reads the cells as written; the `'` come off again when imported.
    expect(splitAs(csv, ',')[1]).toEqual(['', "Info;'=1+2;x", "a,'=b"])
    expect(parseCsv(csv)).toEqual(table)
    expect(toCsv(parseCsv(csv))).toBe(csv)
  })

  it('names an XLSX sheet as spreadsheet programs require', async () => {
    expect(xlsxSheetName('Bidang / seksi')).toBe('Bidang - seksi')
    expect(xlsxSheetName('a:b\\c?d*e[f]g')).toBe('a-b-c-d-e-f-g')
    expect(xlsxSheetName("'Kutip'")).toBe('Kutip')
    expect(xlsxSheetName('   ')).toBe('Data')
    expect(xlsxSheetName('History')).toBe('Data')
    expect(xlsxSheetName('Jadwal pelayanan kantor kecamatan dan kelurahan')).toBe('Jadwal pelayanan kantor kecamat')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await toXlsx([['id']], 'Bidang / seksi')) as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Bidang - seksi'])
  })

  it('writes formula-like XLSX cells as text cells, never as formulas, and reads them back as they are', async () => {
    const table = [
      ['id', 'nilai'],
      ['', '=HYPERLINK("http://contoh.test","klik")'],
      ['', "'=kutip"],
    ]
    const data = await toXlsx(table, 'x')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(data as unknown as ArrayBuffer)
    const cell = workbook.worksheets[0]?.getCell('B2')
    expect(cell?.type).toBe(ExcelJS.ValueType.String)
    expect(cell?.formula).toBeUndefined()
    expect(cell?.numFmt).toBe('@')
    expect(await parseXlsx(data)).toEqual(table)
  })

  it('round-trips a sheet through XLSX as text', async () => {
    const table = [
      ['id', 'publishAt', 'note', 'synonyms', 'requirements'],
      ['ann_1', '2026-12-01T01:00:00.000Z', '007', 'KTP\ne-KTP', '[{"document.id":"KK \\"asli\\""}]'],
    ]
    expect(await parseXlsx(await toXlsx(table, 'Pengumuman'))).toEqual(table)
  })
})

describe('importing an entity from a sheet', () => {
  it('exports and re-imports losslessly: every row unchanged, nothing written', async () => {
    const ctx = await ctxOf('toba')
    const exported = await exportEntity(ctx, entity)
    expect(exported).toHaveLength(4)
    const auditBefore = (await listAudit(ctx.db, { limit: 1000 })).length
    const plan = await planImport(ctx, entity, parseCsv(toCsv(exported)))
    expect(plan.invalidRows).toBe(0)
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(await applyImport(ctx, entity, plan)).toEqual({ created: 0, updated: 0, unchanged: 3 })
    expect((await listAudit(ctx.db, { limit: 1000 })).length).toBe(auditBefore)
  })

  it("creates the rows of another tenant's export in a fresh tenant with the same values", async () => {
    const exported = await exportEntity(await ctxOf('toba'), entity)
    const withoutIds = exported.map((row, i) => (i === 0 ? row : ['', ...row.slice(1)]))
    const samosir = await ctxOf('samosir')
    const plan = await planImport(samosir, entity, await parseXlsx(await toXlsx(withoutIds, 'x')))
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'create', 'create'])
    expect(await applyImport(samosir, entity, plan)).toEqual({ created: 3, updated: 0, unchanged: 0 })
    const copied = await exportEntity(samosir, entity)
    expect(copied.map((r) => r.slice(1)).sort()).toEqual(exported.map((r) => r.slice(1)).sort())
  })

  it('reports the row and field of a bad cell and writes nothing, not even the good rows', async () => {
    const ctx = await ctxOf('toba')
    const before = await exportEntity(ctx, entity)
    const table = [
      ['id', 'title.id', 'body.id', 'category', 'publishAt'],
      ['', 'Baris baik', 'Isi', 'general', '2026-12-01 08:00'],
      ['', 'Baris buruk', 'Isi', 'gosip', '2026-12-01 08:00'],
      ['', '', 'Tanpa judul', 'general', ''],
      ['ann_tidakada', 'Ubah', 'Isi', 'general', ''],
    ]
    const plan = await planImport(ctx, entity, table)
    expect(plan.invalidRows).toBe(3)
    expect(plan.rows[0]?.errors).toEqual([])
    expect(plan.rows[0]?.input.publishAt).toBe('2026-12-01T01:00:00.000Z') // 08:00 WIB
    expect(plan.rows[1]).toMatchObject({
      line: 3,
      errors: [{ field: 'category', message: expect.stringContaining('general') }],
    })
    // The schema's issue about `title` is reported on the sheet's column, `title.id`.
    expect(plan.rows[2]?.errors.map((e) => e.field)).toEqual(['title.id'])
    expect(plan.rows[3]).toMatchObject({ line: 5, action: 'update', errors: [{ field: 'id' }] })
    await expect(applyImport(ctx, entity, plan)).rejects.toThrow(/3 row\(s\) have errors/)
    expect(await exportEntity(ctx, entity)).toEqual(before)
  })

  it('updates a changed row through the business function, audited once', async () => {
    const ctx = await ctxOf('toba')
    const [header, first] = await exportEntity(ctx, entity)
    if (!header || !first) throw new Error('empty export')
    const titleColumn = header.indexOf('title.id')
    const edited = [...first]
    edited[titleColumn] = 'Judul diubah lewat impor'
    const auditBefore = (await listAudit(ctx.db, { limit: 1000 })).length
    const plan = await planImport(ctx, entity, [header, edited])
    expect(plan.rows[0]?.action).toBe('update')
    expect(await applyImport(ctx, entity, plan)).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect((await entity.get(ctx, first[0] as string)).title.id).toBe('Judul diubah lewat impor')
    expect((await listAudit(ctx.db, { limit: 1000 })).length).toBe(auditBefore + 1)
  })

  it('writes nothing when a row is refused while writing: the rows before it are undone', async () => {
    const ctx = await ctxOf('toba')
    const [header, first] = await exportEntity(ctx, entity)
    if (!header || !first) throw new Error('empty export')
    const fresh = header.map((column, i) =>
      column === 'id' ? '' : column === 'title.id' ? 'Baris pertama impor' : (first[i] ?? ''),
    )
    const edited = [...first]
    edited[header.indexOf('title.id')] = 'Baris kedua impor'
    const plan = await planImport(ctx, entity, [header, fresh, edited])
    expect(plan.invalidRows).toBe(0)
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'update'])
    // Between the preview and the import, someone deletes the record the second row updates.
    if (!entity.remove) throw new Error('announcements can be removed')
    await entity.remove(ctx, first[0] as string)
    const before = await exportEntity(ctx, entity)
    const auditBefore = (await listAudit(ctx.db, { limit: 1000 })).length
    // The batch names the refused row by its line in the sheet (the header is line 1).
    expect(entity.writeMany).toBeTypeOf('function')
    await expect(applyImport(ctx, entity, plan)).rejects.toThrow(/^line 3: id no announcement /)
    expect(await exportEntity(ctx, entity)).toEqual(before)
    expect((await listAudit(ctx.db, { limit: 1000 })).length).toBe(auditBefore)
  })
})

/**
 * CSV as a spreadsheet program set to `separator` reads it: a quote opens a quoted cell only at
 * the cell's start, text after a closing quote joins the cell, and line breaks outside quotes end rows.
 */
function splitAs(text: string, separator: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let started = false
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && !started) {
      quoted = true
      started = true
    } else if (ch === separator) {
      row.push(cell)
      cell = ''
      started = false
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      started = false
    } else {
      cell += ch
      started = true
    }
  }
  return rows
}
