import { pickText, translator } from '@cerdas/core/web'
import { listMeta, markersOf } from '@cerdas/places/list-query'
import { type FilterControl, PlaceCard, PlaceListView, useLocale } from '@cerdas/ui'
import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { DROP_POINT_KIND_LABELS, WASTE_TYPE_LABELS, WASTE_TYPES } from '../src/labels'
import type { loader } from './droppoint-list.server'
import { messages } from './messages'

export { loader } from './droppoint-list.server'

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
