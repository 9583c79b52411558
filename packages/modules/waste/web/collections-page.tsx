import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { tenantHolidayCalendar } from '@cerdas/module-schedules'
import { OpenStatus, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { allAreas, areasServing, collectionsOfArea, placesServed } from '../src/area-collections'
import { dropPoint } from '../src/droppoint'
import { type DropPointListQuery, listDropPoints } from '../src/droppoints'
import { DROP_POINT_KIND_LABELS } from '../src/labels'
import { AreaCollectionsView } from './collection-parts'
import { messages } from './messages'

const clean = (value: string | null) => value?.trim().slice(0, 100) || undefined

/**
 * "When is waste collected at my place?": a GET form (kecamatan, then a desa list grouped by
 * kecamatan) answered on the server, so it works without JavaScript.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const desa = clean(url.searchParams.get('desa'))
  const kecamatan = clean(url.searchParams.get('kecamatan'))
  const areas = await allAreas(ctx)
  const places = placesServed(areas)
  const asked = desa !== undefined
  // A kecamatan alone only narrows the desa list; the answer is per desa.
  const found = asked ? areasServing(areas, { desa, kecamatan }) : []
  const matched = asked && found.length === 0 && kecamatan ? areasServing(areas, { desa }) : found
  const calendar = matched.length > 0 ? await tenantHolidayCalendar(ctx) : null
  const answers = calendar ? matched.map((a) => collectionsOfArea(ctx, a, calendar)) : []
  // Drop points in the desa, else in the kecamatan of the areas found.
  const where = matched[0]?.kecamatan ?? kecamatan
  let drops = asked && desa ? (await listDropPoints(ctx, { limit: 10, desa })).items : []
  if (drops.length === 0 && where && asked)
    drops = (await listDropPoints(ctx, { limit: 10, kecamatan: where } as DropPointListQuery)).items
  return {
    tenantName: ctx.tenant.name,
    origin: url.origin,
    pageUrl: `${url.origin}/sampah`,
    at: ctx.now().toISOString(),
    timezone: ctx.tenant.timezone,
    published: areas.length > 0,
    places,
    desa: desa ?? null,
    kecamatan: kecamatan ?? null,
    answers: answers.map((a, i) => ({ ...a, verification: matched[i]?.verification ?? null })),
    drops: drops.map((d) => ({
      id: d.id,
      slug: d.slug,
      name: d.name,
      kind: d.kind,
      desa: d.desa,
      kecamatan: d.kecamatan,
      hours: d.hours,
    })),
    dropPlace: desa && drops.some((d) => (d.desa ?? '').toLowerCase() === desa.toLowerCase()) ? desa : (where ?? null),
    dropListUrl: dropPoint.urls.list,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = `${messages.id.title} · ${data?.tenantName ?? ''}`
  if (!data) return [{ title }]
  return [
    { title },
    ...socialMeta({
      title,
      description: messages.id.intro,
      url: data.pageUrl,
      locale: 'id',
      siteName: data.tenantName,
    }),
  ]
}

export default function CollectionsPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const shown = data.kecamatan
    ? data.places.filter((p) => p.kecamatan.toLowerCase() === data.kecamatan?.toLowerCase())
    : data.places
  const groups = shown.length > 0 ? shown : data.places
  return (
    <article className="waste-page">
      <h1>{t('title')}</h1>
      {!data.published ? (
        <p className="notice">{t('notPublished')}</p>
      ) : (
        <>
          <p className="muted">{t('intro')}</p>
          <form method="get" action="/sampah" className="waste-place-form">
            <label>
              {t('chooseKecamatan')}{' '}
              <select name="kecamatan" defaultValue={data.kecamatan ?? ''}>
                <option value="">{t('anyKecamatan')}</option>
                {data.places.map((p) => (
                  <option key={p.kecamatan} value={p.kecamatan}>
                    {p.kecamatan}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('chooseDesa')}{' '}
              <select name="desa" defaultValue={data.desa ?? ''}>
                <option value="">{t('chooseDesaPrompt')}</option>
                {groups.map((p) => (
                  <optgroup key={p.kecamatan} label={p.kecamatan}>
                    {p.desa.map((d) => (
                      <option key={`${p.kecamatan}-${d}`} value={d}>
                        {d}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>{' '}
            <button type="submit">{t('show')}</button>
          </form>
        </>
      )}

      {data.desa && data.published && data.answers.length === 0 ? (
        <p className="notice" role="status">
          {t('unknownDesa', { desa: data.desa })}
        </p>
      ) : null}

      {data.answers.map((a) => (
        <section key={a.area.id} aria-labelledby={`area-${a.area.slug}`} className="waste-area">
          <h2 id={`area-${a.area.slug}`}>
            {t('areaHeading', { name: pickText(a.area.name, locale) })}{' '}
            <span className="muted">({t('areaKecamatan', { kecamatan: a.area.kecamatan })})</span>
          </h2>
          {a.verification && !a.verification.verified ? <p className="notice">{t('unverifiedNote')}</p> : null}
          <AreaCollectionsView a={a} origin={data.origin} locale={locale} headingLevel={3} />
          {a.area.route ? (
            <>
              <h3>{t('routeHeading')}</h3>
              <p>{pickText(a.area.route, locale)}</p>
            </>
          ) : null}
          <p>
            <Link to={`/sampah/area/${a.area.slug}`}>{t('areaLink')}</Link>
          </p>
        </section>
      ))}

      {data.answers.length > 0 ? (
        <section aria-labelledby="drops-heading">
          <h2 id="drops-heading">{t('dropHeading')}</h2>
          {data.drops.length === 0 ? (
            <p>{t('dropNone', { place: data.dropPlace ?? '' })}</p>
          ) : (
            <ul className="list">
              {data.drops.map((d) => (
                <li key={d.id}>
                  <Link to={`${data.dropListUrl}/${d.slug}`}>{pickText(d.name, locale)}</Link>{' '}
                  <span className="muted">
                    · {pickText(DROP_POINT_KIND_LABELS[d.kind], locale)}
                    {d.desa ? ` · ${d.desa}` : null}
                  </span>
                  {d.hours ? (
                    <OpenStatus status={d.hours} at={data.at} timezone={data.timezone} locale={locale} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <p>
        <Link to={data.dropListUrl}>{t('dropAll')}</Link>
      </p>
      <p>
        <a href="/lapor">{t('reportLink')}</a>
      </p>
    </article>
  )
}
