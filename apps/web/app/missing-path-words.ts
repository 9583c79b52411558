/** Parts of old or mistyped addresses that say nothing about what the visitor wanted. */
const NOISE = new Set(['html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'index', 'www'])

const MAX_WORDS = 8

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Search words from an address that leads nowhere, to prefill the search box of the 404 page:
 * `/layanan/ktp-baru` → `ktp baru`. The site's section names (`layanan`, `direktori`, from the
 * navigation) say where to look, not what for, and are left out, as are file endings and ids.
 * @example missingPathWords('/layanan/KTP-Baru?x=1', ['/layanan']) // 'ktp baru'
 */
export function missingPathWords(path: string, sectionPaths: readonly string[]): string {
  const sections = new Set(sectionPaths.map((p) => p.replace(/^\/+/, '').split('/')[0]?.toLowerCase()))
  const pathname = path.split(/[?#]/)[0] ?? ''
  const words: string[] = []
  for (const segment of pathname.split('/')) {
    const text = decode(segment).toLowerCase()
    if (!text || sections.has(text)) continue
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
      // Long runs of letters and digits are ids or tokens, not words anyone searches for.
      const isId = word.length > 20 || (/\d/.test(word) && /\p{L}/u.test(word) && word.length > 8)
      if (word && !NOISE.has(word) && !isId && !words.includes(word)) words.push(word)
    }
  }
  return words.slice(0, MAX_WORDS).join(' ')
}
