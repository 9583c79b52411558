import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { listMeta, markersOf, pick, placeControls, placeFiltersOf, queryOf } from '@cerdas/places/list-query'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import tourism, { attraction, listAttractions } from '../src/index'
import { ATTRACTION_CATEGORIES, ATTRACTION_CATEGORY_LABELS } from '../src/labels'
import { messages } from './messages'

/** The list's filters from its query: the shared ones, category and free entry. */
export function filtersOf(params: URLSearchParams) {
  return {
    ...placeFiltersOf(params),
    category: pick(ATTRACTION_CATEGORIES, params.get('kategori')),
    freeEntry: params.get('gratis') === 'true' ? true : undefined,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const filters = filtersOf(url.searchParams)
  const cursor = url.searchParams.get('cursor') ?? undefined
  const limit = tourism.settingsOf(ctx).pageSize
  const page = await listAttractions(ctx, { limit, cursor, ...filters }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return listAttractions(ctx, { limit, ...filters })
    throw error
  })
  const query = queryOf(filters, { kategori: filters.category, gratis: filters.freeEntry ? 'true' : undefined })
  const locale = context.locale
  const items = page.items.map((a) => ({ ...a, url: attraction.urls.record(a) }))
  const pageUrl = `${url.origin}${attraction.urls.list}`
  return {
    at: ctx.now().toISOString(),
    timezone: ctx.tenant.timezone,
    filters,
    base: query ? `${attraction.urls.list}?${query}` : attraction.urls.list,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    withoutHours: page.withoutHours ?? 0,
    listUrl: attraction.urls.list,
    // Paths made here: the page's component runs in the browser too, without the module's server code.
    items,
    categories: await valueCounts(ctx, attraction.table, 'category'),
    kecamatans: await valueCounts(ctx, attraction.table, 'kecamatan'),
    map: { tileUrl: ctx.tenant.branding.mapTileUrl ?? null, attribution: ctx.tenant.branding.mapAttribution ?? null },
    tenantName: ctx.tenant.name,
    pageUrl,
    locale,
    jsonLdItems: items.map((a) => ({ type: 'TouristAttraction', name: a.name.id, url: `${url.origin}${a.url}` })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  listMeta({ id: messages.id.title, en: messages.en.title }, messages.id.intro, data)

export default function AttractionList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const f = data.filters
  const controls: FilterControl[] = [
    {
      kind: 'select',
      name: 'kategori',
      label: t('filterCategory'),
      options: data.categories.map((c) => ({
        value: c.value,
        label: pickText(
          ATTRACTION_CATEGORY_LABELS[c.value as keyof typeof ATTRACTION_CATEGORY_LABELS] ?? { id: c.value },
          locale,
        ),
        count: c.count,
      })),
      value: f.category,
    },
    { kind: 'checkbox', name: 'gratis', label: t('filterFree'), checked: f.freeEntry === true },
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
    (a) => pickText(a.name, locale),
    (a) => a.url,
  )
  return (
    <PlaceListView
      title={t('title')}
      intro={t('intro')}
      listUrl={data.listUrl}
      controls={controls}
      active={active}
      empty={{ filtered: t('empty'), all: t('emptyAll'), clear: t('clearFilters') }}
      withoutHours={f.openNow && data.withoutHours > 0 ? t('withoutHours', { count: String(data.withoutHours) }) : null}
      map={{ markers, tileUrl: data.map.tileUrl, attribution: data.map.attribution }}
      kind="attractions"
      pager={{ basePath: data.base, nextCursor: data.nextCursor, isFirst: data.isFirst }}
      locale={locale}
    >
      {data.items.map((a) => (
        <PlaceCard
          key={a.id}
          name={pickText(a.name, locale)}
          url={a.url}
          kind={pickText(ATTRACTION_CATEGORY_LABELS[a.category], locale)}
          kecamatan={a.kecamatan}
          status={a.hours}
          at={data.at}
          timezone={data.timezone}
          coordinates={a.coordinates}
          facts={[
            ...(a.freeEntry ? [t('free')] : []),
            ...(a.priceLevel ? [pickText(PRICE_LEVEL_LABELS[a.priceLevel], locale)] : []),
          ]}
          verified={a.verification.verified}
          locale={locale}
        />
      ))}
    </PlaceListView>
  )
}
