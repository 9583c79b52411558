import type { Locale, TenantContext } from '@cerdas/core'
import { correctTypos, indexedWords, parseTokens } from './search-query'
import { candidates } from './search-ranking'
import { localSnippet, type SnippetPart } from './search-snippets'
import { listTenantSynonyms, type SynonymGroup, synonymDictionary } from './search-synonyms'
import { tokenize } from './search-text'

/*
 * Searching the tenant's index (the index itself: search-index-writer.ts). The query side is in
 * search-query.ts (what was typed → units and an FTS5 match), search-ranking.ts (candidates read
 * in tiers and scored) and search-snippets.ts (the passage shown with each hit).
 */

export { createSearchIndexWriter, optimizeSearchIndex, rebuildSearchIndex } from './search-index-writer'
export { toMatchQuery } from './search-query'
export type { SnippetPart } from './search-snippets'
export type { SynonymGroup } from './search-synonyms'
export { listTenantSynonyms, PLATFORM_SYNONYMS, setTenantSynonyms } from './search-synonyms'

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
      const parts = localSnippet(c.text.body || c.titleIndonesian, ctx.locale, units)
      return {
        id: c.id,
        module: c.module,
        kind: c.kind,
        url: c.url,
        title: pick(ctx.locale, c.titleIndonesian, c.titleEnglish),
        snippet: parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join(''),
        snippetParts: parts,
      }
    })
}

function pick(locale: Locale, id: string, en: string | null): string {
  return locale === 'en' && en ? en : id
}
