import { sharedStringBomb, xlsxBomb, zipOf } from '@cerdas/testing'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseCsv, parseXlsx, SHEET_LIMITS, sheetLimitOf, toCsv, toXlsx } from '../src/sheets'
import { readZipDirectory, zipEntryText } from '../src/zip-archive'

/**
 * Uploaded .xlsx files are zips: these are refused by what they would unpack to, before
 * anything is unpacked. The bombs come first in the file: the memory checks read the
 * process's peak resident size, which earlier work in the same process would raise.
 */

/** What reading the upload threw, as its sheet limit. */
async function refusal(data: Buffer) {
  try {
    await parseXlsx(data)
  } catch (error) {
    return sheetLimitOf(error) ?? error
  }
  return 'read without refusal'
}

/** Peak resident memory of this test process so far, in bytes. */
const peakMemory = () => process.resourceUsage().maxRSS * 1024

const BOMB_ROWS = 1_000_000
/** Bytes of one bomb row (see `xlsxBomb`): the sheet unpacks to about BOMB_ROWS times this. */
const ROW_BYTES = 110

describe('an .xlsx bomb', () => {
  it('is refused from its zip directory, without unpacking it', async () => {
    const bomb = await xlsxBomb({ rows: BOMB_ROWS })
    expect(bomb.length).toBeLessThan(SHEET_LIMITS.maxUncompressedBytes / 50)
    const before = peakMemory()
    expect(await refusal(bomb)).toEqual({ limit: 'uncompressed', max: SHEET_LIMITS.maxUncompressedBytes })
    expect(peakMemory() - before).toBeLessThan((BOMB_ROWS * ROW_BYTES) / 4)
  })

  it('whose directory lies about its size is refused as soon as it unpacks past the declared size', async () => {
    const bomb = await xlsxBomb({ rows: BOMB_ROWS, lie: true })
    const before = peakMemory()
    expect(await refusal(bomb)).toEqual({ limit: 'uncompressed', max: SHEET_LIMITS.maxUncompressedBytes })
    expect(peakMemory() - before).toBeLessThan((BOMB_ROWS * ROW_BYTES) / 4)
  })

  it('of one shared string in every cell is refused by its characters, reading a few hundred cells', async () => {
    const { maxRows, maxColumns, maxCellChars, maxTextChars } = SHEET_LIMITS
    const bomb = await sharedStringBomb({ rows: maxRows, columns: maxColumns, length: 32_000 })
    // Small to upload and well under the unpacked size, yet 32 billion characters as cells.
    expect(bomb.length).toBeLessThan(100_000)
    expect(maxRows * maxColumns * 32_000).toBeGreaterThan(1000 * maxTextChars)
    expect(maxCellChars).toBeGreaterThanOrEqual(32_000)
    const before = peakMemory()
    const heapBefore = process.memoryUsage().heapUsed
    expect(await refusal(bomb)).toEqual({ limit: 'text', max: maxTextChars })
    expect(peakMemory() - before).toBeLessThan(256 * 1024 * 1024)
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024)
  })

  it('of ranges (a merged cell and a name over every cell of the sheet) reads only the cells', async () => {
    const sheet = await toXlsx(
      [
        ['id', 'title.id'],
        ['', 'Satu'],
      ],
      'x',
    )
    const ranges = await rewriteSheet(sheet, (xml) =>
      xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'),
    )
    expect(await parseXlsx(ranges)).toEqual([
      ['id', 'title.id'],
      ['', 'Satu'],
    ])
  })

  it('of too many files is refused', async () => {
    const files = Array.from({ length: SHEET_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: '<a/>' }))
    expect(await refusal(await zipOf(files))).toEqual({ limit: 'entries', max: SHEET_LIMITS.maxEntries })
  })
})

