import type { Locale, SearchDocument, SearchIndexWriter, TenantContext, TenantDb } from '@cerdas/core'
import type { InStatement } from '@libsql/client'
import {
  containsRun,
  listTenantSynonyms,
  type SynonymDictionary,
  type SynonymGroup,
  synonymDictionary,
} from './search-synonyms'
import {
  allowedTypos,
  deletions,
  deletions2,
  editDistance,
  isVocabularyWord,
  SOFT_WORDS,
  STOP_WORDS,
  tokenize,
  wordSpans,
} from './search-text'

export type { SynonymGroup } from './search-synonyms'
export { listTenantSynonyms, PLATFORM_SYNONYMS, setTenantSynonyms } from './search-synonyms'

/*
 * The tenant's search index: `cerdas_search` (FTS5; title, body, keywords)
 * whose rowid is the rowid of the document's row in `cerdas_search_documents`
 * (module, kind, url, titles, boost), `cerdas_search_boosted` (the same for
 * just the documents with a boost, so they rank without touching the rest),
 * plus `cerdas_search_terms` (every token ever indexed: which words a prefix
 * stands for, which typed words are unknown) and `cerdas_search_fuzzy` (each
 * word of 4–24 letters and its forms with one letter left out) for typo
 * correction.
 */

/** The rowid of the document with the id given as the parameter. */
const ROWID = '(SELECT rowid FROM cerdas_search_documents WHERE id = ?)'

/** Keeps the tenant's FTS5 index in step with module writes. */
export function createSearchIndexWriter(db: TenantDb): SearchIndexWriter {
  return {
    async upsert(documents) {
      if (documents.length === 0) return
      // The last of a batch's versions of a document wins, as if written one after another.
      const latest = [...new Map(documents.map((doc) => [doc.id, doc])).values()]
      const ids = JSON.stringify(latest.map((doc) => doc.id))
      const existing = 'SELECT rowid FROM cerdas_search_documents WHERE id IN (SELECT value FROM json_each(?))'
      await db.$client.batch(
        [
          { sql: `DELETE FROM cerdas_search WHERE rowid IN (${existing})`, args: [ids] },
          { sql: `DELETE FROM cerdas_search_boosted WHERE rowid IN (${existing})`, args: [ids] },
          ...latest.flatMap(documentStatements),
          ...vocabularyStatements(latest),
        ],
        'write',
      )
    },
    async remove(ids) {
      if (ids.length === 0) return
      await db.$client.batch(
        ids.flatMap((id) => [
          { sql: `DELETE FROM cerdas_search WHERE rowid = ${ROWID}`, args: [id] },
          { sql: `DELETE FROM cerdas_search_boosted WHERE rowid = ${ROWID}`, args: [id] },
          { sql: 'DELETE FROM cerdas_search_documents WHERE id = ?', args: [id] },
        ]),
        'write',
      )
    },
  }
}

/** Writes a document whose index rows the batch has already deleted. */
function documentStatements(doc: SearchDocument): InStatement[] {
  const boost = doc.boost ?? 0
  const fields = [text(doc.title), text(doc.body), (doc.keywords ?? []).join(' ')]
  return [
    {
      sql: `INSERT INTO cerdas_search_documents (id, module, kind, url, title_id, title_en, boost) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET module = excluded.module, kind = excluded.kind, url = excluded.url,
        title_id = excluded.title_id, title_en = excluded.title_en, boost = excluded.boost`,
      args: [doc.id, doc.module, doc.kind, doc.url, doc.title.id, doc.title.en ?? null, boost],
    },
    {
      sql: `INSERT INTO cerdas_search (rowid, id, title, body, keywords) VALUES (${ROWID}, ?, ?, ?, ?)`,
      args: [doc.id, doc.id, ...fields],
    },
    ...(boost === 0
      ? []
      : [
          {
            sql: `INSERT INTO cerdas_search_boosted (rowid, boost, title, body, keywords) VALUES (${ROWID}, ?, ?, ?, ?)`,
            args: [doc.id, boost, ...fields],
          },
        ]),
  ]
}

/**
 * Adds the batch's new tokens to the index's word list (prefix expansion) and
 * the new words among them (letters only, 4–24) with their one-letter-deleted
 * forms to the typo index.
 */
