import { isProblemError } from '@cerdas/core'
import { formatInstant, pickText, tenantContext, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getServiceDetail } from '../src/services'
import { messages } from './messages'
import { RequirementChecklist } from './requirement-checklist'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  try {
    const { service, office, unit } = await getServiceDetail(ctx, params.slug ?? '')
    const url = new URL(request.url)
    return {
      service,
      office,
      unit,
      timezone: ctx.tenant.timezone,
      pageUrl: `${url.host}/layanan/${service.slug}`,
      asOf: service.verification.verifiedAt ?? service.updatedAt,
    }
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 404) throw new Response('Not found', { status: 404 })
    throw error
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Persyaratan ${data.service.name.id}` : 'Persyaratan' },
  { name: 'robots', content: 'noindex' },
]

/** The requirements as a one-page checklist to print and tick off before going to the office. */
export default function ServiceChecklist() {
  const { service: s, office, unit, timezone, pageUrl, asOf } = useLoaderData<typeof loader>()
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
      {office?.address ? (
        <p>
          {officeName}, {office.address}
        </p>
      ) : null}
      <p className="muted">{t('printedOn', { url: pageUrl, date: formatInstant(asOf, { timezone }, locale) })}</p>
      <p className="muted no-print">{t('printHint')}</p>
    </article>
  )
}
