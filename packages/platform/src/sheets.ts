import ExcelJS from 'exceljs'

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

/** Reads the first sheet of an .xlsx file as text cells. */
export async function parseXlsx(data: ArrayBuffer | Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const width = sheet.getRow(1).cellCount
  const table: Table = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let i = 1; i <= Math.max(width, row.cellCount); i++) cells.push(cellText(row.getCell(i).value))
    table.push(cells)
  })
  return table.filter((r) => r.some((c) => c.trim() !== ''))
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    return ''
  }
  return String(value)
}
