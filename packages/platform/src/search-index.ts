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
 * (module, kind, url, titles, boost), plus `cerdas_search_terms` (every word
 * of 4–24 letters ever indexed) and `cerdas_search_fuzzy` (each such word and
 * its forms with one letter left out) for typo correction.
 */

/** Keeps the tenant's FTS5 index in step with module writes. */
export function createSearchIndexWriter(db: TenantDb): SearchIndexWriter {
  return {
    async upsert(documents) {
      if (documents.length === 0) return
      await db.$client.batch([...documents.flatMap(documentStatements), ...vocabularyStatements(documents)], 'write')
    },
    async remove(ids) {
      if (ids.length === 0) return
      await db.$client.batch(
        ids.flatMap((id) => [
          {
            sql: 'DELETE FROM cerdas_search WHERE rowid = (SELECT rowid FROM cerdas_search_documents WHERE id = ?)',
            args: [id],
          },
          { sql: 'DELETE FROM cerdas_search_documents WHERE id = ?', args: [id] },
        ]),
        'write',
      )
    },
  }
}

const text = (t: { id: string; en?: string | undefined } | undefined) => [t?.id, t?.en].filter(Boolean).join(' \n ')

function documentStatements(doc: SearchDocument): InStatement[] {
  return [
    {
      sql: `INSERT INTO cerdas_search_documents (id, module, kind, url, title_id, title_en, boost) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET module = excluded.module, kind = excluded.kind, url = excluded.url,
        title_id = excluded.title_id, title_en = excluded.title_en, boost = excluded.boost`,
      args: [doc.id, doc.module, doc.kind, doc.url, doc.title.id, doc.title.en ?? null, doc.boost ?? 0],
    },
    {
      sql: 'DELETE FROM cerdas_search WHERE rowid = (SELECT rowid FROM cerdas_search_documents WHERE id = ?)',
      args: [doc.id],
    },
    {
      sql: `INSERT INTO cerdas_search (rowid, id, title, body, keywords)
        VALUES ((SELECT rowid FROM cerdas_search_documents WHERE id = ?), ?, ?, ?, ?)`,
      args: [doc.id, doc.id, text(doc.title), text(doc.body), (doc.keywords ?? []).join(' ')],
    },
  ]
}

