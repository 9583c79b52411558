import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { valueCounts } from '@cerdas/places'
import { FACILITIES, FACILITY_LABELS, PRICE_LEVEL_LABELS, PRICE_LEVELS } from '@cerdas/places/vocabulary'
import { type FilterControl, Pager, PlaceCard, PlaceFilters, PlaceMap, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import tourism, { attraction, listAttractions } from '../src/index'
import { ATTRACTION_CATEGORIES, ATTRACTION_CATEGORY_LABELS } from '../src/labels'
import { messages } from './messages'

/** The list's filters from its query (Indonesian names, so shared links read well); anything unknown is ignored. */
export function filtersOf(params: URLSearchParams) {
  const pick = <T extends string>(values: readonly T[], value: string | null) => values.find((v) => v === value)
  const facilities = [...new Set(params.getAll('fasilitas').flatMap((v) => v.split(',')))]
    .map((v) => pick(FACILITIES, v))
    .filter((v) => v !== undefined)
  return {
    category: pick(ATTRACTION_CATEGORIES, params.get('kategori')),
    kecamatan: params.get('kecamatan')?.trim().slice(0, 100) || undefined,
    priceLevel: pick(PRICE_LEVELS, params.get('harga')),
    facilities: facilities.length > 0 ? facilities.slice(0, 10) : undefined,
    freeEntry: params.get('gratis') === 'true' ? true : undefined,
    openNow: params.get('buka') === 'true' ? true : undefined,
  }
}

/** The query of the filters, for the pager's links. */
function queryOf(f: ReturnType<typeof filtersOf>): string {
  const q = new URLSearchParams()
  if (f.category) q.set('kategori', f.category)
  if (f.kecamatan) q.set('kecamatan', f.kecamatan)
  if (f.priceLevel) q.set('harga', f.priceLevel)
  for (const facility of f.facilities ?? []) q.append('fasilitas', facility)
  if (f.freeEntry) q.set('gratis', 'true')
  if (f.openNow) q.set('buka', 'true')
  return q.toString()
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
  const query = queryOf(filters)
  const locale = context.locale
  const t = translator(messages, locale)
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
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      name: t('title'),
      url: pageUrl,
      itemListElement: items.map((a, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        item: { '@type': 'TouristAttraction', name: a.name.id, url: `${url.origin}${a.url}` },
      })),
    },
    social: socialMeta({
      title: `${t('title')} · ${ctx.tenant.name}`,
      description: t('intro'),
      url: pageUrl,
      locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Wisata · Attractions' }]
  return [{ title: `Wisata · Attractions · ${data.tenantName}` }, ...data.social, { 'script:ld+json': data.jsonLd }]
}

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
    {
      kind: 'select',
      name: 'kecamatan',
      label: t('filterKecamatan'),
      options: data.kecamatans.map((k) => ({ value: k.value, label: k.value, count: k.count })),
      value: f.kecamatan,
    },
    { kind: 'checkbox', name: 'buka', label: t('filterOpenNow'), checked: f.openNow === true },
    { kind: 'checkbox', name: 'gratis', label: t('filterFree'), checked: f.freeEntry === true },
    {
      kind: 'select',
      name: 'harga',
      label: t('filterPrice'),
      options: PRICE_LEVELS.map((p) => ({ value: p, label: pickText(PRICE_LEVEL_LABELS[p], locale) })),
      value: f.priceLevel,
    },
    {
      kind: 'checkboxes',
      name: 'fasilitas',
      label: t('filterFacilities'),
      options: FACILITIES.map((v) => ({ value: v, label: pickText(FACILITY_LABELS[v], locale) })),
      values: f.facilities ?? [],
    },
  ]
  const active = Object.values(f).some((v) => v !== undefined)
  const markers = data.items.flatMap((a) =>
    a.coordinates ? [{ name: pickText(a.name, locale), url: a.url, ...a.coordinates }] : [],
  )
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <PlaceFilters action={data.listUrl} controls={controls} active={active} locale={locale} />
      {data.items.length === 0 ? (
        <p className="notice">
          {active ? t('empty') : t('emptyAll')} {active ? <a href={data.listUrl}>{t('clearFilters')}</a> : null}
        </p>
      ) : null}
      {f.openNow && data.withoutHours > 0 ? (
        <p className="muted">{t('withoutHours', { count: String(data.withoutHours) })}</p>
      ) : null}
      <PlaceMap markers={markers} tileUrl={data.map.tileUrl} attribution={data.map.attribution} locale={locale} />
      <ul className="list places attractions">
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
      </ul>
      <Pager basePath={data.base} nextCursor={data.nextCursor} isFirst={data.isFirst} />
    </>
  )
}