describe('sheet limits', () => {
  const header = ['id', 'title.id']

  it('reads a large but sane sheet: the most rows allowed, 20 columns of distinct text', async () => {
    const wide = Array.from({ length: 20 }, (_, i) => `kolom${i}`)
    const table = [wide]
    for (let r = 0; r < SHEET_LIMITS.maxRows; r++) table.push(wide.map((c) => `nilai ${r} ${c}`))
    expect(await parseXlsx(await toXlsx(table, 'Besar'))).toEqual(table)
  })

  it('refuses a row past the most allowed', async () => {
    const table = [header, ...Array.from({ length: SHEET_LIMITS.maxRows + 1 }, (_, r) => ['', `Baris ${r}`])]
    expect(await refusal(await toXlsx(table, 'x'))).toEqual({ limit: 'rows', max: SHEET_LIMITS.maxRows })
  })

  it('refuses a value in a column past the most allowed', async () => {
    const row = Array.from({ length: SHEET_LIMITS.maxColumns + 1 }, (_, i) => `k${i}`)
    expect(await refusal(await toXlsx([row], 'x'))).toEqual({ limit: 'columns', max: SHEET_LIMITS.maxColumns })
  })

  it('reads the most characters allowed, shared strings counted at every use, and refuses one more', async () => {
    // A header `k0 k1` (4 characters) and 3 rows × 2 cells of one 100-character string: 604.
    const sheet = await sharedStringBomb({ rows: 3, columns: 2, length: 100 })
    const text = 'A'.repeat(100)
    expect(await parseXlsx(sheet, { ...SHEET_LIMITS, maxTextChars: 604 })).toEqual([
      ['k0', 'k1'],
      [text, text],
      [text, text],
      [text, text],
    ])
    await expect(parseXlsx(sheet, { ...SHEET_LIMITS, maxTextChars: 603 })).rejects.toMatchObject({
      problem: { status: 413, limit: 'text', max: 603 },
    })
  })

  it('holds CSV to the same characters of text', () => {
    const csv = toCsv([header, ['', 'a'.repeat(100)]])
    expect(parseCsv(csv, { ...SHEET_LIMITS, maxTextChars: csv.length })).toEqual([header, ['', 'a'.repeat(100)]])
    expect(() => parseCsv(csv, { ...SHEET_LIMITS, maxTextChars: csv.length - 1 })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 413, limit: 'text' }) }),
    )
    expect(SHEET_LIMITS.maxTextChars).toBe(16 * 1024 * 1024)
  })

  it('keeps a cell of the longest length allowed and refuses a longer one', async () => {
    const longest = 'a'.repeat(SHEET_LIMITS.maxCellChars)
    expect(await parseXlsx(await toXlsx([header, ['', longest]], 'x'))).toEqual([header, ['', longest]])
    expect(await refusal(await toXlsx([header, ['', `${longest}a`]], 'x'))).toEqual({
      limit: 'cellLength',
      max: SHEET_LIMITS.maxCellChars,
    })
  })
})

describe('reading cells as a spreadsheet library does', () => {
  it('reads numbers, dates, booleans, formulas, rich text and prefixed XML like exceljs', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Data')
    sheet.addRow(['teks', 'angka', 'tanggal', 'ya', 'rumus', 'kaya'])
    sheet.addRow([
      'Jam "layanan" & <baru>',
      -2.5,
      new Date('2026-12-01T01:00:00.000Z'),
      true,
      { formula: 'A2&"!"', result: 'Jam!' },
      { richText: [{ text: 'Tebal', font: { bold: true } }, { text: ' biasa' }] },
    ])
    sheet.addRow([' spasi ', 7, null, false, { formula: '1+1', result: 2 }, { error: '#N/A' }])
    const data = Buffer.from(await workbook.xlsx.writeBuffer())
    const expected = [
      ['teks', 'angka', 'tanggal', 'ya', 'rumus', 'kaya'],
      ['Jam "layanan" & <baru>', '-2.5', '2026-12-01T01:00:00.000Z', 'true', 'Jam!', 'Tebal biasa'],
      [' spasi ', '7', '', 'false', '2', ''],
    ]
    expect(await parseXlsx(data)).toEqual(expected)
    // The same workbook with every element namespace-prefixed, as some libraries write it.
    const prefixed = await rewriteSheet(data, (xml) =>
      xml
        .replace(/<(\/?)(?!\?)([a-zA-Z]+)([\s>/])/g, '<$1x:$2$3')
        .replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '),
    )
    expect(await parseXlsx(prefixed)).toEqual(expected)
  })
})

/** The same .xlsx with its first sheet's XML rewritten. */
async function rewriteSheet(data: Buffer, rewrite: (xml: string) => string): Promise<Buffer> {
  const files = []
  for (const entry of readZipDirectory(data, SHEET_LIMITS)) {
    let text = ''
    for await (const piece of zipEntryText(data, entry, SHEET_LIMITS.maxUncompressedBytes)) text += piece
    files.push({ name: entry.name, data: entry.name === 'xl/worksheets/sheet1.xml' ? rewrite(text) : text })
  }
  return zipOf(files)
}
