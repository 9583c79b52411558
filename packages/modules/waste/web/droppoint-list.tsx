import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { listMeta, markersOf, pick } from '@cerdas/places/list-query'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { DropPointListQuery } from '../src/droppoints'
import waste, {
  DROP_POINT_KIND_LABELS,
  DROP_POINT_KINDS,
  dropPoint,
  dropPointSchemaType,
  listDropPoints,
  WASTE_TYPE_LABELS,
  WASTE_TYPES,
} from '../src/index'
import { messages } from './messages'

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

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  listMeta({ id: messages.id.listTitle, en: messages.en.listTitle }, messages.id.listIntro, data)

export default function DropPointList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const f = data.filters
  const controls: FilterControl[] = [
    {
      kind: 'select',
      name: 'jenis',
      label: t('filterKind'),
      options: data.kinds.map((c) => ({
        value: c.value,
        label: pickText(
          DROP_POINT_KIND_LABELS[c.value as keyof typeof DROP_POINT_KIND_LABELS] ?? { id: c.value },
          locale,
        ),
        count: c.count,
      })),
      value: f.kind,
    },
    {
      kind: 'select',
      name: 'menerima',
      label: t('filterAccepts'),
      options: WASTE_TYPES.map((w) => ({ value: w, label: pickText(WASTE_TYPE_LABELS[w], locale) })),
      value: f.accepts,
    },
    {
      kind: 'select',
      name: 'kecamatan',
      label: t('filterKecamatan'),
      options: data.kecamatans.map((c) => ({ value: c.value, label: c.value, count: c.count })),
      value: f.kecamatan,
    },
    { kind: 'checkbox', name: 'buka', label: t('filterOpenNow'), checked: f.openNow === true },
  ]
  const active = Object.values(f).some((v) => v !== undefined)
  const markers = markersOf(
    data.items,
    (p) => pickText(p.name, locale),
    (p) => `${data.listUrl}/${p.slug}`,
  )
  return (
    <PlaceListView
      title={t('listTitle')}
      intro={t('listIntro')}
      listUrl={data.listUrl}
      controls={controls}
      active={active}
      empty={{ filtered: t('empty'), all: t('emptyAll'), clear: t('clearFilters') }}
      withoutHours={f.openNow && data.withoutHours > 0 ? t('withoutHours', { count: String(data.withoutHours) }) : null}
      map={{ markers, tileUrl: data.map.tileUrl, attribution: data.map.attribution }}
      kind="droppoints"
      pager={{ basePath: data.base, nextCursor: data.nextCursor, isFirst: data.isFirst }}
      locale={locale}
    >
      {data.items.map((p) => (
        <PlaceCard
          key={p.id}
          name={pickText(p.name, locale)}
          url={`${data.listUrl}/${p.slug}`}
          kind={pickText(DROP_POINT_KIND_LABELS[p.kind], locale)}
          kecamatan={p.kecamatan}
          status={p.hours}
          at={data.at}
          timezone={data.timezone}
          coordinates={p.coordinates}
          facts={p.accepts.slice(0, 4).map((w) => pickText(WASTE_TYPE_LABELS[w], locale))}
          verified={p.verification.verified}
          locale={locale}
        />
      ))}
    </PlaceListView>
  )
}
