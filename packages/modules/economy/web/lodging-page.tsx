import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { placeHours, placeOwner } from '@cerdas/places'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { PhotoGallery, RecordVerification, shareImageUrl, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type Lodging, lodging, lodgingJsonLd } from '../src/index'
import { LODGING_TYPE_LABELS } from '../src/labels'
import { nightlyRange } from '../src/prices'
import { messages } from './messages'
import { ContactSection, detailMeta, FacilitiesSection, HoursParts, SourceSection } from './place-parts'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  const l = (await orNotFound(lodging.get(ctx, params.slug ?? ''))) as Lodging
  // A lodging's hours are its reception's (or a campsite's gate).
  const hours = await placeHours(ctx, placeOwner('economy', 'lodging', l), {
    from: url.searchParams.get('from'),
    locale,
  })
  const pageUrl = `${url.origin}${lodging.urls.record(l)}`
  const kind = pickText(LODGING_TYPE_LABELS[l.type], locale)
  return {
    listUrl: lodging.urls.list,
    lodging: l,
    hours,
    range: nightlyRange(l),
    at: ctx.now().toISOString(),
    pageUrl,
    jsonLd: lodgingJsonLd(l, { url: pageUrl, region: ctx.tenant.province, hours: hours.schemaOrgHours }),
    social: socialMeta({
      title: `${pickText(l.name, locale)} · ${ctx.tenant.name}`,
      description: [kind, l.kecamatan, l.description ? pickText(l.description, locale) : null]
        .filter(Boolean)
        .join(' · '),
      url: pageUrl,
      image: shareImageUrl(lodging, l, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => detailMeta(data, 'Penginapan')

/** A lodging: booking first (call, WhatsApp, link), prices per night, class, rooms, check-in/out, facilities. */
export default function LodgingPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { lodging: l, hours } = data
  return (
    <article className="place-page lodging-page" lang={locale === 'en' && l.name.en ? 'en' : 'id'}>
      <p>
        <Link to={data.listUrl}>{t('backLodgings')}</Link>
      </p>
      <p className="muted">
        {pickText(LODGING_TYPE_LABELS[l.type], locale)}
        {l.kecamatan ? ` · ${l.kecamatan}` : null}
      </p>
      <h1>{pickText(l.name, locale)}</h1>
      <RecordVerification
        verification={l.verification}
        timezone={hours.timezone}
        unverifiedNote={t('unverifiedNote')}
      />
      <PhotoGallery photos={l.photos} locale={locale} eagerFirst />
      {l.description ? <p className="lead">{pickText(l.description, locale)}</p> : null}

      <section aria-labelledby="stay-heading">
        <h2 id="stay-heading">{t('stayHeading')}</h2>
        <p>{data.range ? t('pricePerNight', { range: data.range }) : t('priceNone')}</p>
        {l.priceLevel ? <p>{t('priceLevel', { level: pickText(PRICE_LEVEL_LABELS[l.priceLevel], locale) })}</p> : null}
        <ul className="stay-facts">
          {l.starClass ? <li>{t('starClass', { count: String(l.starClass) })}</li> : null}
          {l.rooms ? <li>{t('rooms', { count: String(l.rooms) })}</li> : null}
          {l.checkIn ? <li>{t('checkIn', { time: l.checkIn })}</li> : null}
          {l.checkOut ? <li>{t('checkOut', { time: l.checkOut })}</li> : null}
        </ul>
      </section>

      <ContactSection place={l} pageUrl={data.pageUrl} booking={l.bookingUrl} />
      <HoursParts hours={hours} at={data.at} />
      <FacilitiesSection facilities={l.facilities} />
      <SourceSection note={l.sourceNote} />
    </article>
  )
}
