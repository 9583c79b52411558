import { isProblemError } from '@cerdas/core'
import { tenantContext, translator } from '@cerdas/core/web'
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { exportReporterData } from '../src/index'
import { messages } from './messages'

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

/** Only posted to: a visitor who opens the address is sent to the page with the form. */
export const loader = () => redirect('/lapor/data-saya', 303)

/** The reporter's data as a JSON download, after the one-time code; a wrong code says so plainly. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = tenantContext(context)
  const form = await request.formData()
  const code = String(form.get('code') ?? '')
    .trim()
    .slice(0, 40)
  const otp = String(form.get('otp') ?? '')
    .trim()
    .slice(0, 12)
  try {
    const exported = await exportReporterData(ctx, code, otp)
    const number = typeof exported.number === 'string' ? exported.number.replace(/[^A-Za-z0-9-]/g, '') : 'laporan'
    return new Response(JSON.stringify(exported, null, 2), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="data-${number}.json"`,
      },
    })
  } catch (error) {
    if (!isProblemError(error) || error.problem.status >= 500) throw error
    const t = translator(messages, context.locale)
    const html = `<!doctype html><html lang="${context.locale}"><meta charset="utf-8"><title>${t('dataTitle')}</title><p>${t('dataCodeWrong')}</p><p><a href="/lapor/data-saya">${t('dataTitle')}</a></p></html>`
    return new Response(html, {
      status: error.problem.status,
      headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' },
    })
  }
}
