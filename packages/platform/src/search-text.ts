/**
 * Text handling shared by the search index writer and the query side: the
 * same folding as the index's `unicode61 remove_diacritics 2` tokenizer
 * (lower case, accents off, split on anything not a letter or digit), the
 * Indonesian words a query can do without, and edit distance for typos.
 */

/** Lower case without diacritics: "Pengumumân" → "pengumuman". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** The index's tokens of a text, folded. */
export function tokenize(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

export interface WordSpan {
  /** Folded token. */
  token: string
  start: number
  end: number
}

/** Tokens with their place in the original (unfolded) text, for snippets. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = []
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    for (const token of tokenize(m[0])) spans.push({ token, start: m.index, end: m.index + m[0].length })
  }
  return spans
}

/**
 * Words that carry no meaning for finding a document ("cara bikin ktp" is
 * about "ktp"). Dropped from queries unless nothing else is left.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Indonesian
  'ada',
  'adalah',
  'agar',
  'aku',
  'apa',
  'apakah',
  'atau',
  'bagaimana',
  'bagi',
  'bikin',
  'bisa',
  'buat',
  'cara',
  'dan',
  'dari',
  'dengan',
  'di',
  'dimana',
  'gimana',
  'gmn',
  'hendak',
  'harus',
  'ingin',
  'ini',
  'itu',
  'jika',
  'kalau',
  'ke',
  'kami',
  'kapan',
  'kita',
  'mana',
  'mau',
  'membuat',
  'mengurus',
  'mohon',
  'nya',
  'oleh',
  'pada',
  'saya',
  'tentang',
  'tolong',
  'untuk',
  'urus',
  'yang',
  'yg',
  // English
  'a',
  'an',
  'and',
  'for',
  'how',
  'i',
  'in',
  'of',
  'or',
  'the',
  'to',
  'where',
])

/**
 * Words of intent ("pembuatan ktp", "syarat kk"): not required to match, but a
 * document that has them ranks higher.
 */
export const SOFT_WORDS: ReadonlySet<string> = new Set([
  'apply',
  'biaya',
  'daftar',
  'jadwal',
  'layanan',
  'pelayanan',
  'pembuatan',
  'pendaftaran',
  'penerbitan',
  'pengajuan',
  'pengurusan',
  'permohonan',
  'persyaratan',
  'prosedur',
  'requirements',
  'syarat',
])

/** Longest token the typo index holds; longer ones are names, codes or junk. */
export const MAX_VOCAB_LENGTH = 24
/** Shortest token corrected for typos: shorter ones have too many neighbours. */
export const MIN_FUZZY_LENGTH = 4

/** Whether a token goes into the typo index (letters only, 4–24 of them). */
export function isVocabularyWord(token: string): boolean {
  return token.length >= MIN_FUZZY_LENGTH && token.length <= MAX_VOCAB_LENGTH && /^[a-z]+$/.test(token)
}

/** The word itself and every form of it with one letter left out. */
export function deletions(word: string): string[] {
  const out = new Set([word])
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1))
  return [...out]
}

/** Forms with up to two letters left out (query side, for long words). */
export function deletions2(word: string): string[] {
  const out = new Set<string>()
  for (const d of deletions(word)) for (const dd of deletions(d)) out.add(dd)
  return [...out]
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent
 * transposition), giving up early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0)
    row[0] = i
    return row
  })
  for (let j = 0; j < cols; j++) (d[0] as number[])[j] = j
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[]
    const prev = d[i - 1] as number[]
    let best = Number.POSITIVE_INFINITY
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1)
      }
      row[j] = v
      if (v < best) best = v
    }
    if (best > max) return max + 1
  }
  return (d[rows - 1] as number[])[cols - 1] as number
}

/** How many typos a word of this length may carry and still be corrected. */
export function allowedTypos(word: string): number {
  return word.length >= 8 ? 2 : 1
}

/** How the writer joins a text's Indonesian and English versions in one index column. */
export const LANGUAGE_SEPARATOR = ' \n '

/** A text's Indonesian and English versions as one index column. */
export const bothLanguages = (t: { id: string; en?: string | undefined } | undefined) =>
  [t?.id, t?.en].filter(Boolean).join(LANGUAGE_SEPARATOR)
