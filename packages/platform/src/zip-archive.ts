import { setImmediate } from 'node:timers/promises'
import { createInflateRaw } from 'node:zlib'
import { type SheetLimits, sheetLimitError } from './sheet-limits'

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  compressedSize: number
  /** Unpacked size the directory declares; unpacking more than this is refused. */
  size: number
  /** Where the file's (compressed) bytes start in the archive. */
  dataOffset: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
/** A 32-bit field at its maximum means the real value is in a ZIP64 record: never needed for a sheet. */
const ZIP64 = 0xffffffff

const unreadable = (why: string) => new Error(`not a readable .xlsx (zip) file: ${why}`)

/**
 * Reads the central directory of a zip archive without unpacking anything, and refuses an
 * archive of too many files or one that declares more unpacked bytes than allowed.
 */
export function readZipDirectory(bytes: Buffer, limits: Pick<SheetLimits, 'maxEntries' | 'maxUncompressedBytes'>) {
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw unreadable('no central directory')
  const count = bytes.readUInt16LE(end + 10)
  const directorySize = bytes.readUInt32LE(end + 12)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  if (count === 0xffff || directoryOffset === ZIP64) throw unreadable('ZIP64')
  if (count > limits.maxEntries) throw sheetLimitError('entries', limits.maxEntries)
  // Data before the archive would shift every offset; a spreadsheet program never writes it.
  if (directoryOffset + directorySize !== end) throw unreadable('directory out of place')

  const entries: ZipEntry[] = []
  let declared = 0
  let at = directoryOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw unreadable('broken directory')
    const flags = bytes.readUInt16LE(at + 8)
    const method = bytes.readUInt16LE(at + 10)
    const compressedSize = bytes.readUInt32LE(at + 20)
    const size = bytes.readUInt32LE(at + 24)
    const nameLength = bytes.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const localOffset = bytes.readUInt32LE(at + 42)
    if (flags & 1) throw unreadable('encrypted')
    if (compressedSize === ZIP64 || size === ZIP64 || localOffset === ZIP64) throw unreadable('ZIP64')
    declared += size
    if (declared > limits.maxUncompressedBytes) throw sheetLimitError('uncompressed', limits.maxUncompressedBytes)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '')
    if (localOffset + 30 > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw unreadable('broken file header')
    const dataOffset = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28)
    if (dataOffset + compressedSize > directoryOffset) throw unreadable('file past the end')
    entries.push({ name, method, compressedSize, size, dataOffset })
    at = next
  }
  return entries
}

/**
 * The text of one file of the archive, a piece at a time, unpacked off the main thread
 * (zlib's thread pool) so other requests keep being served. Unpacking more than the
 * directory declared is refused: the declared sizes were checked against the limits.
 */
export async function* zipEntryText(bytes: Buffer, entry: ZipEntry, maxUncompressedBytes: number) {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)
  const decoder = new TextDecoder('utf-8')
  if (entry.method === 0) {
    if (data.length !== entry.size) throw unreadable('stored size mismatch')
    for (let i = 0; i < data.length; i += 64 * 1024) {
      // Let other requests in between pieces, as the inflating stream below does.
      await setImmediate()
      yield decoder.decode(data.subarray(i, i + 64 * 1024), { stream: true })
    }
    yield decoder.decode()
    return
  }
  if (entry.method !== 8) throw unreadable(`compression method ${entry.method}`)
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 })
  inflate.end(data)
  let unpacked = 0
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      unpacked += chunk.length
      // The directory lied about this file's size: stop before it can unpack any further.
      if (unpacked > entry.size) throw sheetLimitError('uncompressed', maxUncompressedBytes)
      yield decoder.decode(chunk, { stream: true })
    }
  } finally {
    inflate.destroy()
  }
  yield decoder.decode()
}
