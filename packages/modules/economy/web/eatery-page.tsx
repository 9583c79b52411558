import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { placeHours, placeOwner } from '@cerdas/places'
import { PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { PhotoGallery, RecordVerification, shareImageUrl, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type Eatery, eatery, eateryJsonLd } from '../src/index'
import { EATERY_TYPE_LABELS, HALAL_STATUS_LABELS, PORK_STATUS_LABELS } from '../src/labels'
import { rupiah } from '../src/prices'
import { messages } from './messages'
import { ContactSection, detailMeta, FacilitiesSection, HoursParts, SourceSection } from './place-parts'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  const e = (await orNotFound(eatery.get(ctx, params.slug ?? ''))) as Eatery
  const hours = await placeHours(ctx, placeOwner('economy', 'eatery', e), {
    from: url.searchParams.get('from'),
    locale,
  })
  const pageUrl = `${url.origin}${eatery.urls.record(e)}`
  const kind = pickText(EATERY_TYPE_LABELS[e.type], locale)
  return {
    listUrl: eatery.urls.list,
    eatery: e,
    hours,
    at: ctx.now().toISOString(),
    pageUrl,
    jsonLd: eateryJsonLd(e, { url: pageUrl, region: ctx.tenant.province, hours: hours.schemaOrgHours }),
    social: socialMeta({
      title: `${pickText(e.name, locale)} · ${ctx.tenant.name}`,
      description: [kind, e.kecamatan, e.description ? pickText(e.description, locale) : null]
        .filter(Boolean)
        .join(' · '),
      url: pageUrl,
      image: shareImageUrl(eatery, e, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => detailMeta(data, 'Kuliner')

/** A culinary place: the halal and pork statement first, status now, photos, dishes and prices, hours, contacts. */
export default function EateryPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { eatery: e, hours } = data
  return (
    <article className="place-page eatery-page" lang={locale === 'en' && e.name.en ? 'en' : 'id'}>
      <p>
        <Link to={data.listUrl}>{t('backEateries')}</Link>
      </p>
      <p className="muted">
        {pickText(EATERY_TYPE_LABELS[e.type], locale)}
        {e.kecamatan ? ` · ${e.kecamatan}` : null}
      </p>
      <h1>{pickText(e.name, locale)}</h1>
      <RecordVerification
        verification={e.verification}
        timezone={hours.timezone}
        unverifiedNote={t('unverifiedNote')}
      />

      {/* What Muslim visitors, and those avoiding pork, look for first: stated exactly as recorded. */}
      <section aria-labelledby="halal-heading" className={`halal-statement halal-${e.halal}`}>
        <h2 id="halal-heading">{t('halalHeading')}</h2>
        <p>
          <strong>{t('halalStatement', { status: pickText(HALAL_STATUS_LABELS[e.halal], locale) })}</strong>
        </p>
        {e.halal === 'certified' && e.halalCertificate ? (
          <p>{t('halalCertificate', { certificate: e.halalCertificate })}</p>
        ) : null}
        <p>
          <strong>{t('porkStatement', { status: pickText(PORK_STATUS_LABELS[e.servesPork], locale) })}</strong>
        </p>
        {e.halal === 'unknown' || e.servesPork === 'unknown' ? <p className="muted">{t('halalUnknownNote')}</p> : null}
      </section>

      <HoursParts hours={hours} at={data.at} />
      <PhotoGallery photos={e.photos} locale={locale} eagerFirst />
      {e.description ? <p className="lead">{pickText(e.description, locale)}</p> : null}

      <section aria-labelledby="dishes-heading">
        <h2 id="dishes-heading">{t('dishesHeading')}</h2>
        {e.cuisine.length > 0 ? <p>{t('cuisine', { cuisine: e.cuisine.join(', ') })}</p> : null}
        {e.dishes.length === 0 ? (
          <p>{t('dishesNone')}</p>
        ) : (
          <ul className="dishes">
            {e.dishes.map((d, i) => (
              // Dishes keep the order the team gave them; a row has no id of its own.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                {pickText(d.name, locale)}
                {' · '}
                {d.price === null ? <span className="muted">{t('priceUnknown')}</span> : rupiah(d.price)}
              </li>
            ))}
          </ul>
        )}
        <p>
          {e.priceLevel
            ? t('priceLevel', { level: pickText(PRICE_LEVEL_LABELS[e.priceLevel], locale) })
            : t('priceNone')}
        </p>
      </section>

      <FacilitiesSection facilities={e.facilities} />
      <ContactSection place={e} pageUrl={data.pageUrl} />
      <SourceSection note={e.sourceNote} />
    </article>
  )
}
