import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { listMeta } from '@cerdas/places/list-query'
import { localDateOf } from '@cerdas/schedules'
import { type FilterControl, PlaceFilters, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
  nextOfRoutes,
  type Route,
  route as routeEntity,
  TRANSPORT_MODE_LABELS,
  TRANSPORT_MODES,
  tripTypeOf,
} from '../src/index'
import { leftTodayText, messages, nextText, zoneName } from './departure-text'

/** Routes a regency lists: a few dozen, read whole so the filters can show every choice. */
const MAX_ROUTES = 500

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'id'))

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const all = (await routeEntity.list(ctx, { limit: MAX_ROUTES })).items as unknown as Route[]
  const origin = url.searchParams.get('asal') || null
  const kecamatan = url.searchParams.get('kecamatan') || null
  const mode = TRANSPORT_MODES.find((m) => m === url.searchParams.get('moda')) ?? null
  const routes = all.filter(
    (r) =>
      (!origin || r.originName === origin) &&
      (!kecamatan || r.originKecamatan?.toLowerCase() === kecamatan.toLowerCase()) &&
      (!mode || r.mode === mode),
  )
  const next = await nextOfRoutes(ctx, routes)
  const zone = ctx.tenant.timezone
  const now = ctx.now()
  return {
    zone,
    today: localDateOf(now, zone),
    tomorrow: localDateOf(now.getTime() + 86_400_000, zone),
    filters: { origin, kecamatan, mode },
    origins: sorted(all.map((r) => r.originName)),
    kecamatans: sorted(all.flatMap((r) => (r.originKecamatan ? [r.originKecamatan] : []))),
    modes: TRANSPORT_MODES.filter((m) => all.some((r) => r.mode === m)).map((m) => ({
      value: m,
      label: TRANSPORT_MODE_LABELS[m],
    })),
    items: routes.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      mode: TRANSPORT_MODE_LABELS[r.mode],
      originName: r.originName,
      destinationName: r.destinationName,
      verified: r.verification.verified,
      ...(next.get(r.id) ?? { next: null, leftToday: false, noTimetable: true }),
    })),
    tenantName: ctx.tenant.name,
    pageUrl: `${url.origin}${routeEntity.urls.list}`,
    locale: context.locale,
    jsonLdItems: routes.map((r) => ({
      type: tripTypeOf(r.mode),
      name: r.name.id,
      url: `${url.origin}${routeEntity.urls.record(r)}`,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  listMeta({ id: messages.id.title, en: messages.en.title }, messages.id.intro, data)

export default function RouteList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const controls: FilterControl[] = [
    {
      kind: 'select',
      name: 'asal',
      label: t('filterOrigin'),
      options: data.origins.map((o) => ({ value: o, label: o })),
      value: data.filters.origin ?? undefined,
    },
    {
      kind: 'select',
      name: 'kecamatan',
      label: t('filterKecamatan'),
      options: data.kecamatans.map((k) => ({ value: k, label: k })),
      value: data.filters.kecamatan ?? undefined,
    },
    {
      kind: 'select',
      name: 'moda',
      label: t('filterMode'),
      options: data.modes.map((m) => ({ value: m.value, label: pickText(m.label, locale) })),
      value: data.filters.mode ?? undefined,
    },
  ]
  const active = Boolean(data.filters.origin || data.filters.kecamatan || data.filters.mode)
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <PlaceFilters action="/transportasi" controls={controls} active={active} locale={locale} />
      {data.items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="list transport-routes">
        {data.items.map((r) => (
          <li key={r.id} className="transport-route">
            <h2>
              <Link to={`/transportasi/${r.slug}`}>{pickText(r.name, locale)}</Link>
            </h2>
            <p className="muted">
              {pickText(r.mode, locale)} · {r.originName} → {r.destinationName}
              {r.verified ? null : ` · ${t('unverifiedShort')}`}
            </p>
            <p className="next-departure">
              {r.noTimetable
                ? t('noData')
                : r.leftToday
                  ? leftTodayText(t, r.next, data.tomorrow, locale)
                  : r.next
                    ? nextText(t, r.next, data.today, data.tomorrow, locale)
                    : t('noNext')}
            </p>
          </li>
        ))}
      </ul>
      <p className="muted">{t('timesIn', { zone: zoneName(data.zone) })}</p>
    </>
  )
}
