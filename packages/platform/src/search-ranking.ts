import type { TenantDb } from '@cerdas/core'
import { matchExpression, type ParsedQuery, type QueryUnit } from './search-query'
import { containsRun } from './search-synonyms'
import { tokenize } from './search-text'

/**
 * Ranking: which documents a match finds, read in tiers (boosted documents first, then title
 * matches, then body matches) and scored by boost, field and match strength, bm25 breaking ties.
 */

/** A candidate document, read and scored. */
export interface Candidate {
  rowid: number
  /** FTS5's bm25 in the index it was ranked in (lower is better); breaks ties. */
  bm25: number
  id: string
  module: string
  kind: string
  url: string
  titleIndonesian: string
  titleEnglish: string | null
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
      titleIndonesian: String(r.title_id),
      titleEnglish: r.title_en === null ? null : String(r.title_en),
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
export async function candidates(
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
