import { tenantContext } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { pick } from '@cerdas/places/list-query'
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { DropPointListQuery } from '../src/droppoints'
import waste, { DROP_POINT_KINDS, dropPoint, dropPointSchemaType, listDropPoints, WASTE_TYPES } from '../src/index'

// The loader lives apart from the page: the module's entry point is server code only.

/** The list's filters from its query (Indonesian names); anything unknown is ignored. */
export function dropPointFiltersOf(params: URLSearchParams) {
  return {
    kind: pick(DROP_POINT_KINDS, params.get('jenis')),
    accepts: pick(WASTE_TYPES, params.get('menerima')),
    kecamatan: params.get('kecamatan')?.trim().slice(0, 100) || undefined,
    desa: params.get('desa')?.trim().slice(0, 100) || undefined,
    openNow: params.get('buka') === 'true' ? true : undefined,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const f = dropPointFiltersOf(url.searchParams)
  const cursor = url.searchParams.get('cursor') ?? undefined
  const query = {
    limit: waste.settingsOf(ctx).pageSize,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.accepts ? { accepts: [f.accepts] } : {}),
    ...(f.kecamatan ? { kecamatan: f.kecamatan } : {}),
    ...(f.desa ? { desa: f.desa } : {}),
    ...(f.openNow ? { openNow: true } : {}),
  } as DropPointListQuery
  // A stale or edited cursor starts over rather than failing.
  const page = await listDropPoints(ctx, { ...query, cursor }).catch((error) => {
    if (cursor) return listDropPoints(ctx, query)
    throw error
  })
  const listUrl = dropPoint.urls.list
  const q = new URLSearchParams()
  if (f.kind) q.set('jenis', f.kind)
  if (f.accepts) q.set('menerima', f.accepts)
  if (f.kecamatan) q.set('kecamatan', f.kecamatan)
  if (f.desa) q.set('desa', f.desa)
  if (f.openNow) q.set('buka', 'true')
  return {
    listUrl,
    at: ctx.now().toISOString(),
    timezone: ctx.tenant.timezone,
    filters: f,
    base: q.size > 0 ? `${listUrl}?${q}` : listUrl,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    withoutHours: page.withoutHours ?? 0,
    items: page.items,
    kinds: await valueCounts(ctx, dropPoint.table, 'kind'),
    kecamatans: await valueCounts(ctx, dropPoint.table, 'kecamatan'),
    map: { tileUrl: ctx.tenant.branding.mapTileUrl ?? null, attribution: ctx.tenant.branding.mapAttribution ?? null },
    tenantName: ctx.tenant.name,
    pageUrl: `${url.origin}${listUrl}`,
    locale: context.locale,
    jsonLdItems: page.items.map((p) => ({
      type: dropPointSchemaType(p.kind),
      name: p.name.id,
      url: `${url.origin}${listUrl}/${p.slug}`,
    })),
  }
}
