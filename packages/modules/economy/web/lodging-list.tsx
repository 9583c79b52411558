import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { listMeta, markersOf, pick, placeControls, placeFiltersOf } from '@cerdas/places/list-query'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { listLodgings, lodging, lodgingSchemaType } from '../src/index'
import { LODGING_TYPE_LABELS, LODGING_TYPES } from '../src/labels'
import { nightlyRange } from '../src/prices'
import { listPageData } from './list-page.server'
import { messages } from './messages'

const STARS = ['1', '2', '3', '4', '5'] as const

/** The list's filters from its query: the shared ones, type and star class. */
export function lodgingFiltersOf(params: URLSearchParams) {
  const stars = pick(STARS, params.get('bintang'))
  return {
    ...placeFiltersOf(params),
    type: pick(LODGING_TYPES, params.get('jenis')),
    starClass: stars ? Number(stars) : undefined,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const f = lodgingFiltersOf(new URL(request.url).searchParams)
  return listPageData(ctx, request, context.locale, {
    entity: lodging,
    kindColumn: 'type',
    filters: f,
    own: { jenis: f.type, bintang: f.starClass ? String(f.starClass) : undefined },
    list: (query) => listLodgings(ctx, query as Parameters<typeof listLodgings>[1]),
    query: {
      type: f.type,
      kecamatan: f.kecamatan,
      priceLevel: f.priceLevel,
      facilities: f.facilities,
      openNow: f.openNow,
      starClass: f.starClass,
    },
    schemaType: (r) => lodgingSchemaType(r.type),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  listMeta({ id: messages.id.lodgingsTitle, en: messages.en.lodgingsTitle }, messages.id.lodgingsIntro, data)

export default function LodgingList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const f = data.filters
  const controls: FilterControl[] = [
    {
      kind: 'select',
      name: 'jenis',
      label: t('filterType'),
      options: data.types.map((c) => ({
        value: c.value,
        label: pickText(LODGING_TYPE_LABELS[c.value as keyof typeof LODGING_TYPE_LABELS] ?? { id: c.value }, locale),
        count: c.count,
      })),
      value: f.type,
    },
    {
      kind: 'select',
      name: 'bintang',
      label: t('filterStars'),
      options: STARS.map((n) => ({ value: n, label: t('stars', { count: n }) })),
      value: f.starClass ? String(f.starClass) : undefined,
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
      title={t('lodgingsTitle')}
      intro={t('lodgingsIntro')}
      listUrl={data.listUrl}
      controls={controls}
      active={active}
      empty={{ filtered: t('empty'), all: t('emptyAll'), clear: t('clearFilters') }}
      withoutHours={f.openNow && data.withoutHours > 0 ? t('withoutHours', { count: String(data.withoutHours) }) : null}
      map={{ markers, tileUrl: data.map.tileUrl, attribution: data.map.attribution }}
      kind="lodgings"
      pager={{ basePath: data.base, nextCursor: data.nextCursor, isFirst: data.isFirst }}
      locale={locale}
    >
      {data.items.map((e) => (
        <PlaceCard
          key={e.id}
          name={pickText(e.name, locale)}
          url={`${data.listUrl}/${e.slug}`}
          kind={pickText(LODGING_TYPE_LABELS[e.type], locale)}
          kecamatan={e.kecamatan}
          status={e.hours}
          at={data.at}
          timezone={data.timezone}
          coordinates={e.coordinates}
          facts={[
            ...(e.starClass ? [t('starClass', { count: String(e.starClass) })] : []),
            ...(nightlyRange(e) ? [t('pricePerNight', { range: nightlyRange(e) ?? '' })] : []),
            ...(e.priceLevel ? [pickText(PRICE_LEVEL_LABELS[e.priceLevel], locale)] : []),
          ]}
          verified={e.verification.verified}
          locale={locale}
        />
      ))}
    </PlaceListView>
  )
}
