import type { Locale, SearchDocument, SearchIndexWriter, TenantContext, TenantDb } from '@cerdas/core'

/** Keeps the tenant's FTS5 index in step with module writes. */
export function createSearchIndexWriter(db: TenantDb): SearchIndexWriter {
  return {
    async upsert(documents) {
      if (documents.length === 0) return
      await db.$client.batch(documents.flatMap(documentStatements), 'write')
    },
    async remove(ids) {
      if (ids.length === 0) return
      await db.$client.batch(
        ids.flatMap((id) => [
          { sql: 'DELETE FROM cerdas_search WHERE id = ?', args: [id] },
          { sql: 'DELETE FROM cerdas_search_documents WHERE id = ?', args: [id] },
        ]),
        'write',
      )
    },
  }
}

function documentStatements(doc: SearchDocument) {
  const text = (t: { id: string; en?: string | undefined } | undefined) => [t?.id, t?.en].filter(Boolean).join(' \n ')
  return [
    { sql: 'DELETE FROM cerdas_search WHERE id = ?', args: [doc.id] },
    {
      sql: 'INSERT INTO cerdas_search (id, title, body, keywords) VALUES (?, ?, ?, ?)',
      args: [doc.id, text(doc.title), text(doc.body), (doc.keywords ?? []).join(' ')],
    },
    {
      sql: `INSERT INTO cerdas_search_documents (id, module, kind, url, title_id, title_en, boost) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET module = excluded.module, kind = excluded.kind, url = excluded.url,
        title_id = excluded.title_id, title_en = excluded.title_en, boost = excluded.boost`,
      args: [doc.id, doc.module, doc.kind, doc.url, doc.title.id, doc.title.en ?? null, doc.boost ?? 0],
    },
  ]
}

export interface SearchHit {
  id: string
  module: string
  kind: string
  url: string
  title: string
  snippet: string
}

/** Turns what a person typed into an FTS5 query of prefix terms, so "pengum" finds "pengumuman". */
export function toMatchQuery(q: string): string | undefined {
  const terms = q
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
  if (terms.length === 0) return undefined
  return terms.map((t) => `"${t}"*`).join(' ')
}

/**
 * Searches the tenant's index. Ranked by FTS5 bm25 with title matches
 * weighted highest, then by the module's boost.
 */
export async function searchTenant(ctx: TenantContext, q: string, limit = 10): Promise<SearchHit[]> {
  const match = toMatchQuery(q)
  if (!match) return []
  const result = await ctx.db.$client.execute({
    sql: `SELECT s.id, d.module, d.kind, d.url, d.title_id, d.title_en,
        snippet(cerdas_search, 2, '[', ']', '…', 12) AS snippet
      FROM cerdas_search s JOIN cerdas_search_documents d ON d.id = s.id
      WHERE cerdas_search MATCH ?
      ORDER BY bm25(cerdas_search, 0, 10, 1, 5) - d.boost LIMIT ?`,
    args: [match, Math.min(Math.max(limit, 1), 50)],
  })
  return result.rows.map((r) => ({
    id: String(r.id),
    module: String(r.module),
    kind: String(r.kind),
    url: String(r.url),
    title: pick(ctx.locale, r.title_id as string, r.title_en as string | null),
    snippet: String(r.snippet ?? ''),
  }))
}

function pick(locale: Locale, id: string, en: string | null): string {
  return locale === 'en' && en ? en : id
}

/** Rebuilds the whole index from every enabled module's search documents. */
export async function rebuildSearchIndex(
  ctx: TenantContext,
  sources: ((ctx: TenantContext) => Promise<SearchDocument[]>)[],
): Promise<number> {
  await ctx.db.$client.batch(['DELETE FROM cerdas_search', 'DELETE FROM cerdas_search_documents'], 'write')
  let count = 0
  for (const source of sources) {
    const documents = await source(ctx)
    for (let i = 0; i < documents.length; i += 500) await ctx.search.upsert(documents.slice(i, i + 500))
    count += documents.length
  }
  return count
}
