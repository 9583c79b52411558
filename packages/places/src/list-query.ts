import { type Locale, pickText } from '@cerdas/core/web'
import { type FilterControl, socialMeta } from '@cerdas/ui'
import { FACILITIES, FACILITY_LABELS, PRICE_LEVEL_LABELS, PRICE_LEVELS } from './vocabulary'

/**
 * The filters every place list shares, from its query (Indonesian names, so shared links read well,
 * as on /wisata); anything unknown is ignored rather than refused, a page never fails on a link.
 */
export function placeFiltersOf(params: URLSearchParams) {
  const facilities = [...new Set(params.getAll('fasilitas').flatMap((v) => v.split(',')))]
    .map((v) => pick(FACILITIES, v))
    .filter((v) => v !== undefined)
  return {
    kecamatan: params.get('kecamatan')?.trim().slice(0, 100) || undefined,
    priceLevel: pick(PRICE_LEVELS, params.get('harga')),
    facilities: facilities.length > 0 ? facilities.slice(0, 10) : undefined,
    openNow: params.get('buka') === 'true' ? true : undefined,
  }
}

export type PlaceFilters = ReturnType<typeof placeFiltersOf>

/** One of fixed values, or undefined. */
export function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value)
}

/** The query of the shared filters and a page's own (`jenis`, `halal`), for the pager's links. */
export function queryOf(f: PlaceFilters, own: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [name, value] of Object.entries(own)) if (value !== undefined) q.set(name, value)
  if (f.kecamatan) q.set('kecamatan', f.kecamatan)
  if (f.priceLevel) q.set('harga', f.priceLevel)
  for (const facility of f.facilities ?? []) q.append('fasilitas', facility)
  if (f.openNow) q.set('buka', 'true')
  return q.toString()
}

/** Labels of the shared controls, in the reader's language. */
export interface SharedLabels {
  kecamatan: string
  openNow: string
  price: string
  facilities: string
}

/** The shared controls after a page's own: kecamatan (those that exist), open now, price level, facilities. */
export function placeControls(
  f: PlaceFilters,
  kecamatans: { value: string; count: number }[],
  labels: SharedLabels,
  locale: Locale,
): FilterControl[] {
  return [
    {
      kind: 'select',
      name: 'kecamatan',
      label: labels.kecamatan,
      options: kecamatans.map((k) => ({ value: k.value, label: k.value, count: k.count })),
      value: f.kecamatan,
    },
    { kind: 'checkbox', name: 'buka', label: labels.openNow, checked: f.openNow === true },
    {
      kind: 'select',
      name: 'harga',
      label: labels.price,
      options: PRICE_LEVELS.map((p) => ({ value: p, label: pickText(PRICE_LEVEL_LABELS[p], locale) })),
      value: f.priceLevel,
    },
    {
      kind: 'checkboxes',
      name: 'fasilitas',
      label: labels.facilities,
      options: FACILITIES.map((v) => ({ value: v, label: pickText(FACILITY_LABELS[v], locale) })),
      values: f.facilities ?? [],
    },
  ]
}

/** Map markers of the items that have a point. */
export function markersOf<R extends { coordinates: { lat: number; lon: number } | null }>(
  items: readonly R[],
  name: (item: R) => string,
  url: (item: R) => string,
) {
  return items.flatMap((item) => (item.coordinates ? [{ name: name(item), url: url(item), ...item.coordinates }] : []))
}

/**
 * A list page's meta: title in both languages, description, Open Graph/Twitter tags and an
 * ItemList JSON-LD of the page's places, each with its schema.org type.
 * @example export const meta = ({ data }) => listMeta({ id: 'Kuliner', en: 'Food' }, intro, data)
 */
export function listMeta(
  title: { id: string; en: string },
  intro: string,
  data: { tenantName: string; pageUrl: string; locale: Locale; jsonLdItems: ListedPlace[] } | undefined,
) {
  const full = `${title.id} · ${title.en}${data ? ` · ${data.tenantName}` : ''}`
  if (!data) return [{ title: full }]
  return [
    { title: full },
    ...socialMeta({
      title: full,
      description: intro,
      url: data.pageUrl,
      locale: data.locale,
      siteName: data.tenantName,
    }),
    { 'script:ld+json': placeListJsonLd(full, data.pageUrl, data.jsonLdItems) },
  ]
}

/** A place in a list's JSON-LD: its schema.org type, name and absolute page URL. */
export interface ListedPlace {
  type: string
  name: string
  url: string
}

/** schema.org ItemList of a list page's places, in the order shown. */
export function placeListJsonLd(name: string, url: string, items: readonly ListedPlace[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    url,
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: { '@type': item.type, name: item.name, url: item.url },
    })),
  }
}
