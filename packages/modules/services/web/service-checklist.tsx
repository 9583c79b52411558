import { formatInstant, orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { useLocale, VerificationBadge } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getServiceDetail } from '../src/services'
import { messages } from './messages'
import { RequirementChecklist } from './requirement-checklist'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const { service, office, unit } = await orNotFound(getServiceDetail(ctx, params.slug ?? ''))
  const url = new URL(request.url)
  return {
    service,
    office,
    unit,
    timezone: ctx.tenant.timezone,
    pageUrl: `${url.host}/layanan/${service.slug}`,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Persyaratan ${data.service.name.id}` : 'Persyaratan' },
  { name: 'robots', content: 'noindex' },
]

/** The requirements as a one-page checklist to print and tick off before going to the office. */
export default function ServiceChecklist() {
  const { service: s, office, unit, timezone, pageUrl } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const officeName = office ? pickText(office.name, locale) : ''
  return (
    <article className="service-checklist">
      <p className="no-print">
        <Link to={`/layanan/${s.slug}`}>{t('backToService')}</Link>
      </p>
      <h1>{t('checklistTitle', { name: pickText(s.name, locale) })}</h1>
      <p>
        {t('checklistIntro', { office: officeName })}
        {unit ? ` ${t('unit')}: ${pickText(unit.name, locale)}.` : null}
      </p>
      <RequirementChecklist requirements={s.requirements} />
      <p>
        {t('fee')}: {s.fee.free ? t('free') : `Rp${(s.fee.amount ?? 0).toLocaleString('id-ID')}`}
        {office ? ` · ${[officeName, office.address, office.kecamatan].filter(Boolean).join(', ')}` : null}
      </p>
      <p>
        <VerificationBadge
          verifiedAt={s.verification.verifiedAt}
          verifiedBy={s.verification.verifiedBy}
          source={s.verification.source}
          timezone={timezone}
        />
      </p>
      {s.verification.verified ? null : <p className="notice">{t('unverifiedNote')}</p>}
      <p className="muted">
        {t('printedOn', { url: pageUrl, date: formatInstant(s.updatedAt, { timezone }, locale) })}
      </p>
      <p className="muted no-print">{t('printHint')}</p>
    </article>
  )
}
