import { isProblemError } from '@cerdas/core'
import { tenantContext, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { confirmReport, getTrackedReport, reopenReport } from '../src/index'
import type { TrackedReport } from '../src/types'
import { messages } from './messages'
import { ReportSummary } from './report-view'

/** The code is the reporter's key: this page is never stored nor its address passed on. */
export const headers = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.data as { locale?: 'id' | 'en' } | undefined)?.locale ?? 'id'
  return [{ title: translator(messages, locale)('trackTitle') }, { name: 'robots', content: 'noindex' }]
}

export function loader() {
  return null
}

type Outcome =
  | { kind: 'notFound'; code: string }
  | {
      kind: 'report'
      code: string
      report: TrackedReport
      timezone: string
      notice: 'confirmed' | 'reopened' | null
      error: string | null
    }

/** Enter the code (POST, never in the address) → the report as its reporter sees it; confirm or reopen. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = tenantContext(context)
  const t = translator(messages, context.locale)
  const form = await request.formData()
  const code = String(form.get('code') ?? '')
    .trim()
    .slice(0, 40)
  const intent = String(form.get('intent') ?? '')
  const timezone = ctx.tenant.timezone
  const found = code ? await getTrackedReport(ctx, code) : null
  if (!found) return data<Outcome>({ kind: 'notFound', code }, { status: 404 })
  try {
    if (intent === 'confirm' && found.canConfirm) {
      return data<Outcome>({
        kind: 'report',
        code,
        report: await confirmReport(ctx, code),
        timezone,
        notice: 'confirmed',
        error: null,
      })
    }
    if (intent === 'reopen' && found.canReopen) {
      const reason = String(form.get('reason') ?? '')
        .trim()
        .slice(0, 2000)
      if (!reason) {
        return data<Outcome>(
          { kind: 'report', code, report: found, timezone, notice: null, error: t('reopenReasonRequired') },
          { status: 422 },
        )
      }
      return data<Outcome>({
        kind: 'report',
        code,
        report: await reopenReport(ctx, code, reason),
        timezone,
        notice: 'reopened',
        error: null,
      })
    }
  } catch (error) {
    if (!isProblemError(error) || error.problem.status >= 500) throw error
    return data<Outcome>(
      {
        kind: 'report',
        code,
        report: found,
        timezone,
        notice: null,
        error: error.problem.detail ?? error.problem.title,
      },
      { status: error.problem.status },
    )
  }
  return data<Outcome>({ kind: 'report', code, report: found, timezone, notice: null, error: null })
}

export default function TrackReport() {
  const outcome = useActionData<typeof action>() as Outcome | undefined
  const locale = useLocale()
  const t = translator(messages, locale)
  const codeForm = (
    <form method="post" action="/lapor/lacak" className="report-track-form">
      <p>
        <label htmlFor="track-code">{t('trackCode')}</label>
        <input
          id="track-code"
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={outcome?.kind === 'notFound' ? outcome.code : ''}
          aria-describedby="track-code-hint"
          aria-invalid={outcome?.kind === 'notFound' ? true : undefined}
        />
        <small id="track-code-hint">{t('trackCodeHint')}</small>
      </p>
      {outcome?.kind === 'notFound' ? (
        <p className="field-error" role="alert">
          {t('trackNotFound')}
        </p>
      ) : null}
      <p>
        <button type="submit">{t('trackSubmit')}</button>
      </p>
    </form>
  )
  if (outcome?.kind !== 'report') {
    return (
      <article className="report-track">
        <h1>{t('trackTitle')}</h1>
        <p>{t('trackIntro')}</p>
        {codeForm}
      </article>
    )
  }
  const { report, code } = outcome
  return (
    <article className="report-track">
      <h1>{report.number}</h1>
      {outcome.notice ? (
        <p className="notice" role="status">
          {t(outcome.notice === 'confirmed' ? 'confirmedNotice' : 'reopenedNotice')}
        </p>
      ) : null}
      {outcome.error ? (
        <p className="form-error" role="alert">
          {outcome.error}
        </p>
      ) : null}
      <ReportSummary report={report} timezone={outcome.timezone} locale={locale} />
      {report.canConfirm || report.canReopen ? (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">{t('confirmHeading')}</h2>
          {report.canConfirm ? (
            <form method="post" action="/lapor/lacak">
              <input type="hidden" name="code" value={code} />
              <input type="hidden" name="intent" value="confirm" />
              <button type="submit">{t('confirmButton')}</button>
            </form>
          ) : null}
          {report.canReopen ? (
            <form method="post" action="/lapor/lacak">
              <input type="hidden" name="code" value={code} />
              <input type="hidden" name="intent" value="reopen" />
              <p>
                <label htmlFor="reopen-reason">{t('reopenReason')}</label>
                <textarea id="reopen-reason" name="reason" rows={3} maxLength={2000} />
              </p>
              <button type="submit">{t('reopenButton')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      <p>
        <a href="/lapor/data-saya">{t('dataLink')}</a> · <a href="/lapor/privasi">{t('privacyLink')}</a> ·{' '}
        <a href={`/laporan/${report.number}`}>{t('receiptPublic')}</a>
      </p>
    </article>
  )
}
