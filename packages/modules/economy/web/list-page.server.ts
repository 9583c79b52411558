import type { TenantContext } from '@cerdas/core'
import type { Locale } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { type PlaceFilters, queryOf } from '@cerdas/places/list-query'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import economy from '../src/index'

interface ListedRecord {
  id: string
  slug: string
  name: { id: string }
}

/**
 * What an economy list page's loader answers, once it has read its filters: one page of places
 * (starting over when a stale cursor fails), counts for the kind filter and the kecamatan, the
 * map's tiles, the pager's base address and the items for the ItemList JSON-LD.
 * @example return listPageData(ctx, request, context.locale, { entity: eatery, kindColumn: 'type', filters: f, own, list, query, schemaType })
 */
export async function listPageData<F extends PlaceFilters, P extends { items: ListedRecord[] }>(
  ctx: TenantContext,
  request: Request,
  locale: Locale,
  o: {
    entity: { urls: { list: string }; table: SQLiteTable }
    /** Column of the kind filter (type, sector). */
    kindColumn: string
    filters: F
    /** The page's own filters by their query names (`jenis`, `halal`), for the pager's links. */
    own: Record<string, string | undefined>
    list: (
      query: Record<string, unknown> & { limit: number },
    ) => Promise<P & { nextCursor: string | null; withoutHours?: number }>
    query: Record<string, unknown>
    schemaType: (record: P['items'][number]) => string
  },
) {
  const url = new URL(request.url)
  const cursor = url.searchParams.get('cursor') ?? undefined
  const query = { limit: economy.settingsOf(ctx).pageSize, ...o.query }
  const page = await o.list({ ...query, cursor }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return o.list(query)
    throw error
  })
  const listUrl = o.entity.urls.list
  const q = queryOf(o.filters, o.own)
  return {
    listUrl,
    at: ctx.now().toISOString(),
    timezone: ctx.tenant.timezone,
    filters: o.filters,
    base: q ? `${listUrl}?${q}` : listUrl,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    withoutHours: page.withoutHours ?? 0,
    items: page.items as P['items'],
    types: await valueCounts(ctx, o.entity.table, o.kindColumn),
    kecamatans: await valueCounts(ctx, o.entity.table, 'kecamatan'),
    map: { tileUrl: ctx.tenant.branding.mapTileUrl ?? null, attribution: ctx.tenant.branding.mapAttribution ?? null },
    tenantName: ctx.tenant.name,
    pageUrl: `${url.origin}${listUrl}`,
    locale,
    jsonLdItems: page.items.map((r) => ({
      type: o.schemaType(r),
      name: r.name.id,
      url: `${url.origin}${listUrl}/${r.slug}`,
    })),
  }
}
