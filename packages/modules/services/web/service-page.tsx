import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { HoursSection, OpenStatus, PlaceDetails, PresenceList, RecordVerification, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { serviceJsonLd } from '../src/json-ld'
import { CATEGORY_LABELS } from '../src/labels'
import { servicePageData } from '../src/service-page'
import { messages } from './messages'
import { RequirementChecklist } from './requirement-checklist'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const { locale } = context
  const url = new URL(request.url)
  const page = await orNotFound(servicePageData(ctx, params.slug ?? '', { from: url.searchParams.get('from'), locale }))
  return {
    ...page,
    jsonLd: serviceJsonLd(page.detail, {
      origin: url.origin,
      regency: ctx.tenant.name,
      region: ctx.tenant.province,
      hours: page.schemaOrgHours,
      locale,
    }),
    categoryLabel: CATEGORY_LABELS[page.detail.service.category],
    tenantName: ctx.tenant.name,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Layanan' }]
  const s = data.detail.service
  return [
    { title: `${s.name.id} · ${data.tenantName}` },
    { name: 'description', content: (s.summary?.id ?? s.name.id).slice(0, 160) },
    { 'script:ld+json': data.jsonLd },
  ]
}

const rupiah = (amount: number, locale: string) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-ID' : 'id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount)

/**
 * Journey "Mau urus apa?": the first screen answers which office, which bidang and counter,
 * whether it is open now and when the officer is there, what it costs and how long it takes;
 * then what to bring (printable), the steps, the week's hours, the address and how to complain.
 */
