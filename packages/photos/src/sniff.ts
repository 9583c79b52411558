/** Image formats an upload may be, told by their first bytes. */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic'

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))

/**
 * The format of an upload from its content (magic bytes), never from its name or the client's
 * Content-Type; null for anything else (a PDF, a script, a text file named `.jpg`).
 */
export function sniffImageFormat(bytes: Uint8Array): SourceFormat | null {
  if (bytes.length < 12) return null
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  // ISO base media: a `ftyp` box whose brands say AVIF or HEIC.
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const size = Math.min((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!, 64, bytes.length)
    const brands: string[] = []
    for (let at = 8; at + 4 <= size; at += 4) if (at !== 12) brands.push(ascii(bytes, at, at + 4))
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif'
    if (brands.some((b) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(b))) return 'heic'
  }
  return null
}
