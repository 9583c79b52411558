import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { placeHours } from '@cerdas/places'
import {
  ContactButtons,
  HoursSection,
  OpenStatus,
  PhotoGallery,
  PlaceDetails,
  RecordVerification,
  shareImageUrl,
  socialMeta,
  useLocale,
} from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type DropPoint, dropPoint, dropPointOwner } from '../src/droppoint'
import { dropPointJsonLd } from '../src/json-ld'
import { DROP_POINT_KIND_LABELS, WASTE_TYPE_LABELS } from '../src/labels'
import { messages } from './messages'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  const p = (await orNotFound(dropPoint.get(ctx, params.slug ?? ''))) as DropPoint
  const hours = await placeHours(ctx, dropPointOwner(p), { from: url.searchParams.get('from'), locale })
  const pageUrl = `${url.origin}${dropPoint.urls.record(p)}`
  return {
    listUrl: dropPoint.urls.list,
    place: p,
    hours,
    at: ctx.now().toISOString(),
    pageUrl,
    jsonLd: dropPointJsonLd(p, { url: pageUrl, region: ctx.tenant.province, hours: hours.schemaOrgHours }),
    social: socialMeta({
      title: `${pickText(p.name, locale)} · ${ctx.tenant.name}`,
      description: [pickText(DROP_POINT_KIND_LABELS[p.kind], locale), p.desa, p.kecamatan].filter(Boolean).join(' · '),
      url: pageUrl,
      image: shareImageUrl(dropPoint, p, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Sampah' }]
  const title = data.social.find((m) => 'property' in m && m.property === 'og:title')
  return [
    { title: title && 'content' in title ? title.content : data.place.name.id },
    ...data.social,
    { 'script:ld+json': data.jsonLd },
  ]
}

/** A drop point: open now, its week of hours, what it accepts, where it is and who to call. */
export default function DropPointPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { place: p, hours } = data
  return (
    <article className="place-page waste-droppoint-page">
      <p>
        <Link to={data.listUrl}>{t('backList')}</Link>
      </p>
      <p className="muted">
        {pickText(DROP_POINT_KIND_LABELS[p.kind], locale)}
        {p.kecamatan ? ` · ${p.kecamatan}` : null}
      </p>
      <h1>{pickText(p.name, locale)}</h1>
      <RecordVerification
        verification={p.verification}
        timezone={hours.timezone}
        unverifiedNote={t('unverifiedNote')}
      />
      <PhotoGallery photos={p.photos} locale={locale} eagerFirst />
      {p.description ? <p className="lead">{pickText(p.description, locale)}</p> : null}

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('statusHeading')}</h2>
        {hours.status ? (
          <OpenStatus status={hours.status} at={data.at} timezone={hours.timezone} locale={locale} />
        ) : (
          <p className="muted">{t('noHours')}</p>
        )}
      </section>
      {hours.week && hours.status ? (
        <HoursSection
          headingId="week-heading"
          label={t('hoursHeading')}
          scheduleId={hours.status.scheduleId}
          week={{ ...hours, week: hours.week }}
        />
      ) : null}

      <section aria-labelledby="accepts-heading">
        <h2 id="accepts-heading">{t('acceptsHeading')}</h2>
        {p.accepts.length === 0 ? (
          <p>{t('acceptsNone')}</p>
        ) : (
          <ul className="accepts">
            {p.accepts.map((w) => (
              <li key={w}>{pickText(WASTE_TYPE_LABELS[w], locale)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('locationHeading')}</h2>
        <ContactButtons name={pickText(p.name, locale)} url={data.pageUrl} contacts={p.contacts} locale={locale} />
        <PlaceDetails
          address={[p.address, p.desa].filter(Boolean).join(', ') || null}
          area={p.kecamatan}
          coordinates={p.coordinates}
          contacts={{ email: p.contacts.email, website: p.contacts.website }}
          locale={locale}
        />
      </section>
      {p.sourceNote ? (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">{t('sourceHeading')}</h2>
          <p className="muted">{p.sourceNote}</p>
        </section>
      ) : null}
      <p>
        <a href="/lapor">{t('reportLink')}</a>
      </p>
    </article>
  )
}
