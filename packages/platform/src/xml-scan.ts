/**
 * A small streaming XML scanner for the parts of an .xlsx file: elements (namespace prefix
 * dropped), attributes and text, fed a piece at a time. No DTDs, so no entity expansion
 * beyond the five predefined entities and character references.
 */
export interface XmlHandler {
  /** An element opens (`empty` when it closes at once); return `'stop'` to read no further. */
  open?(name: string, attributes: Record<string, string>, empty: boolean): undefined | 'stop'
  close?(name: string): undefined | 'stop'
  text?(text: string): void
}

const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:[^>"']+|"[^"]*"|'[^']*')*)>|([^<]+)/y
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(ENTITY, (_, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name] as string
    const code = hex ? Number.parseInt(hex, 16) : Number(dec)
    return code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

function attributesOf(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const m of raw.matchAll(ATTRIBUTE)) attributes[m[1] as string] = decodeXmlText(m[2] ?? m[3] ?? '')
  return attributes
}

const malformed = () => new Error('not a readable .xlsx file: malformed XML')

/** Scans complete tokens of `source`; false when the handler asked to stop. */
function scan(source: string, handler: XmlHandler): boolean {
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < source.length) {
    const m = TOKEN.exec(source)
    if (!m) throw malformed()
    const [, cdata, closing, opening, attributes = '', text] = m
    if (opening !== undefined) {
      const name = localName(opening)
      const empty = attributes.endsWith('/')
      if (handler.open?.(name, attributesOf(attributes), empty) === 'stop') return false
      if (empty && handler.close?.(name) === 'stop') return false
    } else if (closing !== undefined) {
      if (handler.close?.(localName(closing)) === 'stop') return false
    } else if (text !== undefined) handler.text?.(decodeXmlText(text))
    else if (cdata !== undefined) handler.text?.(cdata)
  }
  return true
}

/**
 * Feeds the pieces of a document to the handler. A piece is scanned up to its last `<`
 * (the start of a tag not yet complete), the rest waits for the next piece.
 */
export async function scanXml(pieces: AsyncIterable<string>, handler: XmlHandler): Promise<void> {
  let pending = ''
  for await (const piece of pieces) {
    pending += piece
    let cut = pending.lastIndexOf('<')
    // A comment or CDATA section may hold `<`: wait until it is closed.
    const section = pending.lastIndexOf('<!', cut)
    if (section >= 0 && !/^<!(?:--[\s\S]*?-->|\[CDATA\[[\s\S]*?\]\]>)/.test(pending.slice(section))) cut = section
    if (cut <= 0) continue
    if (!scan(pending.slice(0, cut), handler)) return
    pending = pending.slice(cut)
  }
  if (pending !== '' && !scan(pending, handler)) return
}
