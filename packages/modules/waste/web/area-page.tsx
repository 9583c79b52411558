import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { type Office, office as officeEntity, officeName } from '@cerdas/module-directory'
import { tenantHolidayCalendar } from '@cerdas/module-schedules'
import { RecordVerification, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type Area, area as areaEntity } from '../src/area'
import { collectionsOfArea } from '../src/area-collections'
import { AreaCollectionsView } from './collection-parts'
import { messages } from './messages'

/** One collection area: its next collections with holiday shifts, the desa it serves, its route. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const area = (await orNotFound(areaEntity.get(ctx, params.slug ?? ''))) as unknown as Area
  const collections = collectionsOfArea(ctx, area, await tenantHolidayCalendar(ctx), { limit: 8 })
  const pageUrl = `${url.origin}${areaEntity.urls.record(area)}`
  // The responsible office through the directory's own reads; a removed office is simply not shown.
  const office = area.officeId
    ? ((await officeEntity.byKeys(ctx, [area.officeId])).get(area.officeId) as Office | undefined)
    : undefined
  return {
    area,
    office: office ? { name: officeName(office), url: officeEntity.urls.record(office) } : null,
    collections,
    origin: url.origin,
    pageUrl,
    tenantName: ctx.tenant.name,
    social: socialMeta({
      title: `${pickText(area.name, context.locale)} · ${ctx.tenant.name}`,
      description: `${messages.id.title} ${area.kecamatan}: ${area.desa.join(', ')}`,
      url: pageUrl,
      locale: context.locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Sampah' }]
  return [{ title: `${data.area.name.id} · ${data.tenantName}` }, ...data.social]
}

export default function AreaPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const a = data.area
  return (
    <article className="waste-area-page">
      <p>
        <Link to="/sampah">{t('back')}</Link>
      </p>
      <p className="muted">{t('areaKecamatan', { kecamatan: a.kecamatan })}</p>
      <h1>{pickText(a.name, locale)}</h1>
      <RecordVerification
        verification={a.verification}
        timezone={data.collections.timezone}
        unverifiedNote={t('unverifiedNote')}
      />
      <AreaCollectionsView a={data.collections} origin={data.origin} locale={locale} />
      {a.desa.length > 0 ? (
        <section aria-labelledby="desa-heading">
          <h2 id="desa-heading">{t('desaHeading')}</h2>
          <ul className="list">
            {a.desa.map((d) => (
              <li key={d}>
                <Link to={`/sampah?kecamatan=${encodeURIComponent(a.kecamatan)}&desa=${encodeURIComponent(d)}`}>
                  {d}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.route ? (
        <section aria-labelledby="route-heading">
          <h2 id="route-heading">{t('routeHeading')}</h2>
          <p>{pickText(a.route, locale)}</p>
        </section>
      ) : null}
      {data.office ? (
        <section aria-labelledby="office-heading">
          <h2 id="office-heading">{t('officeHeading')}</h2>
          <p>
            <Link to={data.office.url}>{pickText(data.office.name, locale)}</Link>
          </p>
        </section>
      ) : null}
      {a.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('notesHeading')}</h2>
          <p>{pickText(a.notes, locale)}</p>
        </section>
      ) : null}
      {a.sourceNote ? (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">{t('sourceHeading')}</h2>
          <p className="muted">{a.sourceNote}</p>
        </section>
      ) : null}
      <p>
        <a href="/lapor">{t('reportLink')}</a>
      </p>
    </article>
  )
}
