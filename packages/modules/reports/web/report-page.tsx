import { orNotFound, tenantContext, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getPublicReport } from '../src/index'
import { messages } from './messages'
import { ReportSummary } from './report-view'

export async function loader({ params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const number = (params.number ?? '').toUpperCase().slice(0, 40)
  const report = await orNotFound(getPublicReport(ctx, number))
  if (!report) throw new Response('Not found', { status: 404 })
  return { report, timezone: ctx.tenant.timezone }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.number} · ${data.report.category.name.id}` : 'Laporan' },
  // Reports stay out of search engines: they are about people's streets, kept public for accountability.
  { name: 'robots', content: 'noindex' },
]

/** A report's public page: status, deadline, text (or why it is hidden), public photos and timeline. */
export default function ReportPage() {
  const { report, timezone } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  return (
    <article className="report-page">
      <p>
        <a href="/laporan">{t('back')}</a>
      </p>
      <h1>{report.number}</h1>
      <ReportSummary report={report} timezone={timezone} locale={locale} />
      <p>
        <a href="/lapor/lacak">{t('trackTitle')}</a> · <a href="/lapor">{t('formTitle')}</a>
      </p>
    </article>
  )
}
