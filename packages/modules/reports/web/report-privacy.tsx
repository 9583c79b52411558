import { tenantContext, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { reportsSettings } from '../src/index'
import { messages } from './messages'

export async function loader({ context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  return { retentionDays: reportsSettings(ctx).retentionDays, tenant: ctx.tenant.name }
}

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.data as { locale?: 'id' | 'en' } | undefined)?.locale ?? 'id'
  return [{ title: translator(messages, locale)('privacyTitle') }]
}

/** The privacy notice of citizen reports (UU PDP 27/2022): purpose, who sees what, retention, rights. */
export default function ReportPrivacy() {
  const { retentionDays, tenant } = useLoaderData<typeof loader>()
  const t = translator(messages, useLocale())
  const sections = [
    ['privacyPurposeHeading', 'privacyPurpose'],
    ['privacyPublicHeading', 'privacyPublic'],
    ['privacyPrivateHeading', 'privacyPrivate'],
    ['privacyRetentionHeading', 'privacyRetention'],
    ['privacyRightsHeading', 'privacyRights'],
  ] as const
  return (
    <article className="report-privacy">
      <h1>{t('privacyTitle')}</h1>
      <p className="muted">{tenant}</p>
      {sections.map(([heading, body]) => (
        <section key={heading} aria-labelledby={`privacy-${heading}`}>
          <h2 id={`privacy-${heading}`}>{t(heading)}</h2>
          <p>{t(body, { days: retentionDays })}</p>
        </section>
      ))}
      <p>
        <a href="/lapor/data-saya">{t('dataLink')}</a> · <a href="/lapor">{t('formTitle')}</a>
      </p>
    </article>
  )
}
