import { constants, createDeflateRaw, deflateRawSync } from 'node:zlib'

/** One file of a zip archive: its bytes, or a chunk repeated (a big file built without holding it). */
export interface ZipEntry {
  name: string
  data?: Buffer | string
  repeat?: { chunk: string; times: number; prefix?: string; suffix?: string }
  /** The uncompressed size the directory declares, when a test wants it to lie. */
  declaredSize?: number
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer, crc = 0): number {
  let c = ~crc
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ data[i]!) & 0xff] as number) ^ (c >>> 8)
  return ~c >>> 0
}

interface Packed {
  name: Buffer
  compressed: Buffer
  crc: number
  size: number
}

/** Deflates a repeated chunk as a stream, so a test can build a huge file's archive in little memory. */
async function packRepeated(repeat: NonNullable<ZipEntry['repeat']>): Promise<Omit<Packed, 'name'>> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject))
  let crc = 0
  let size = 0
  const write = async (data: Buffer) => {
    crc = crc32(data, crc)
    size += data.length
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  // Chunks are written a thousand at a time: one write per repetition would take seconds.
  const batch = Buffer.from(repeat.chunk.repeat(1000))
  await write(Buffer.from(repeat.prefix ?? ''))
  for (let left = repeat.times; left > 0; left -= 1000)
    await write(left >= 1000 ? batch : Buffer.from(repeat.chunk.repeat(left)))
  await write(Buffer.from(repeat.suffix ?? ''))
  deflate.end()
  await done
  return { compressed: Buffer.concat(parts), crc, size }
}

/**
 * A zip archive of deflated files, written by hand so tests can make what real tools refuse to:
 * archives that expand to hundreds of megabytes, or whose directory lies about sizes.
 */
export async function zipOf(entries: readonly ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    let packed: Omit<Packed, 'name'>
    if (entry.repeat) packed = await packRepeated(entry.repeat)
    else {
      const data = Buffer.from(entry.data ?? '')
      packed = { compressed: deflateRawSync(data), crc: crc32(data), size: data.length }
    }
    const size = entry.declaredSize ?? packed.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(packed.crc, 14)
    local.writeUInt32LE(packed.compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(packed.crc, 16)
    central.writeUInt32LE(packed.compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed.compressed)
    centrals.push(central, name)
    offset += local.length + name.length + packed.compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`

/**
 * An .xlsx "bomb": a small upload whose one sheet is `rows` identical rows of inline text,
 * a highly compressible XML that expands about a thousandfold. `lie` makes the zip directory
 * declare the sheet as tiny, so only a reader that bounds what it inflates notices.
 */
export function xlsxBomb(options: { rows: number; lie?: boolean }): Promise<Buffer> {
  // Every row is row 2 again, so a reader that expands the sheet keeps one row: what it costs is the XML.
  const row =
    '<row r="2"><c r="A2" t="inlineStr"><is><t>bom</t></is></c><c r="B2" t="inlineStr"><is><t>bom</t></is></c></row>'
  return zipOf([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    {
      name: 'xl/worksheets/sheet1.xml',
      repeat: {
        prefix:
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        chunk: row,
        times: options.rows,
        suffix: '</sheetData></worksheet>',
      },
      ...(options.lie ? { declaredSize: 4096 } : {}),
    },
  ])
}

const SHARED_STRINGS_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/**
 * An .xlsx whose every data cell uses one shared string of `length` characters: a few kilobytes
 * that unpack well under the size limit, yet read as rows × columns × length characters of text.
 * The header row names the columns (`header`, or `k0`, `k1`, …).
 */
export function sharedStringBomb(options: {
  rows: number
  columns: number
  length: number
  header?: readonly string[]
}): Promise<Buffer> {
  const header = options.header ?? Array.from({ length: options.columns }, (_, i) => `k${i}`)
  const strings = ['A'.repeat(options.length), ...header]
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`
  const headerRow = `<row>${header.map((_, i) => `<c t="s"><v>${i + 1}</v></c>`).join('')}</row>`
  // Rows and cells without references: each is the next one, so one repeated chunk makes every row.
  const row = `<row>${'<c t="s"><v>0</v></c>'.repeat(options.columns)}</row>`
  return zipOf([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: SHARED_STRINGS_RELS },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
    {
      name: 'xl/worksheets/sheet1.xml',
      repeat: {
        prefix: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow}`,
        chunk: row,
        times: options.rows,
        suffix: '</sheetData></worksheet>',
      },
    },
  ])
}