function vocabularyStatements(documents: SearchDocument[]): InStatement[] {
  const tokens = new Set<string>()
  for (const doc of documents) {
    for (const t of tokenize(`${text(doc.title)} ${text(doc.body)} ${(doc.keywords ?? []).join(' ')}`)) tokens.add(t)
  }
  if (tokens.size === 0) return []
  const words = [...tokens].filter(isVocabularyWord)
  return [
    ...(words.length === 0
      ? []
      : [
          {
            sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24),
                fresh(term) AS (SELECT value FROM json_each(?) WHERE value NOT IN (SELECT term FROM cerdas_search_terms))
              INSERT OR IGNORE INTO cerdas_search_fuzzy (variant, term)
              SELECT CASE WHEN i = 0 THEN term ELSE substr(term, 1, i - 1) || substr(term, i + 1) END, term
              FROM fresh JOIN n ON n.i <= length(term)`,
            args: [JSON.stringify(words)],
          },
        ]),
    {
      sql: 'INSERT OR IGNORE INTO cerdas_search_terms (term) SELECT value FROM json_each(?)',
      args: [JSON.stringify([...tokens])],
    },
  ]
}

export interface SnippetPart {
  text: string
  /** A word the query matched (render it marked, e.g. `<mark>`). */
  match?: true
}

export interface SearchHit {
  id: string
  module: string
  kind: string
  url: string
  title: string
  /** A passage of the document with the matched words in [brackets]. */
  snippet: string
  /** The same passage in parts, for rendering the matched words marked without parsing. */
  snippetParts: SnippetPart[]
}

export interface SearchOptions {
  /** More synonym groups for this search, on top of the platform's and the tenant's. */
  synonyms?: readonly SynonymGroup[]
}

/** One thing the query asks for: any of its phrases (or words starting with `prefix`). */
interface QueryUnit {
  phrases: string[][]
  prefix?: string | undefined
  /** The indexed words starting with `prefix`, when known and few: searched by name, cheaper than a prefix query. */
  expansions?: readonly string[] | undefined
  /** Came from a typo correction: ranks a little below what was typed right. */
  corrected?: boolean
}

interface ParsedQuery {
  required: QueryUnit[]
  /** Intent words ("syarat", "pembuatan"): not required, rank higher when present. */
  soft: QueryUnit[]
}

const MAX_TERMS = 8

/** Splits what was typed into units: synonym phrases first, then words; stop words dropped. */
function parseTokens(
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

function matchExpression(units: QueryUnit[], operator: 'AND' | 'OR'): string {
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
type IndexedWords = Map<string, readonly string[] | undefined>

/**
 * Up to this many words a typed prefix stands for are searched by name: FTS5
 * would otherwise merge their lists at each evaluation of the query
 * (`"pasar"*` costs several times `"pasar"`). With more, the prefix query.
 */
const MAX_EXPANSIONS = 16

async function indexedWords(db: TenantDb, tokens: string[]): Promise<IndexedWords> {
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
async function correctTypos(
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

/** A candidate document, read and scored. */
interface Candidate {
  rowid: number
  /** FTS5's bm25 in the index it was ranked in (lower is better); breaks ties. */
  bm25: number
  id: string
  module: string
  kind: string
  url: string
  titleId: string
  titleEn: string | null
  boost: number
  text: { title: string; body: string; keywords: string }
  score: number
}

/** bm25 weights of the columns (id or boost, title, body, keywords), the same for both indexes. */
const BM25_WEIGHTS = '0, 10, 1, 5'
/** Above this many matching documents, ranking all of them costs more than a search may take. */
const WIDE = 4000
/** How many of the newest matches a wide query ranks (of its title matches, then of all its matches). */
const WIDE_RECENT = 1000

/**
 * A document's boost outweighs where the words matched: with services at 10,
 * offices at 5 and news at 0, an office that names a word in its body still
 * ranks above a news item with it in the title.
 */
const BOOST_WEIGHT = 2
const FIELD_WEIGHTS = { title: 10, keywords: 6, body: 2 } as const
type Field = keyof typeof FIELD_WEIGHTS
/** The most one unit can score (a whole word in the title); soft units add a tenth of it each. */
const BEST_UNIT_SCORE = Math.max(...Object.values(FIELD_WEIGHTS))

/** How well a unit matches a field's tokens: a whole word or phrase 1, a typo-corrected one 0.85, a prefix 0.6. */
function strength(unit: QueryUnit, tokens: string[]): number {
  if (unit.phrases.some((p) => containsRun(tokens, p))) return unit.corrected ? 0.85 : 1
  if (unit.prefix && tokens.some((t) => t.startsWith(unit.prefix as string))) return 0.6
  return 0
}

function unitScore(unit: QueryUnit, fields: Record<Field, string[]>): number {
  let best = 0
  for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
    best = Math.max(best, FIELD_WEIGHTS[field] * strength(unit, fields[field]))
  }
  return best
}

/**
 * Runs one ranking query (on the match `?1`, at most `?2` rows: `r` the
 * rowid, `b` the bm25), reads those documents and their texts in the same
 * statement, leaving out those already `seen`, and scores them.
 */
async function readTier(
  db: TenantDb,
  ranking: string,
  args: [match: string, pool: number],
  query: ParsedQuery,
  seen: readonly Candidate[],
): Promise<Candidate[]> {
  const result = await db.$client.execute({
    sql: `SELECT j.r, j.b, d.id, d.module, d.kind, d.url, d.title_id, d.title_en, d.boost, s.title, s.body, s.keywords
      FROM (${ranking}) j JOIN cerdas_search_documents d ON d.rowid = j.r JOIN cerdas_search s ON s.rowid = j.r
      WHERE j.r NOT IN (SELECT value FROM json_each(?3))`,
    args: [...args, JSON.stringify(seen.map((c) => c.rowid))],
  })
  return result.rows.map((r) => {
    const text = { title: String(r.title ?? ''), body: String(r.body ?? ''), keywords: String(r.keywords ?? '') }
    const fields = { title: tokenize(text.title), keywords: tokenize(text.keywords), body: tokenize(text.body) }
    const relevance = query.required.reduce((sum, u) => sum + unitScore(u, fields), 0) / query.required.length
    const soft = query.soft.reduce((sum, u) => sum + unitScore(u, fields) / 10, 0)
    const boost = Number(r.boost)
    return {
      rowid: Number(r.r),
      bm25: Number(r.b),
      id: String(r.id),
      module: String(r.module),
      kind: String(r.kind),
      url: String(r.url),
      titleId: String(r.title_id),
      titleEn: r.title_en === null ? null : String(r.title_en),
      boost,
      text,
      score: relevance + soft + BOOST_WEIGHT * boost,
    }
  })
}

/**
 * The best boosted documents for a match (`?1`), by bm25 less boost. Their
 * index holds only them, a small part of a tenant's documents, so even a word
 * that every news item has costs little here.
 */
const BOOSTED_RANKING = `SELECT rowid AS r, bm25(cerdas_search_boosted, ${BM25_WEIGHTS}) AS b FROM cerdas_search_boosted
  WHERE cerdas_search_boosted MATCH ?1 ORDER BY b - boost LIMIT ?2`

/**
 * The best documents without a boost for a match (`?1`), by bm25, ranked in
 * the FTS5 index alone (no join per matching row); with `newest`, only that
 * many of the newest matches are ranked.
 */
function plainRanking(newest?: number): string {
  const scan = `SELECT rowid AS r, bm25(cerdas_search, ${BM25_WEIGHTS}) AS b FROM cerdas_search
    WHERE cerdas_search MATCH ?1
      AND rowid NOT IN (SELECT rowid FROM cerdas_search_boosted WHERE cerdas_search_boosted MATCH ?1)`
  return newest
    ? `SELECT r, b FROM (${scan} ORDER BY rowid DESC LIMIT ${Math.trunc(newest)}) ORDER BY b LIMIT ?2`
    : `${scan} ORDER BY b LIMIT ?2`
}

/** Whether more than `limit` documents match. */
async function matchesMore(db: TenantDb, match: string, limit: number): Promise<boolean> {
  const probe = await db.$client.execute({
    sql: 'SELECT count(*) AS n FROM (SELECT rowid FROM cerdas_search WHERE cerdas_search MATCH ? LIMIT ?)',
    args: [match, limit + 1],
  })
  return Number(probe.rows[0]?.n) > limit
}

/**
 * The scored candidates for a match, in tiers, each read only while it could
 * still change the page: the boosted documents (services, offices), then the
 * others with every word in the title or keywords (the newest
 * {@link WIDE_RECENT} of them), then the others with a word only in the body
 * (all of them, or the newest {@link WIDE_RECENT} when more than {@link WIDE}
 * documents match). Each tier ranks a pool's worth; the scores decide.
 */
async function candidates(
  db: TenantDb,
  query: ParsedQuery,
  operator: 'AND' | 'OR',
  count: number,
  pool: number,
): Promise<Candidate[]> {
  const match = matchExpression(query.required, operator)
  const found = await readTier(db, BOOSTED_RANKING, [match, pool], query, [])
  // A tier is skipped once `count` candidates score above the best any of its documents can.
  const enough = (best: number) => found.filter((c) => c.score > best).length >= count
  const soft = (query.soft.length * BEST_UNIT_SCORE) / 10
  if (enough(BEST_UNIT_SCORE + soft)) return found
  const inTitles = `{title keywords} : (${match})`
  found.push(...(await readTier(db, plainRanking(WIDE_RECENT), [inTitles, pool], query, found)))
  // Outside the title tier, some unit (every unit, for OR) matches only in the body.
  const units = query.required.length
  const bodyOnly =
    operator === 'AND' ? (BEST_UNIT_SCORE * (units - 1) + FIELD_WEIGHTS.body) / units : FIELD_WEIGHTS.body
  if (enough(bodyOnly + soft)) return found
  const newest = (await matchesMore(db, match, WIDE)) ? WIDE_RECENT : undefined
  found.push(...(await readTier(db, plainRanking(newest), [match, pool], query, found)))
  return found
}

/**
 * Searches the tenant's index. Understands Indonesian abbreviations and their
 * long forms ("ktp" ↔ "kartu tanda penduduk", "e-KTP" = "KTP-el"), ignores
 * words like "cara" or "bikin", corrects one-letter typos ("kelahran") against
 * the words the index holds, and ranks by the document's boost (services,
 * then offices, then news), then title over keywords over body, whole words
 * over prefixes, then FTS5 bm25 (a boosted document's from the boosted index).
 * Boosted documents are read first; the others only while they can still
 * make the page (see {@link candidates}).
 */
export async function searchTenant(
  ctx: TenantContext,
  q: string,
  limit = 10,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const tokens = tokenize(q.slice(0, 200)).slice(0, 16)
  if (tokens.length === 0) return []
  const count = Math.min(Math.max(Math.trunc(limit) || 1, 1), 50)
  const db = ctx.db
  const tenantGroups = await listTenantSynonyms(ctx)
  const dictionary = synonymDictionary([...tenantGroups, ...(options.synonyms ?? [])])
  const words = await indexedWords(db, tokens)
  const corrections = await correctTypos(db, tokens, dictionary, words)
  const query = parseTokens(tokens, dictionary, corrections, words)
  if (query.required.length === 0) return []
  const pool = Math.max(40, count * 2)
  let found = await candidates(db, query, 'AND', count, pool)
  // Nothing has every word: take what has most of them.
  if (found.length === 0 && query.required.length > 1) found = await candidates(db, query, 'OR', count, pool)

  const units = [...query.required, ...query.soft]
  return found
    .sort((a, b) => b.score - a.score || a.bm25 - b.bm25 || b.rowid - a.rowid)
    .slice(0, count)
    .map((c) => {
      const parts = localSnippet(c.text.body || c.titleId, ctx.locale, units)
      return {
        id: c.id,
        module: c.module,
        kind: c.kind,
        url: c.url,
        title: pick(ctx.locale, c.titleId, c.titleEn),
        snippet: parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join(''),
        snippetParts: parts,
      }
    })
}

const SNIPPET_WORDS = 24
/** How the writer joins a text's Indonesian and English versions in one index column. */
const LANGUAGE_SEPARATOR = ' \n '

const text = (t: { id: string; en?: string | undefined } | undefined) =>
  [t?.id, t?.en].filter(Boolean).join(LANGUAGE_SEPARATOR)

/**
 * The snippet in the reader's language: the indexed body holds the Indonesian and English texts
 * together; the passage comes from the one in the page's language, or from the other when only it
 * has the words asked for (an English query on an Indonesian page).
 */
function localSnippet(body: string, locale: string, units: QueryUnit[]): SnippetPart[] {
  const versions = body.split(LANGUAGE_SEPARATOR)
  if (versions.length !== 2) return snippetParts(body, units)
  const [id, en] = versions as [string, string]
  const [first, second] = locale === 'en' ? [en, id] : [id, en]
  const preferred = snippetParts(first, units)
  if (preferred.some((p) => p.match)) return preferred
  const other = snippetParts(second, units)
  return other.some((p) => p.match) ? other : preferred
}

/** The passage of `source` with the most matched words, split into plain and matched parts. */
function snippetParts(source: string, units: QueryUnit[]): SnippetPart[] {
  const spans = wordSpans(source)
  if (spans.length === 0) return source ? [{ text: source.slice(0, 200) }] : []
  const tokens = spans.map((s) => s.token)
  const marked = new Array<boolean>(spans.length).fill(false)
  for (const unit of units) {
    for (const phrase of unit.phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((t, j) => tokens[i + j] === t)) for (let j = 0; j < phrase.length; j++) marked[i + j] = true
      }
    }
    const prefix = unit.prefix
    if (prefix) for (let i = 0; i < tokens.length; i++) if ((tokens[i] as string).startsWith(prefix)) marked[i] = true
  }
  // The window of SNIPPET_WORDS words with the most marks (the earliest of equals),
  // starting a few words before its first mark so the passage reads in context.
  let from = 0
  let best = -1
  let inWindow = 0
  for (let i = 0; i < spans.length; i++) {
    if (marked[i]) inWindow++
    if (i >= SNIPPET_WORDS && marked[i - SNIPPET_WORDS]) inWindow--
    if (inWindow > best) {
      best = inWindow
      from = Math.max(0, i - SNIPPET_WORDS + 1)
    }
  }
  const firstMark = marked.indexOf(true, from)
  if (firstMark > from + 3) from = Math.min(firstMark - 3, Math.max(0, spans.length - SNIPPET_WORDS))
  const to = Math.min(spans.length, from + SNIPPET_WORDS) - 1
  const parts: SnippetPart[] = []
  const push = (part: SnippetPart) => {
    if (!part.text) return
    const last = parts[parts.length - 1]
    if (last && !last.match && !part.match) last.text += part.text
    else parts.push(part)
  }
  let cursor = (spans[from] as { start: number }).start
  if (from > 0) push({ text: '…' })
  for (let i = from; i <= to; i++) {
    const span = spans[i] as { start: number; end: number }
    if (span.start < cursor) continue
    push({ text: source.slice(cursor, span.start) })
    push(
      marked[i]
        ? { text: source.slice(span.start, span.end), match: true }
        : { text: source.slice(span.start, span.end) },
    )
    cursor = span.end
  }
  if (to < spans.length - 1) push({ text: '…' })
  else push({ text: source.slice(cursor).trimEnd() })
  return parts
}

function pick(locale: Locale, id: string, en: string | null): string {
  return locale === 'en' && en ? en : id
}

/** Rebuilds the whole index from every enabled module's search documents. */
export async function rebuildSearchIndex(
  ctx: TenantContext,
  sources: ((ctx: TenantContext) => Promise<SearchDocument[]>)[],
): Promise<number> {
  await ctx.db.$client.batch(
    [
      'DELETE FROM cerdas_search',
      'DELETE FROM cerdas_search_boosted',
      'DELETE FROM cerdas_search_documents',
      'DELETE FROM cerdas_search_terms',
      'DELETE FROM cerdas_search_fuzzy',
    ],
    'write',
  )
  let count = 0
  for (const source of sources) {
    const documents = await source(ctx)
    for (let i = 0; i < documents.length; i += 500) await ctx.search.upsert(documents.slice(i, i + 500))
    count += documents.length
  }
  await optimizeSearchIndex(ctx.db)
  return count
}

/** Merges the index's segments into one (after a rebuild or a bulk load); queries get faster. */
export async function optimizeSearchIndex(db: TenantDb): Promise<void> {
  await db.$client.batch(
    [
      "INSERT INTO cerdas_search (cerdas_search) VALUES ('optimize')",
      "INSERT INTO cerdas_search_boosted (cerdas_search_boosted) VALUES ('optimize')",
    ],
    'write',
  )
}
