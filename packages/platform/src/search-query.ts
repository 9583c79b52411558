import type { TenantDb } from '@cerdas/core'
import type { SynonymDictionary } from './search-synonyms'
import { synonymDictionary } from './search-synonyms'
import {
  allowedTypos,
  deletions,
  deletions2,
  editDistance,
  isVocabularyWord,
  SOFT_WORDS,
  STOP_WORDS,
  tokenize,
} from './search-text'

/**
 * What a person typed, as a search query: units (synonym phrases, words, prefixes) required or
 * merely wanted, the FTS5 match expression for them, and typo corrections against the index's words.
 */

/** One thing the query asks for: any of its phrases (or words starting with `prefix`). */
export interface QueryUnit {
  phrases: string[][]
  prefix?: string | undefined
  /** The indexed words starting with `prefix`, when known and few: searched by name, cheaper than a prefix query. */
  expansions?: readonly string[] | undefined
  /** Came from a typo correction: ranks a little below what was typed right. */
  corrected?: boolean
}

export interface ParsedQuery {
  required: QueryUnit[]
  /** Intent words ("syarat", "pembuatan"): not required, rank higher when present. */
  soft: QueryUnit[]
}

const MAX_TERMS = 8

/** Splits what was typed into units: synonym phrases first, then words; stop words dropped. */
export function parseTokens(
  tokens: string[],
  dictionary: SynonymDictionary,
  corrections: Map<string, string[]> = new Map(),
  words: IndexedWords = new Map(),
): ParsedQuery {
  const primary = tokens.map((t) => corrections.get(t)?.[0] ?? t)
  const required: QueryUnit[] = []
  const soft: QueryUnit[] = []
  const stop: QueryUnit[] = []
  for (let i = 0; i < primary.length; ) {
    const group = dictionary.match(primary, i)
    const typed = tokens[i] as string
    if (group) {
      const corrected = tokens.slice(i, i + group.length).some((t) => corrections.has(t))
      required.push({ phrases: group.phrases, corrected })
      i += group.length
      continue
    }
    i++
    const alternatives = corrections.get(typed)
    const word = alternatives?.[0] ?? typed
    const unit: QueryUnit = alternatives
      ? { phrases: alternatives.map((a) => [a]), corrected: true }
      : typed.length >= 3
        ? { phrases: [[typed]], prefix: typed, expansions: words.get(typed) }
        : { phrases: [[typed]] }
    if (STOP_WORDS.has(word)) stop.push(unit)
    else if (SOFT_WORDS.has(word)) soft.push(unit)
    else required.push(unit)
  }
  const unique = (units: QueryUnit[]) => [
    ...new Map(units.map((u) => [`${u.phrases.map((p) => p.join(' ')).join('|')}*${u.prefix ?? ''}`, u])).values(),
  ]
  // "syarat" alone or "di mana" alone still searches for what was typed.
  if (required.length > 0) return { required: unique(required).slice(0, MAX_TERMS), soft: unique(soft) }
  if (soft.length > 0) return { required: unique(soft).slice(0, MAX_TERMS), soft: [] }
  return { required: unique(stop).slice(0, MAX_TERMS), soft: [] }
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`

function unitExpression(unit: QueryUnit): string {
  const terms = unit.phrases.map((p) => quote(p.join(' ')))
  const { prefix, expansions } = unit
  if (prefix && !expansions) terms.push(`${quote(prefix)}*`)
  // With other words it stands for, the typed word counts twice, as in `"word" OR "word"*`: bm25 favours it.
  else if (prefix && expansions?.some((w) => w !== prefix)) terms.push(...expansions.map(quote))
  return terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`
}

export function matchExpression(units: QueryUnit[], operator: 'AND' | 'OR'): string {
  return units.map(unitExpression).join(` ${operator} `)
}

/**
 * Turns what a person typed into an FTS5 query (platform synonyms, stop words
 * dropped, prefix terms), so "pengum" finds "pengumuman" and "e-KTP" finds
 * "KTP-el". Without typo correction, which needs the index.
 */
export function toMatchQuery(q: string): string | undefined {
  const tokens = tokenize(q.slice(0, 200)).slice(0, 16)
  if (tokens.length === 0) return undefined
  const { required } = parseTokens(tokens, synonymDictionary([]))
  return required.length > 0 ? matchExpression(required, 'AND') : undefined
}

/**
 * For each typed token of 3 or more characters, the indexed words starting
 * with it (itself included), or `undefined` when more than
 * {@link MAX_EXPANSIONS} do.
 */
export type IndexedWords = Map<string, readonly string[] | undefined>

/**
 * Up to this many words a typed prefix stands for are searched by name: FTS5
 * would otherwise merge their lists at each evaluation of the query
 * (`"pasar"*` costs several times `"pasar"`). With more, the prefix query.
 */
const MAX_EXPANSIONS = 16

export async function indexedWords(db: TenantDb, tokens: string[]): Promise<IndexedWords> {
  const typed = [...new Set(tokens.filter((t) => t.length >= 3))]
  if (typed.length === 0) return new Map()
  const result = await db.$client.execute({
    sql: `SELECT value AS prefix, (SELECT json_group_array(term) FROM (SELECT term FROM cerdas_search_terms
        WHERE term >= value AND term < value || char(1114111) ORDER BY term LIMIT ${MAX_EXPANSIONS + 1})) AS terms
      FROM json_each(?)`,
    args: [JSON.stringify(typed)],
  })
  return new Map(
    result.rows.map((r) => {
      const terms = JSON.parse(String(r.terms)) as string[]
      return [String(r.prefix), terms.length > MAX_EXPANSIONS ? undefined : terms]
    }),
  )
}

/** Typo corrections for the words the index does not know (nor any word starting with them). */
export async function correctTypos(
  db: TenantDb,
  tokens: string[],
  dictionary: SynonymDictionary,
  words: IndexedWords,
): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>()
  const unknown = new Set(
    tokens.filter(
      (t) => isVocabularyWord(t) && !STOP_WORDS.has(t) && !dictionary.words.has(t) && words.get(t)?.length === 0,
    ),
  )
  for (const word of unknown) {
    const max = allowedTypos(word)
    const keys = max >= 2 ? deletions2(word).concat(deletions(word)) : deletions(word)
    const found = await db.$client.execute({
      sql: 'SELECT DISTINCT term FROM cerdas_search_fuzzy WHERE variant IN (SELECT value FROM json_each(?)) LIMIT 200',
      args: [JSON.stringify([...new Set(keys)])],
    })
    const candidates = new Map<string, number>()
    for (const r of found.rows) {
      const term = String(r.term)
      const d = editDistance(word, term, max)
      if (d <= max) candidates.set(term, d)
    }
    for (const term of dictionary.words) {
      if (term.includes(' ') || Math.abs(term.length - word.length) > max) continue
      const d = editDistance(word, term, max)
      if (d <= max) candidates.set(term, Math.min(d, candidates.get(term) ?? d))
    }
    if (candidates.size === 0) continue
    const best = Math.min(...candidates.values())
    const ranked = [...candidates]
      .filter(([, d]) => d === best)
      .map(([term]) => term)
      .sort(
        (a, b) =>
          Number(dictionary.words.has(b)) - Number(dictionary.words.has(a)) ||
          Number(b[0] === word[0]) - Number(a[0] === word[0]) ||
          Math.abs(a.length - word.length) - Math.abs(b.length - word.length) ||
          a.localeCompare(b),
      )
    corrections.set(word, ranked.slice(0, 4))
  }
  return corrections
}