/** Adds the batch's new words (and their one-letter-deleted forms) to the typo index. */
function vocabularyStatements(documents: SearchDocument[]): InStatement[] {
  const words = new Set<string>()
  for (const doc of documents) {
    for (const t of tokenize(`${text(doc.title)} ${text(doc.body)} ${(doc.keywords ?? []).join(' ')}`)) {
      if (isVocabularyWord(t)) words.add(t)
    }
  }
  if (words.size === 0) return []
  const json = JSON.stringify([...words])
  return [
    {
      sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24),
          fresh(term) AS (SELECT value FROM json_each(?) WHERE value NOT IN (SELECT term FROM cerdas_search_terms))
        INSERT OR IGNORE INTO cerdas_search_fuzzy (variant, term)
        SELECT CASE WHEN i = 0 THEN term ELSE substr(term, 1, i - 1) || substr(term, i + 1) END, term
        FROM fresh JOIN n ON n.i <= length(term)`,
      args: [json],
    },
    { sql: 'INSERT OR IGNORE INTO cerdas_search_terms (term) SELECT value FROM json_each(?)', args: [json] },
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
      : { phrases: [[typed]], prefix: typed.length >= 3 ? typed : undefined }
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
  if (unit.prefix) terms.push(`${quote(unit.prefix)}*`)
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

/** Typo corrections for the words the index does not know (nor any word starting with them). */
async function correctTypos(
  db: TenantDb,
  tokens: string[],
  dictionary: SynonymDictionary,
): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>()
  const checkable = [
    ...new Set(tokens.filter((t) => isVocabularyWord(t) && !STOP_WORDS.has(t) && !dictionary.words.has(t))),
  ]
  if (checkable.length === 0) return corrections
  const unknown = await db.$client.execute({
    sql: `SELECT value FROM json_each(?) WHERE NOT EXISTS (
        SELECT 1 FROM cerdas_search_terms WHERE term >= value AND term < value || char(1114111))`,
    args: [JSON.stringify(checkable)],
  })
  for (const row of unknown.rows) {
    const word = String(row.value)
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

interface Candidate {
  rowid: number
  id: string
  module: string
  kind: string
  url: string
  titleId: string
  titleEn: string | null
  boost: number
  bm25: number
}

/** Above this many matching documents, ranking all of them costs more than a search may take. */
const WIDE = 4000
/** How many of the newest matches a wide query ranks besides its title and keyword matches. */
const WIDE_RECENT = 1000

async function candidates(db: TenantDb, match: string, count: number): Promise<Candidate[]> {
  const probe = await db.$client.execute({
    sql: 'SELECT count(*) AS n FROM (SELECT rowid FROM cerdas_search WHERE cerdas_search MATCH ? LIMIT ?)',
    args: [match, WIDE + 1],
  })
  if (Number(probe.rows[0]?.n) <= WIDE) return ranked(db, match, count)
  // A very common word: rank every document with it in the title or keywords,
  // and, of those with it only in the body, the newest.
  const inTitles = await ranked(db, `{title keywords} : (${match})`, count)
  const recent = await ranked(db, match, count, WIDE_RECENT)
  const seen = new Set(inTitles.map((c) => c.rowid))
  return [...inTitles, ...recent.filter((c) => !seen.has(c.rowid))]
}

async function ranked(db: TenantDb, match: string, count: number, newest?: number): Promise<Candidate[]> {
  const source = newest
    ? `(SELECT rowid, bm25(cerdas_search, 0, 10, 1, 5) AS b FROM cerdas_search WHERE cerdas_search MATCH ?
        ORDER BY rowid DESC LIMIT ${Math.trunc(newest)})`
    : `(SELECT rowid, bm25(cerdas_search, 0, 10, 1, 5) AS b FROM cerdas_search WHERE cerdas_search MATCH ?)`
  const result = await db.$client.execute({
    sql: `SELECT d.rowid AS r, d.id, d.module, d.kind, d.url, d.title_id, d.title_en, d.boost, s.b
      FROM ${source} s JOIN cerdas_search_documents d ON d.rowid = s.rowid
      ORDER BY s.b - d.boost LIMIT ?`,
    args: [match, count],
  })
  return result.rows.map((r) => ({
    rowid: Number(r.r),
    id: String(r.id),
    module: String(r.module),
    kind: String(r.kind),
    url: String(r.url),
    titleId: String(r.title_id),
    titleEn: r.title_en === null ? null : String(r.title_en),
    boost: Number(r.boost),
    bm25: Number(r.b),
  }))
}

/**
 * A document's boost outweighs where the words matched: with services at 10,
 * offices at 5 and news at 0, an office that names a word in its body still
 * ranks above a news item with it in the title.
 */
const BOOST_WEIGHT = 2
const FIELD_WEIGHTS = { title: 10, keywords: 6, body: 2 } as const
type Field = keyof typeof FIELD_WEIGHTS

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
 * Searches the tenant's index. Understands Indonesian abbreviations and their
 * long forms ("ktp" ↔ "kartu tanda penduduk", "e-KTP" = "KTP-el"), ignores
 * words like "cara" or "bikin", corrects one-letter typos ("kelahran") against
 * the words the index holds, and ranks by the document's boost (services,
 * then offices, then news), then title over keywords over body, whole words
 * over prefixes, then FTS5 bm25.
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
  const corrections = await correctTypos(db, tokens, dictionary)
  const query = parseTokens(tokens, dictionary, corrections)
  if (query.required.length === 0) return []
  const pool = Math.max(40, count * 2)
  let found = await candidates(db, matchExpression(query.required, 'AND'), pool)
  // Nothing has every word: take what has most of them.
  if (found.length === 0 && query.required.length > 1) {
    found = await candidates(db, matchExpression(query.required, 'OR'), pool)
  }
  if (found.length === 0) return []

  const content = await db.$client.execute({
    sql: 'SELECT rowid AS r, title, body, keywords FROM cerdas_search WHERE rowid IN (SELECT value FROM json_each(?))',
    args: [JSON.stringify(found.map((c) => c.rowid))],
  })
  const texts = new Map(
    content.rows.map((r) => [
      Number(r.r),
      { title: String(r.title ?? ''), body: String(r.body ?? ''), keywords: String(r.keywords ?? '') },
    ]),
  )
  const ranked = found
    .map((c) => {
      const t = texts.get(c.rowid) ?? { title: c.titleId, body: '', keywords: '' }
      const fields = { title: tokenize(t.title), keywords: tokenize(t.keywords), body: tokenize(t.body) }
      const relevance = query.required.reduce((sum, u) => sum + unitScore(u, fields), 0) / query.required.length
      const soft = query.soft.reduce((sum, u) => sum + unitScore(u, fields) / 10, 0)
      return { c, t, score: relevance + soft + BOOST_WEIGHT * c.boost }
    })
    .sort((a, b) => b.score - a.score || a.c.bm25 - b.c.bm25)
    .slice(0, count)

  const units = [...query.required, ...query.soft]
  return ranked.map(({ c, t }) => {
    const parts = snippetParts(t.body || c.titleId, units)
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
  await db.$client.execute("INSERT INTO cerdas_search (cerdas_search) VALUES ('optimize')")
}
