import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { listMeta, markersOf, pick, placeControls, placeFiltersOf, queryOf } from '@cerdas/places/list-query'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import economy, { business, businessSchemaType, listBusinesses } from '../src/index'
import { SECTOR_LABELS, SECTORS } from '../src/labels'
import { messages } from './messages'

/** The list's filters from its query: the shared ones and the sector. */
export function businessFiltersOf(params: URLSearchParams) {
  return { ...placeFiltersOf(params), sector: pick(SECTORS, params.get('sektor')) }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const f = businessFiltersOf(url.searchParams)
  const cursor = url.searchParams.get('cursor') ?? undefined
  const query = {
    limit: economy.settingsOf(ctx).pageSize,
    sector: f.sector,
    kecamatan: f.kecamatan,
    priceLevel: f.priceLevel,
    facilities: f.facilities,
    openNow: f.openNow,
  }
  const page = await listBusinesses(ctx, { ...query, cursor }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return listBusinesses(ctx, query)
    throw error
  })
  const own = { sektor: f.sector }
  const q = queryOf(f, own)
  return {
    listUrl: business.urls.list,
    at: ctx.now().toISOString(),
    timezone: ctx.tenant.timezone,
    filters: f,
    base: q ? `${business.urls.list}?${q}` : business.urls.list,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    withoutHours: page.withoutHours ?? 0,
    items: page.items,
    types: await valueCounts(ctx, business.table, 'sector'),
    kecamatans: await valueCounts(ctx, business.table, 'kecamatan'),
    map: { tileUrl: ctx.tenant.branding.mapTileUrl ?? null, attribution: ctx.tenant.branding.mapAttribution ?? null },
    tenantName: ctx.tenant.name,
    pageUrl: `${url.origin}${business.urls.list}`,
    locale: context.locale,
    jsonLdItems: page.items.map((e) => ({
      type: businessSchemaType(e.sector),
      name: e.name.id,
      url: `${url.origin}${business.urls.list}/${e.slug}`,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  listMeta({ id: messages.id.businessesTitle, en: messages.en.businessesTitle }, messages.id.businessesIntro, data)

export default function BusinessList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const f = data.filters
  const controls: FilterControl[] = [
    {
      kind: 'select',
      name: 'sektor',
      label: t('filterSector'),
      options: data.types.map((c) => ({
        value: c.value,
        label: pickText(SECTOR_LABELS[c.value as keyof typeof SECTOR_LABELS] ?? { id: c.value }, locale),
        count: c.count,
      })),
      value: f.sector,
    },
    ...placeControls(
      f,
      data.kecamatans,
      {
        kecamatan: t('filterKecamatan'),
        openNow: t('filterOpenNow'),
        price: t('filterPrice'),
        facilities: t('filterFacilities'),
      },
      locale,
    ),
  ]
  const active = Object.values(f).some((v) => v !== undefined)
  const markers = markersOf(
    data.items,
    (e) => pickText(e.name, locale),
    (e) => `${data.listUrl}/${e.slug}`,
  )
  return (
    <PlaceListView
      title={t('businessesTitle')}
      intro={t('businessesIntro')}
      listUrl={data.listUrl}
      controls={controls}
      active={active}
      empty={{ filtered: t('empty'), all: t('emptyAll'), clear: t('clearFilters') }}
      withoutHours={f.openNow && data.withoutHours > 0 ? t('withoutHours', { count: String(data.withoutHours) }) : null}
      map={{ markers, tileUrl: data.map.tileUrl, attribution: data.map.attribution }}
      kind="businesses"
      pager={{ basePath: data.base, nextCursor: data.nextCursor, isFirst: data.isFirst }}
      locale={locale}
    >
      {data.items.map((e) => (
        <PlaceCard
          key={e.id}
          name={pickText(e.name, locale)}
          url={`${data.listUrl}/${e.slug}`}
          kind={pickText(SECTOR_LABELS[e.sector], locale)}
          kecamatan={e.kecamatan}
          status={e.hours}
          at={data.at}
          timezone={data.timezone}
          coordinates={e.coordinates}
          facts={[
            ...e.products.slice(0, 3),
            ...(e.priceLevel ? [pickText(PRICE_LEVEL_LABELS[e.priceLevel], locale)] : []),
          ]}
          verified={e.verification.verified}
          locale={locale}
        />
      ))}
    </PlaceListView>
  )
}
