import type { SearchDocument, SearchIndexWriter, TenantContext, TenantDb } from '@cerdas/core'
import type { InStatement } from '@libsql/client'
import { bothLanguages, isVocabularyWord, tokenize } from './search-text'

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
          ...documentStatements(latest),
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

/**
 * Writes documents whose index rows the batch has already deleted: three statements for the whole
 * batch, the documents passed as one JSON parameter, since each statement costs more to prepare
 * and run than a document's row does to write.
 */
function documentStatements(documents: SearchDocument[]): InStatement[] {
  const rows = documents.map((doc) => [
    doc.id,
    doc.module,
    doc.kind,
    doc.url,
    doc.title.id,
    doc.title.en ?? null,
    doc.boost ?? 0,
    bothLanguages(doc.title),
    bothLanguages(doc.body),
    (doc.keywords ?? []).join(' '),
  ])
  const batch = [JSON.stringify(rows)]
  const at = (i: number) => `json_extract(value, '$[${i}]')`
  // The FTS rows take the rowid of their document's row, in the batch's order.
  const indexed = (columns: string) =>
    `SELECT d.rowid, ${columns}, ${at(7)}, ${at(8)}, ${at(9)} FROM json_each(?) AS j
      JOIN cerdas_search_documents AS d ON d.id = ${at(0)}`
  return [
    {
      sql: `INSERT INTO cerdas_search_documents (id, module, kind, url, title_id, title_en, boost)
        SELECT ${[0, 1, 2, 3, 4, 5, 6].map(at).join(', ')} FROM json_each(?) WHERE true
        ON CONFLICT (id) DO UPDATE SET module = excluded.module, kind = excluded.kind, url = excluded.url,
        title_id = excluded.title_id, title_en = excluded.title_en, boost = excluded.boost`,
      args: batch,
    },
    {
      sql: `INSERT INTO cerdas_search (rowid, id, title, body, keywords) ${indexed('d.id')} ORDER BY j.key`,
      args: batch,
    },
    {
      sql: `INSERT INTO cerdas_search_boosted (rowid, boost, title, body, keywords) ${indexed('d.boost')}
        WHERE d.boost <> 0 ORDER BY j.key`,
      args: batch,
    },
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
    for (const t of tokenize(
      `${bothLanguages(doc.title)} ${bothLanguages(doc.body)} ${(doc.keywords ?? []).join(' ')}`,
    ))
      tokens.add(t)
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
