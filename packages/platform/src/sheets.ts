import ExcelJS from 'exceljs'
import type { SheetLimits } from './sheet-limits'
import { readXlsx } from './xlsx-reader'

export { SHEET_LIMITS, type SheetLimit, type SheetLimits, sheetLimitError, sheetLimitOf } from './sheet-limits'

/** A sheet as rows of cells; the first row is the header. */
export type Table = string[][]

/** A cell a spreadsheet program would run as a formula when it opens the CSV file. */
const FORMULA_START = /^[=+\-@\t\r]/
/** Negative numbers start with `-` but run nothing: they stay numbers for whoever opens the file. */
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)*$/

/**
 * A cell as written to CSV. A value a spreadsheet program would run as a formula (starting with
 * `= + - @`, tab or carriage return) gets a leading `'`, which makes it text; so that
 * {@link parseCsv} can take that `'` off again, a value that already starts with `'` gets one more.
 */
export function escapeCsvFormula(value: string): string {
  return (FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value)) || value.startsWith("'") ? `'${value}` : value
}

/** The value {@link escapeCsvFormula} escaped: a `'` before a formula start or another `'` comes off. */
export function unescapeCsvFormula(value: string): string {
  return /^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value
}

/**
 * RFC 4180 CSV: quotes around cells with commas, quotes or line breaks; CRLF line ends.
 * Cells that would run as formulas are escaped ({@link escapeCsvFormula}).
 */
export function toCsv(table: Table): string {
  const cell = (raw: string) => {
    const value = escapeCsvFormula(raw)
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
  }
  return `${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}

/**
 * Parses RFC 4180 CSV (also `;`-separated, as spreadsheets in Indonesian locales write it),
 * taking off the `'` that {@link toCsv} puts before formula-like values.
 */
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
  return rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map(unescapeCsvFormula))
}

/**
 * A title as a sheet name spreadsheet programs accept: at most 31 characters, none of
 * `: \ / ? * [ ]` (each becomes `-`), not starting or ending with `'`, not blank, and not
 * `History`, which Excel reserves. ("Bidang / seksi" becomes "Bidang - seksi".)
 */
export function xlsxSheetName(title: string): string {
  const name = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[:\\/?*[\]]/g, '-')
    .replace(/^['\s]+|['\s]+$/g, '')
    .slice(0, 31)
    // Cut at 31, the name may end in half a character, a space or a `'`.
    .replace(/[\ud800-\udbff]$/, '')
    .replace(/['\s]+$/, '')
  return name === '' || name.toLowerCase() === 'history' ? 'Data' : name
}

/**
 * An .xlsx workbook with one sheet; every cell is text so nothing is reinterpreted (dates, leading
 * zeros). Cells of several lines (lists: one item per line) wrap, so each item shows on its own line.
 */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(xlsxSheetName(sheetName))
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
