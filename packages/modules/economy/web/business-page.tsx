import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { placeHours, placeOwner } from '@cerdas/places'
import { PhotoGallery, RecordVerification, shareImageUrl, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type Business, business, businessJsonLd } from '../src/index'
import { CERTIFICATE_KIND_LABELS, SECTOR_LABELS } from '../src/labels'
import { messages } from './messages'
import { ContactSection, detailMeta, FacilitiesSection, HoursParts, SourceSection } from './place-parts'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  // The public record: the NIB is in it only as publicNib, when the business agreed.
  const b = (await orNotFound(business.get(ctx, params.slug ?? ''))) as Business
  const hours = await placeHours(ctx, placeOwner('economy', 'business', b), {
    from: url.searchParams.get('from'),
    locale,
  })
  const pageUrl = `${url.origin}${business.urls.record(b)}`
  const kind = pickText(SECTOR_LABELS[b.sector], locale)
  return {
    listUrl: business.urls.list,
    business: b,
    hours,
    at: ctx.now().toISOString(),
    pageUrl,
    jsonLd: businessJsonLd(b, { url: pageUrl, region: ctx.tenant.province, hours: hours.schemaOrgHours }),
    social: socialMeta({
      title: `${pickText(b.name, locale)} · ${ctx.tenant.name}`,
      description: [kind, b.kecamatan, b.description ? pickText(b.description, locale) : b.products.join(', ')]
        .filter(Boolean)
        .join(' · '),
      url: pageUrl,
      image: shareImageUrl(business, b, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => detailMeta(data, 'UMKM')

/** A small business: products, certificates, online shops (Rumah Kreatif Toba first), hours and contacts. */
export default function BusinessPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { business: b, hours } = data
  return (
    <article className="place-page business-page" lang={locale === 'en' && b.name.en ? 'en' : 'id'}>
      <p>
        <Link to={data.listUrl}>{t('backBusinesses')}</Link>
      </p>
      <p className="muted">
        {pickText(SECTOR_LABELS[b.sector], locale)}
        {b.kecamatan ? ` · ${b.kecamatan}` : null}
      </p>
      <h1>{pickText(b.name, locale)}</h1>
      <RecordVerification
        verification={b.verification}
        timezone={hours.timezone}
        unverifiedNote={t('unverifiedNote')}
      />
      <PhotoGallery photos={b.photos} locale={locale} eagerFirst />
      {b.description ? <p className="lead">{pickText(b.description, locale)}</p> : null}

      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{t('productsHeading')}</h2>
        {b.products.length === 0 ? (
          <p>{t('productsNone')}</p>
        ) : (
          <ul className="products">
            {b.products.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </section>

      {b.rumahKreatifUrl || b.marketplaceLinks.length > 0 ? (
        <section aria-labelledby="shops-heading">
          <h2 id="shops-heading">{t('shopsHeading')}</h2>
          <ul className="shops">
            {b.rumahKreatifUrl ? (
              <li>
                <a href={b.rumahKreatifUrl} rel="noopener">
                  {t('rumahKreatif')}
                </a>
              </li>
            ) : null}
            {b.marketplaceLinks.map((m) => (
              <li key={m.url}>
                <a href={m.url} rel="noopener">
                  {m.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">{t('certificatesHeading')}</h2>
        {b.legalName ? <p>{t('legalName', { name: b.legalName })}</p> : null}
        {b.publicNib ? <p>{t('nib', { nib: b.publicNib })}</p> : null}
        {b.certificates.length === 0 ? (
          <p>{t('certificatesNone')}</p>
        ) : (
          <ul className="certificates">
            {b.certificates.map((c) => (
              <li key={`${c.kind}-${c.number}`}>
                {t('certificateLine', { kind: pickText(CERTIFICATE_KIND_LABELS[c.kind], locale), number: c.number })}
                {c.issuer ? <span className="muted"> · {c.issuer}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <HoursParts hours={hours} at={data.at} />
      <ContactSection place={b} pageUrl={data.pageUrl} />
      <FacilitiesSection facilities={b.facilities} />
      <SourceSection note={b.sourceNote} />
    </article>
  )
}
