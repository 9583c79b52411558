import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { listMeta, markersOf, pick, placeControls, placeFiltersOf, queryOf } from '@cerdas/places/list-query'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import economy, { listLodgings, lodging, lodgingSchemaType } from '../src/index'
import { LODGING_TYPE_LABELS, LODGING_TYPES } from '../src/labels'
import { nightlyRange } from '../src/prices'
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
  const url = new URL(request.url)
  const f = lodgingFiltersOf(url.searchParams)
  const cursor = url.searchParams.get('cursor') ?? undefined
  const query = {
    limit: economy.settingsOf(ctx).pageSize,
    type: f.type,
    kecamatan: f.kecamatan,
    priceLevel: f.priceLevel,
    facilities: f.facilities,
    openNow: f.openNow,
    starClass: f.starClass,
  }
  const page = await listLodgings(ctx, { ...query, cursor }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return listLodgings(ctx, query)
    throw error
  })
  const own = { jenis: f.type, bintang: f.starClass ? String(f.starClass) : undefined }
  const q = queryOf(f, own)
  return {
    listUrl: lodging.urls.list,
    at: ctx.now().toISOString(),
    timezone: ctx.tenant.timezone,
    filters: f,
    base: q ? `${lodging.urls.list}?${q}` : lodging.urls.list,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    withoutHours: page.withoutHours ?? 0,
    items: page.items,
    types: await valueCounts(ctx, lodging.table, 'type'),
    kecamatans: await valueCounts(ctx, lodging.table, 'kecamatan'),
    map: { tileUrl: ctx.tenant.branding.mapTileUrl ?? null, attribution: ctx.tenant.branding.mapAttribution ?? null },
    tenantName: ctx.tenant.name,
    pageUrl: `${url.origin}${lodging.urls.list}`,
    locale: context.locale,
    jsonLdItems: page.items.map((e) => ({
      type: lodgingSchemaType(e.type),
      name: e.name.id,
      url: `${url.origin}${lodging.urls.list}/${e.slug}`,
    })),
  }
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
