import ExcelJS from 'exceljs'
import type { SheetLimits } from './sheet-limits'
import { readXlsx } from './xlsx-reader'

export { SHEET_LIMITS, type SheetLimit, type SheetLimits, sheetLimitError, sheetLimitOf } from './sheet-limits'

/** A sheet as rows of cells; the first row is the header. */
export type Table = string[][]

/** RFC 4180 CSV: quotes around cells with commas, quotes or line breaks; CRLF line ends. */
export function toCsv(table: Table): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
  return `${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}

/** Parses RFC 4180 CSV (also `;`-separated, as spreadsheets in Indonesian locales write it). */
export function parseCsv(text: string): Table {
  const source = text.replace(/^\uFEFF/, '')
  const firstLine = source.slice(0, source.search(/\r?\n|$/))
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const rows: Table = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === separator) {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

/**
 * An .xlsx workbook with one sheet; every cell is text so nothing is reinterpreted (dates, leading
 * zeros). Cells of several lines (lists: one item per line) wrap, so each item shows on its own line.
 */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31))
  for (const row of table)
    sheet.addRow(row).eachCell((c) => {
      c.numFmt = '@'
      if (typeof c.value === 'string' && c.value.includes('\n')) c.alignment = { wrapText: true, vertical: 'top' }
    })
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * Reads the first sheet of an uploaded .xlsx file as text cells, refusing (a 413 problem, see
 * {@link sheetLimitOf}) a file past {@link SHEET_LIMITS} before it can unpack any further.
 */
export function parseXlsx(data: ArrayBuffer | Buffer, limits?: SheetLimits): Promise<Table> {
  return readXlsx(Buffer.isBuffer(data) ? data : Buffer.from(data), limits)
}
