import { and } from 'drizzle-orm'
import type { SearchDocument, TenantContext } from '../tenant'
import type { EntityRow } from './rows'
import { type EntityStore, findRow, type Record_, rowsInOrder, toRecord, visibility } from './store'

/** The search document of a record, from its fields marked `search`; null when it has no title or no URL. */
export function searchDocumentOf(store: EntityStore, record: Record_, url?: string): SearchDocument | null {
  const d = store.declaration
  if (!d.page && !url) return null
  let title: SearchDocument['title'] | undefined
  const body: string[] = []
  const bodyEn: string[] = []
  const keywords: string[] = []
  for (const [name, f] of Object.entries(d.fields)) {
    const value = record[name]
    if (!f.search || f.private || value === null || value === undefined) continue
    const text =
      typeof value === 'object' && !Array.isArray(value)
        ? (value as { id: string; en?: string })
        : { id: Array.isArray(value) ? value.join(' ') : String(value) }
    if (f.search === 'title') title ??= text
    else if (f.search === 'body') {
      body.push(text.id)
      if (text.en) bodyEn.push(text.en)
    } else keywords.push(...(Array.isArray(value) ? (value as string[]) : [text.id]))
  }
  if (!title) return null
  return {
    id: record.id as string,
    module: d.module,
    kind: d.name,
    title,
    ...(body.length > 0
      ? { body: { id: body.join('\n'), ...(bodyEn.length > 0 ? { en: bodyEn.join('\n') } : {}) } }
      : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    url: url ?? `${d.page}/${(record.slug as string | undefined) ?? record.id}`,
    ...(d.searchBoost !== undefined ? { boost: d.searchBoost } : {}),
  }
}

/** The record's search entry brought up to date: written while the public may open it, removed otherwise. */
export async function reindex(ctx: TenantContext, store: EntityStore, id: string) {
  const now = ctx.now().toISOString()
  const row = await findRow(ctx, store, id, visibility(store, now, false))
  const record = row ? toRecord(store, row, now, false) : null
  const urls = record ? await linkedUrls(ctx, store, [record]) : undefined
  const document = record ? searchDocumentOf(store, record, urls?.get(id)) : null
  if (document) await ctx.search.upsert([document])
  else await ctx.search.remove([id])
}

/** Every search document of the entity, for rebuilding the index. */
export async function searchDocuments(ctx: TenantContext, store: EntityStore): Promise<SearchDocument[]> {
  const now = ctx.now().toISOString()
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(and(...visibility(store, now, false)))) as EntityRow[]
  const records = rows.map((row) => toRecord(store, row, now, false))
  const urls = await linkedUrls(ctx, store, records)
  return records
    .map((record) => searchDocumentOf(store, record, urls?.get(record.id as string)))
    .filter((d) => d !== null)
}

/** The URLs of records shown on another record's page, for their search entries. */
export async function linkedUrls(ctx: TenantContext, store: EntityStore, records: Record_[]) {
  const d = store.declaration
  return d.page || !d.searchUrls || records.length === 0 ? undefined : d.searchUrls(ctx, records)
}

/** The public record pages for the sitemap: what the public list shows, with when each last changed. */
export async function sitemapEntries(ctx: TenantContext, store: EntityStore) {
  const d = store.declaration
  if (!d.page) return []
  const rows = await rowsInOrder(ctx, store, visibility(store, ctx.now().toISOString(), true))
  return rows.map((row) => ({
    path: `${d.page}/${(row.slug as string | undefined) ?? row.id}`,
    lastModified: row.updatedAt,
  }))
}