export default function ServicePage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { service: s, office, unit, locations, hours, presence, related } = data.detail
  const elsewhere = locations.filter((l) => l.office.id !== office?.id)
  const counters = locations.filter((l) => l.office.id === office?.id && l.counter)
  const time = s.processingTime
  return (
    <article className="service-page" lang={locale === 'en' && s.name.en ? 'en' : 'id'}>
      <p className="no-print">
        <Link to="/layanan">{t('back')}</Link> ·{' '}
        <Link to={`/layanan?kategori=${s.category}`}>{pickText(data.categoryLabel, locale)}</Link>
      </p>
      <h1>{pickText(s.name, locale)}</h1>
      {s.summary ? <p className="lead">{pickText(s.summary, locale)}</p> : null}
      <RecordVerification verification={s.verification} timezone={data.timezone} unverifiedNote={t('unverifiedNote')} />

      <section aria-labelledby="answer-heading" className="service-facts">
        <h2 id="answer-heading" className="visually-hidden">
          {t('where')}
        </h2>
        <dl className="facts">
          {office ? (
            <>
              <dt>{t('office')}</dt>
              <dd className="service-office">
                <Link to={`/direktori/${office.slug}`}>{pickText(office.name, locale)}</Link>
              </dd>
            </>
          ) : null}
          {unit ? (
            <>
              <dt>{t('unit')}</dt>
              <dd className="service-unit">
                {pickText(unit.name, locale)}
                {unit.handles ? <div className="muted">{pickText(unit.handles, locale)}</div> : null}
              </dd>
            </>
          ) : null}
          {counters.map(({ counter }) =>
            counter ? (
              <div key={counter.id} className="service-counter">
                <dt>{t('counter')}</dt>
                <dd>
                  {t('counterLine', { code: counter.code, name: pickText(counter.name, locale) })}
                  {counter.location ? <div className="muted">{pickText(counter.location, locale)}</div> : null}
                </dd>
              </div>
            ) : null,
          )}
          <dt>{t('now')}</dt>
          <dd className="service-open-now">
            {hours ? (
              <OpenStatus status={hours.status} at={hours.status.at} timezone={data.timezone} />
            ) : (
              <span className="muted">{t('noHours')}</span>
            )}
          </dd>
          {presence.length > 0 ? (
            <>
              <dt>{t('presence')}</dt>
              <dd>
                <PresenceList entries={presence} timezone={data.timezone} className="service-presence" />
              </dd>
            </>
          ) : null}
          <dt>{t('fee')}</dt>
          <dd className="service-fee">
            <strong>{s.fee.free ? t('free') : rupiah(s.fee.amount ?? 0, locale)}</strong>
            {s.fee.note ? <div className="muted">{pickText(s.fee.note, locale)}</div> : null}
          </dd>
          <dt>{t('processingTime')}</dt>
          <dd className="service-time">
            {time ? (
              <>
                <strong>
                  {t(time.value === 1 ? `unit_${time.unit}_one` : `unit_${time.unit}`, { value: time.value })}
                </strong>
                {time.note ? <div className="muted">{pickText(time.note, locale)}</div> : null}
              </>
            ) : (
              t('notRecorded')
            )}
          </dd>
          {s.onlineUrl ? (
            <>
              <dt>{t('online')}</dt>
              <dd>
                <a href={s.onlineUrl} rel="noopener">
                  {t('onlineLink')}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="requirements-heading" className="service-requirements">
        <h2 id="requirements-heading">{t('requirements')}</h2>
        <RequirementChecklist requirements={s.requirements} />
        <p className="no-print">
          <Link to={`/layanan/${s.slug}/cetak`}>{t('printable')}</Link>
        </p>
      </section>

      {s.procedure.length > 0 ? (
        <section aria-labelledby="procedure-heading">
          <h2 id="procedure-heading">{t('procedure')}</h2>
          <ol className="steps">
            {s.procedure.map((step) => (
              <li key={step.id}>{pickText(step, locale)}</li>
            ))}
          </ol>
        </section>
      ) : null}

      {hours && data.week ? (
        <HoursSection
          headingId="when-heading"
          className="service-when"
          label={pickText(hours.schedule.label, locale)}
          scheduleId={hours.schedule.id}
          week={{ ...data, week: data.week }}
        />
      ) : null}

      {office ? (
        <section aria-labelledby="place-heading" className="service-where">
          <h2 id="place-heading">{t('address')}</h2>
          <PlaceDetails
            address={office.address}
            area={office.kecamatan}
            coordinates={office.coordinates}
            contacts={office.contacts}
          />
          {elsewhere.length > 0 ? (
            <>
              <h3>{t('alsoAt')}</h3>
              <ul className="list">
                {elsewhere.map((l) => (
                  <li key={`${l.office.id}-${l.counter?.id ?? ''}`}>
                    <Link to={`/direktori/${l.office.slug}`}>{pickText(l.office.name, locale)}</Link>
                    {l.counter
                      ? ` · ${t('counterLine', { code: l.counter.code, name: pickText(l.counter.name, locale) })}`
                      : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('details')}</h2>
        <dl className="facts">
          {s.fee.legalBasis ? (
            <>
              <dt>{t('feeBasis')}</dt>
              <dd>{s.fee.legalBasis}</dd>
            </>
          ) : null}
          {s.product ? (
            <>
              <dt>{t('product')}</dt>
              <dd>{pickText(s.product, locale)}</dd>
            </>
          ) : null}
          {s.audience.length > 0 ? (
            <>
              <dt>{t('audience')}</dt>
              <dd>{s.audience.map((a) => t(`audience_${a}`)).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="complaint-heading" className="service-complaint">
        <h2 id="complaint-heading">{t('complaint')}</h2>
        {s.complaint ? (
          <>
            <p>{pickText(s.complaint.description, locale)}</p>
            <ul className="list">
              {s.complaint.phone ? (
                <li>
                  <a href={`tel:${s.complaint.phone.replace(/[^\d+]/g, '')}`}>{s.complaint.phone}</a>
                </li>
              ) : null}
              {s.complaint.email ? (
                <li>
                  <a href={`mailto:${s.complaint.email}`}>{s.complaint.email}</a>
                </li>
              ) : null}
              {s.complaint.url ? (
                <li>
                  <a href={s.complaint.url} rel="noopener">
                    {s.complaint.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                  </a>
                </li>
              ) : null}
            </ul>
          </>
        ) : (
          <p>{t('noComplaint')}</p>
        )}
      </section>

      {s.legalBasis.length > 0 ? (
        <section aria-labelledby="legal-heading">
          <h2 id="legal-heading">{t('legalBasis')}</h2>
          <ul className="list legal-basis">
            {s.legalBasis.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="no-print">
          <h2 id="related-heading">{t('related')}</h2>
          <ul className="list">
            {related.map((r) => (
              <li key={r.id}>
                <Link to={`/layanan/${r.slug}`}>{pickText(r.name, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
