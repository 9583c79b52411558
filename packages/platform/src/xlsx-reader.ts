import { posix } from 'node:path'
import { SHEET_LIMITS, type SheetLimits, sheetLimitError } from './sheet-limits'
import type { Table } from './sheets'
import { scanXml } from './xml-scan'
import { readZipDirectory, type ZipEntry, zipEntryText } from './zip-archive'

/**
 * Reads the first sheet of an .xlsx file as text cells, under {@link SHEET_LIMITS}.
 *
 * Only what an import needs is read: the workbook (which sheet is first), the styles (which
 * cells are dates), the shared strings and the first sheet's cells. Merged cells, validations,
 * defined names and the like are never looked at: a general-purpose reader expands their
 * ranges cell by cell, which a tiny file can make billions. Every file is unpacked as a stream
 * and refused as soon as it unpacks past its declared size, or the sheet past its rows, columns,
 * cell length or characters of all cells together (shared strings counted at every use).
 *
 * Cells read as a spreadsheet library would show them: numbers as written (`1.5`), booleans as
 * `true`/`false`, date-formatted numbers as ISO instants, formulas as their last result,
 * error values as empty. Empty rows are skipped; every row has at least the header's width.
 */
export async function readXlsx(data: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<Table> {
  const entries = new Map(readZipDirectory(data, limits).map((entry) => [entry.name, entry]))
  const text = (entry: ZipEntry) => zipEntryText(data, entry, limits.maxUncompressedBytes)

  const book = await readWorkbook(entries, text)
  const styles = entries.get('xl/styles.xml')
  const dateStyles = styles ? await readDateStyles(text(styles)) : []
  const strings = book.sharedStrings ? await readSharedStrings(text(book.sharedStrings), limits) : []
  if (!book.sheet) return []
  return readSheet(text(book.sheet), { strings, dateStyles, date1904: book.date1904, limits })
}

type Pieces = AsyncIterable<string>

interface Workbook {
  sheet?: ZipEntry
  sharedStrings?: ZipEntry
  date1904: boolean
}

/** The first sheet of the workbook and the shared strings, through the workbook's relationships. */
async function readWorkbook(entries: Map<string, ZipEntry>, text: (entry: ZipEntry) => Pieces): Promise<Workbook> {
  let firstSheetId: string | undefined
  let date1904 = false
  const workbook = entries.get('xl/workbook.xml')
  if (workbook)
    await scanXml(text(workbook), {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '')
        if (name !== 'sheet') return
        firstSheetId = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1]
        return 'stop'
      },
    })
  const targets = new Map<string, string>()
  let sharedStringsTarget: string | undefined
  const rels = entries.get('xl/_rels/workbook.xml.rels')
  if (rels)
    await scanXml(text(rels), {
      open(name, attributes) {
        if (name !== 'Relationship' || !attributes.Target) return undefined
        const target = attributes.Target.startsWith('/')
          ? attributes.Target.slice(1)
          : posix.normalize(`xl/${attributes.Target}`)
        if (attributes.Id) targets.set(attributes.Id, target)
        if (attributes.Type?.endsWith('/sharedStrings')) sharedStringsTarget = target
        return undefined
      },
    })
  const sheetPath = (firstSheetId && targets.get(firstSheetId)) || 'xl/worksheets/sheet1.xml'
  return {
    sheet: entries.get(sheetPath),
    sharedStrings: entries.get(sharedStringsTarget ?? 'xl/sharedStrings.xml'),
    date1904,
  }
}

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

/** A custom number format shows a date or time: day, month, year, hour or second codes outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))

/** For each cell style (by index), whether it shows numbers as dates. */
async function readDateStyles(pieces: Pieces): Promise<boolean[]> {
  const customDates = new Set<number>()
  const styles: boolean[] = []
  let inCellFormats = false
  await scanXml(pieces, {
    open(name, attributes) {
      if (name === 'numFmt' && isDateFormat(attributes.formatCode ?? '')) customDates.add(Number(attributes.numFmtId))
      else if (name === 'cellXfs') inCellFormats = true
      else if (name === 'xf' && inCellFormats) {
        const id = Number(attributes.numFmtId ?? 0)
        styles.push(DATE_FORMAT_IDS.has(id) || customDates.has(id))
      }
      return undefined
    },
    close: (name) => (name === 'cellXfs' ? 'stop' : undefined),
  })
  return styles
}

/** A cell's text as it accumulates, refused past the longest a cell may be. */
function textCollector(limits: SheetLimits) {
  let parts: string[] = []
  let length = 0
  return {
    add(text: string) {
      length += text.length
      if (length > limits.maxCellChars) throw sheetLimitError('cellLength', limits.maxCellChars)
      parts.push(text)
    },
    take() {
      const text = parts.join('')
      parts = []
      length = 0
      return text
    },
  }
}

/**
 * The shared strings: each `<si>`'s text runs joined, phonetic guides left out. No sheet within
 * the limits can use more than rows × columns of them.
 */
