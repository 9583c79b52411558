import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { listMeta, markersOf, pick, placeControls, placeFiltersOf } from '@cerdas/places/list-query'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { business, businessSchemaType, listBusinesses } from '../src/index'
import { SECTOR_LABELS, SECTORS } from '../src/labels'
import { listPageData } from './list-page.server'
import { messages } from './messages'

/** The list's filters from its query: the shared ones and the sector. */
export function businessFiltersOf(params: URLSearchParams) {
  return { ...placeFiltersOf(params), sector: pick(SECTORS, params.get('sektor')) }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const f = businessFiltersOf(new URL(request.url).searchParams)
  return listPageData(ctx, request, context.locale, {
    entity: business,
    kindColumn: 'sector',
    filters: f,
    own: { sektor: f.sector },
    list: (query) => listBusinesses(ctx, query as Parameters<typeof listBusinesses>[1]),
    query: {
      sector: f.sector,
      kecamatan: f.kecamatan,
      priceLevel: f.priceLevel,
      facilities: f.facilities,
      openNow: f.openNow,
    },
    schemaType: (r) => businessSchemaType(r.sector),
  })
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
