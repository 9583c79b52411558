import { SHEET_LIMITS, type SheetLimits, sheetLimitError } from './sheet-limits'
import { readXlsx } from './xlsx-reader'

export { SHEET_LIMITS, type SheetLimit, type SheetLimits, sheetLimitError, sheetLimitOf } from './sheet-limits'

/** A sheet as rows of cells; the first row is the header. */
export type Table = string[][]

/**
 * Where a spreadsheet program may start a cell inside a value: at its start, and after a
 * separator of either locale (`,` or `;`) or a line break. A CSV written with `,` is split at
 * `;` and line breaks by a program set to `;`, and a quote in the middle of what it takes as a
 * cell quotes nothing, so each of these places must not start a formula. Quotes are skipped:
 * a cell opening with `""=` reads as `=`.
 */
const FORMULA_AT_CELL_START = /(?<=^|[,;\r\n])(?="*[=+\-@\t\r]|')/g
/** The `'` that {@link escapeCsvFormula} put at such a place. */
const ESCAPE_AT_CELL_START = /(?<=^|[,;\r\n])'(?="*[=+\-@\t\r]|')/g
/** Negative numbers start with `-` but run nothing: they stay numbers for whoever opens the file. */
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)*$/

/**
 * A value as written to CSV. Where a cell may start inside it (see {@link FORMULA_AT_CELL_START}),
 * something a spreadsheet program would run as a formula (`= + - @`, tab or carriage return,
 * after any quotes) gets a `'` before it, which makes it text; so that {@link parseCsv} can take
 * that `'` off again, a `'` already there gets one more. A negative number stays a number,
 * unless `keepNegativeNumber` is false: the first cell of a row, which a program set to `;`
 * reads together with the cells after it.
 */
export function escapeCsvFormula(value: string, keepNegativeNumber = true): string {
  if (keepNegativeNumber && NEGATIVE_NUMBER.test(value)) return value
  return value.replace(FORMULA_AT_CELL_START, "'")
}

/** The value {@link escapeCsvFormula} escaped: each `'` it put before a formula start or another `'` comes off. */
export function unescapeCsvFormula(value: string): string {
  return value.replace(ESCAPE_AT_CELL_START, '')
}

/** A cell as CSV: escaped, and quoted when it holds a separator of either locale, a quote, a tab or a line break. */
function csvCell(raw: string, keepNegativeNumber: boolean): string {
  const value = escapeCsvFormula(raw, keepNegativeNumber)
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

const csvRow = (row: readonly string[]) => row.map((raw, i) => csvCell(raw, i > 0 || row.length === 1)).join(',')

/**
 * RFC 4180 CSV: quotes around cells with separators, quotes, tabs or line breaks; CRLF line ends.
 * Cells that would run as formulas are escaped ({@link escapeCsvFormula}).
 */
export function toCsv(table: Table): string {
  return `${table.map(csvRow).join('\r\n')}\r\n`
}

/** The size in UTF-8 bytes of {@link toCsv}'s text, worked out a row at a time instead of building it. */
export function csvByteLength(table: Table): number {
  let bytes = 0
  for (const row of table) bytes += Buffer.byteLength(csvRow(row)) + 2
  return bytes
}

/**
 * Parses RFC 4180 CSV (also `;`-separated, as spreadsheets in Indonesian locales write it),
 * taking off the `'` that {@link toCsv} puts before formula-like values. Text longer than
 * the characters a sheet may hold is refused (a 413 problem, see {@link sheetLimitOf}).
 */
export function parseCsv(text: string, limits: Pick<SheetLimits, 'maxTextChars'> = SHEET_LIMITS): Table {
  const source = text.replace(/^\uFEFF/, '')
  if (source.length > limits.maxTextChars) throw sheetLimitError('text', limits.maxTextChars)
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
  // Loaded on the first export only: exceljs is hundreds of modules a server otherwise never needs.
  const { default: ExcelJS } = await import('exceljs')
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