async function readSharedStrings(pieces: Pieces, limits: SheetLimits): Promise<string[]> {
  const strings: string[] = []
  const most = (limits.maxRows + 1) * limits.maxColumns
  const collected = textCollector(limits)
  let characters = 0
  let inText = false
  let inPhonetic = false
  await scanXml(pieces, {
    open(name, _attributes, empty) {
      if (name === 'rPh') inPhonetic = !empty
      else if (name === 't') inText = !empty && !inPhonetic
      return undefined
    },
    close(name) {
      if (name === 't') inText = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'si') {
        const text = collected.take()
        characters += text.length
        if (characters > limits.maxTextChars) throw sheetLimitError('text', limits.maxTextChars)
        strings.push(text)
        if (strings.length > most) throw sheetLimitError('rows', limits.maxRows)
      }
      return undefined
    },
    text(text) {
      if (inText) collected.add(text)
    },
  })
  return strings
}

/** `AB12` → column 28 (1-based), or undefined when the reference has no column. */
function columnOf(reference: string | undefined): number | undefined {
  const letters = /^[A-Z]+/.exec(reference ?? '')?.[0]
  if (!letters) return undefined
  let column = 0
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64)
  return column
}

interface SheetContext {
  strings: string[]
  dateStyles: boolean[]
  date1904: boolean
  limits: SheetLimits
}

/** A serial day number as the instant it names (days since 1899-12-30, or 1904-01-01). */
const serialDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))

interface Cell {
  column: number
  type: string
  style: number
  value: string
  inline: string
}

function cellValue(cell: Cell, context: SheetContext): string {
  const value = cell.value.trim()
  switch (cell.type) {
    case 's':
      return context.strings[Number(value)] ?? ''
    case 'inlineStr':
      return cell.inline
    case 'str':
      return cell.value
    case 'b':
      return value === '' ? '' : String(value === '1' || value === 'true')
    case 'e':
      return ''
    case 'd': {
      const date = new Date(value)
      return Number.isNaN(date.getTime()) ? value : date.toISOString()
    }
    default: {
      if (value === '') return ''
      const number = Number.parseFloat(value)
      if (Number.isNaN(number)) return value
      return context.dateStyles[cell.style] ? serialDate(number, context.date1904).toISOString() : String(number)
    }
  }
}

/** The cells of the sheet's `<sheetData>`, rows in row order; reading stops at its end. */
async function readSheet(pieces: Pieces, context: SheetContext): Promise<Table> {
  const { limits } = context
  const rows = new Map<number, string[]>()
  const collected = textCollector(limits)
  /** Characters of every cell read so far: a shared string counts each time a cell uses it. */
  let characters = 0
  let rowNumber = 0
  let row: string[] | undefined
  let cell: Cell | undefined
  let column = 0
  /** Where text goes: the cell's value, its inline string, or nowhere. */
  let into: 'value' | 'inline' | undefined
  let inPhonetic = false

  const finishCell = () => {
    if (!cell || !row) return
    const text = cellValue(cell, context)
    if (text === '') return
    if (cell.column > limits.maxColumns) throw sheetLimitError('columns', limits.maxColumns)
    if (text.length > limits.maxCellChars) throw sheetLimitError('cellLength', limits.maxCellChars)
    characters += text.length
    if (characters > limits.maxTextChars) throw sheetLimitError('text', limits.maxTextChars)
    while (row.length < cell.column) row.push('')
    row[cell.column - 1] = text
    if (!rows.has(rowNumber)) {
      // A header and at most `maxRows` rows of data.
      if (rows.size > limits.maxRows) throw sheetLimitError('rows', limits.maxRows)
      rows.set(rowNumber, row)
    }
  }

  await scanXml(pieces, {
    open(name, attributes, empty) {
      if (name === 'row') {
        rowNumber = Number(attributes.r) || rowNumber + 1
        row = rows.get(rowNumber) ?? []
        column = 0
      } else if (name === 'c' && row) {
        column = columnOf(attributes.r) ?? column + 1
        cell = empty
          ? undefined
          : { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '', inline: '' }
      } else if (cell && !empty) {
        if (name === 'v') into = 'value'
        else if (name === 'rPh') inPhonetic = true
        else if (name === 't' && !inPhonetic) into = 'inline'
      }
      return undefined
    },
    close(name) {
      if (name === 'sheetData') return 'stop'
      if (name === 'c') {
        finishCell()
        cell = undefined
      } else if (name === 'row') row = undefined
      else if (cell && (name === 'v' || name === 't') && into) {
        cell[into] += collected.take()
        into = undefined
        if (cell.value.length + cell.inline.length > limits.maxCellChars)
          throw sheetLimitError('cellLength', limits.maxCellChars)
      } else if (name === 'rPh') inPhonetic = false
      return undefined
    },
    text(text) {
      if (into) collected.add(text)
    },
  })

  const ordered = [...rows.entries()].sort(([a], [b]) => a - b).map(([, cells]) => cells)
  const width = ordered[0]?.length ?? 0
  for (const cells of ordered) while (cells.length < width) cells.push('')
  return ordered.filter((cells) => cells.some((c) => c.trim() !== ''))
}
