import { isProblemError } from '@cerdas/core'
import { tenantContext, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { eraseReporterData, getTrackedReport, requestDataCode } from '../src/index'
import { pageMailer } from './mail.server'
import { type MessageKey, messages } from './messages'

/** The tracking code travels in these forms: never stored nor its address passed on. */
export const headers = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.data as { locale?: 'id' | 'en' } | undefined)?.locale ?? 'id'
  return [{ title: translator(messages, locale)('dataTitle') }, { name: 'robots', content: 'noindex' }]
}

export function loader() {
  return null
}

type Step =
  | { step: 'start'; error: MessageKey | string | null }
  | { step: 'code'; code: string; purpose: 'export' | 'erase'; error: MessageKey | string | null }
  | { step: 'confirmErase'; code: string }
  | { step: 'erased'; number: string }

/**
 * The reporter's data request: tracking code and purpose → a one-time code by email (export, or
 * erase when an email is on file) → the download or the erasure. Without an email, erasure asks
 * for a confirmation instead; export is refused (no way to prove who asks).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = tenantContext(context)
  const form = await request.formData()
  const code = String(form.get('code') ?? '')
    .trim()
    .slice(0, 40)
  const purpose = form.get('purpose') === 'erase' ? 'erase' : 'export'
  const intent = String(form.get('intent') ?? 'request')
  const report = code ? await getTrackedReport(ctx, code) : null
  if (!report) return data<Step>({ step: 'start', error: 'trackNotFound' }, { status: 404 })
  try {
    if (intent === 'erase') {
      const otp = String(form.get('otp') ?? '').trim() || null
      if (report.hasEmail && !otp)
        return data<Step>({ step: 'code', code, purpose, error: 'dataCodeWrong' }, { status: 422 })
      const erased = await eraseReporterData(ctx, code, report.hasEmail ? otp : null)
      return data<Step>({ step: 'erased', number: erased.number })
    }
    if (!report.hasEmail) {
      if (purpose === 'erase') return data<Step>({ step: 'confirmErase', code })
      return data<Step>({ step: 'start', error: 'dataNoEmail' }, { status: 422 })
    }
    const mailer = pageMailer(context, ctx)
    if (!mailer) return data<Step>({ step: 'start', error: 'dataNoMail' }, { status: 503 })
    try {
      await requestDataCode(ctx, code, purpose, mailer)
    } catch (error) {
      if (isProblemError(error) && error.problem.status < 500) throw error
      return data<Step>({ step: 'start', error: 'dataNoMail' }, { status: 503 })
    }
    return data<Step>({ step: 'code', code, purpose, error: null })
  } catch (error) {
    if (!isProblemError(error) || error.problem.status >= 500) throw error
    const step: Step =
      intent === 'erase'
        ? { step: 'code', code, purpose, error: 'dataCodeWrong' }
        : { step: 'start', error: error.problem.detail ?? error.problem.title }
    return data<Step>(step, { status: error.problem.status })
  }
}

export default function ReportData() {
  const outcome = (useActionData<typeof action>() as Step | undefined) ?? { step: 'start', error: null }
  const t = translator(messages, useLocale())
  const say = (key: string | null) => (key ? (key in messages.id ? t(key as MessageKey) : key) : null)
  const error = 'error' in outcome ? say(outcome.error) : null
  return (
    <article className="report-data">
      <h1>{t('dataTitle')}</h1>
      <p>{t('dataIntro')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {outcome.step === 'start' ? (
        <form method="post" action="/lapor/data-saya">
          <input type="hidden" name="intent" value="request" />
          <p>
            <label htmlFor="data-code">{t('trackCode')}</label>
            <input id="data-code" name="code" required autoComplete="off" spellCheck={false} />
          </p>
          <fieldset>
            <legend>{t('dataTitle')}</legend>
            <p>
              <input id="purpose-export" type="radio" name="purpose" value="export" defaultChecked />{' '}
              <label htmlFor="purpose-export">{t('dataExport')}</label>
            </p>
            <p>
              <input id="purpose-erase" type="radio" name="purpose" value="erase" />{' '}
              <label htmlFor="purpose-erase">{t('dataErase')}</label>
            </p>
          </fieldset>
          <button type="submit">{t('dataSendCode')}</button>
        </form>
      ) : null}
      {outcome.step === 'code' ? (
        <form method="post" action={outcome.purpose === 'export' ? '/lapor/data-saya/unduh' : '/lapor/data-saya'}>
          <p role="status">{t('dataCodeSent')}</p>
          <input type="hidden" name="code" value={outcome.code} />
          <input type="hidden" name="purpose" value={outcome.purpose} />
          <input type="hidden" name="intent" value={outcome.purpose} />
          <p>
            <label htmlFor="data-otp">{t('dataCode')}</label>
            <input id="data-otp" name="otp" required inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </p>
          <button type="submit">{t(outcome.purpose === 'export' ? 'dataExport' : 'dataErase')}</button>
        </form>
      ) : null}
      {outcome.step === 'confirmErase' ? (
        <form method="post" action="/lapor/data-saya">
          <input type="hidden" name="code" value={outcome.code} />
          <input type="hidden" name="purpose" value="erase" />
          <input type="hidden" name="intent" value="erase" />
          <button type="submit">{t('dataEraseConfirm')}</button>
        </form>
      ) : null}
      {outcome.step === 'erased' ? <p role="status">{t('dataErased', { number: outcome.number })}</p> : null}
      <p>
        <a href="/lapor/privasi">{t('privacyLink')}</a>
      </p>
    </article>
  )
}
