import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { listMeta, markersOf, pick, placeControls, placeFiltersOf } from '@cerdas/places/list-query'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { eatery, eaterySchemaType, listEateries } from '../src/index'
import { EATERY_TYPE_LABELS, EATERY_TYPES, HALAL_STATUS_LABELS, PORK_STATUS_LABELS } from '../src/labels'
import { listPageData } from './list-page.server'
import { messages } from './messages'

/** The list's filters from its query: the shared ones, type, halal and "no pork". */
export function eateryFiltersOf(params: URLSearchParams) {
  return {
    ...placeFiltersOf(params),
    type: pick(EATERY_TYPES, params.get('jenis')),
    halal: params.get('halal') === 'true' ? true : undefined,
    noPork: params.get('tanpa_babi') === 'true' ? true : undefined,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const f = eateryFiltersOf(new URL(request.url).searchParams)
  return listPageData(ctx, request, context.locale, {
    entity: eatery,
    kindColumn: 'type',
    filters: f,
    own: { jenis: f.type, halal: f.halal ? 'true' : undefined, tanpa_babi: f.noPork ? 'true' : undefined },
    list: (query) => listEateries(ctx, query as Parameters<typeof listEateries>[1]),
    query: {
      type: f.type,
      kecamatan: f.kecamatan,
      priceLevel: f.priceLevel,
      facilities: f.facilities,
      openNow: f.openNow,
      halal: f.halal ? ('true' as const) : undefined,
      servesPork: f.noPork ? ('no' as const) : undefined,
    },
    schemaType: (r) => eaterySchemaType(r.type),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  listMeta({ id: messages.id.eateriesTitle, en: messages.en.eateriesTitle }, messages.id.eateriesIntro, data)

export default function EateryList() {
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
        label: pickText(EATERY_TYPE_LABELS[c.value as keyof typeof EATERY_TYPE_LABELS] ?? { id: c.value }, locale),
        count: c.count,
      })),
      value: f.type,
    },
    { kind: 'checkbox', name: 'halal', label: t('filterHalal'), checked: f.halal === true },
    { kind: 'checkbox', name: 'tanpa_babi', label: t('filterNoPork'), checked: f.noPork === true },
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
      title={t('eateriesTitle')}
      intro={t('eateriesIntro')}
      listUrl={data.listUrl}
      controls={controls}
      active={active}
      empty={{ filtered: t('empty'), all: t('emptyAll'), clear: t('clearFilters') }}
      withoutHours={f.openNow && data.withoutHours > 0 ? t('withoutHours', { count: String(data.withoutHours) }) : null}
      map={{ markers, tileUrl: data.map.tileUrl, attribution: data.map.attribution }}
      kind="eateries"
      pager={{ basePath: data.base, nextCursor: data.nextCursor, isFirst: data.isFirst }}
      locale={locale}
    >
      {data.items.map((e) => (
        <PlaceCard
          key={e.id}
          name={pickText(e.name, locale)}
          url={`${data.listUrl}/${e.slug}`}
          kind={pickText(EATERY_TYPE_LABELS[e.type], locale)}
          kecamatan={e.kecamatan}
          status={e.hours}
          at={data.at}
          timezone={data.timezone}
          coordinates={e.coordinates}
          facts={[
            // The halal statement is what most visitors scan a list for: shown whenever it is known.
            ...(e.halal !== 'unknown' ? [pickText(HALAL_STATUS_LABELS[e.halal], locale)] : []),
            ...(e.servesPork !== 'unknown' ? [pickText(PORK_STATUS_LABELS[e.servesPork], locale)] : []),
            ...(e.priceLevel ? [pickText(PRICE_LEVEL_LABELS[e.priceLevel], locale)] : []),
          ]}
          verified={e.verification.verified}
          locale={locale}
        />
      ))}
    </PlaceListView>
  )
}
