import { randomBytes, randomUUID } from 'node:crypto'
import { formatInstant, pickText, tenantContext, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { category as categoryEntity, issueDelayToken } from '../src/index'
import { messages } from './messages'
import { OFFLINE_FORM_SCRIPT } from './offline-script'
// Types in an import of their own: a `type` specifier beside values keeps the server module in the browser bundle.
import type { DuplicateHint, FormValues } from './submission.server'
import { DEVICE_COOKIE, deviceOf, duplicateHints, handleSubmission } from './submission.server'

/** A page that shows a tracking code is never stored, nor its address passed on. */
export const headers = ({ loaderHeaders, actionHeaders }: { loaderHeaders: Headers; actionHeaders: Headers }) => {
  const out = new Headers({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
  for (const h of [loaderHeaders, actionHeaders]) {
    const cookie = h.get('Set-Cookie')
    if (cookie) out.append('Set-Cookie', cookie)
  }
  return out
}

interface CategoryOption {
  id: string
  slug: string
  name: string
  description: string | null
  group: string | null
}

async function formBasics(context: LoaderFunctionArgs['context'], request: Request) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const listed = (await categoryEntity.list(ctx, { limit: 100 })) as {
    items: {
      id: string
      slug: string
      name: { id: string; en?: string }
      description?: { id: string; en?: string } | null
      group?: string | null
      active?: boolean
    }[]
  }
  const categories: CategoryOption[] = listed.items
    .filter((c) => c.active !== false)
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      name: pickText(c.name, locale),
      description: c.description ? pickText(c.description, locale) : null,
      group: c.group ?? null,
    }))
  const device = deviceOf(request)
  const headers = new Headers()
  const deviceId = device ?? randomBytes(16).toString('base64url')
  if (!device) {
    headers.append(
      'Set-Cookie',
      `${DEVICE_COOKIE}=${deviceId}; Path=/; Max-Age=31536000; SameSite=Lax${context.secureCookies ? '; Secure' : ''}`,
    )
  }
  return {
    ctx,
    headers,
    form: {
      categories,
      delayToken: await issueDelayToken(ctx),
      clientKey: randomUUID(),
      device: deviceId,
      timezone: ctx.tenant.timezone,
    },
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, headers, form } = await formBasics(context, request)
  const url = new URL(request.url)
  // The GET step of the duplicate hint: category and desa chosen, the list of open reports there.
  const chosen = url.searchParams.get('category') ?? ''
  const values: FormValues = {}
  for (const name of ['category', 'kecamatan', 'desa'] as const) {
    const v = url.searchParams.get(name)
    if (v) values[name] = v.slice(0, 100)
  }
  const duplicates = chosen
    ? await duplicateHints(ctx, { category: chosen, kecamatan: values.kecamatan, desa: values.desa })
    : []
  return data({ ...form, values, duplicates }, { headers })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx, headers, form } = await formBasics(context, request)
  const result = await handleSubmission(ctx, context, request.clone())
  const status = result.kind === 'sent' ? 200 : result.kind === 'limited' ? 429 : 422
  if (result.kind === 'limited') headers.set('Retry-After', String(result.retryAfter))
  return data({ ...form, result }, { status, headers })
}

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.data as { locale?: 'id' | 'en' } | undefined)?.locale ?? 'id'
  return [{ title: translator(messages, locale)('formTitle') }, { name: 'robots', content: 'noindex' }]
}

/** The report form (works without JavaScript), its errors and duplicate hints, or the receipt once sent. */
export default function ReportForm() {
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const page = acted ?? loaded
  const result = acted?.result
  if (result?.kind === 'sent') return <Receipt result={result} />
  const values: FormValues =
    result && 'values' in result ? result.values : 'values' in page ? (page.values as FormValues) : {}
  const errors: Record<string, string> = result?.kind === 'invalid' ? result.errors : {}
  const duplicates: DuplicateHint[] =
    result?.kind === 'invalid' ? result.duplicates : 'duplicates' in page ? (page.duplicates as DuplicateHint[]) : []
  const err = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null
  const described = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined
  const groups = new Map<string, CategoryOption[]>()
  for (const c of page.categories) groups.set(c.group ?? '', [...(groups.get(c.group ?? '') ?? []), c])
  return (
    <article className="report-form-page">
      <h1>{t('formTitle')}</h1>
      <p className="lead">{t('formIntro')}</p>
      <div id="report-drafts" className="report-drafts" aria-live="polite" hidden />
      {result?.kind === 'limited' ? (
        <p className="form-error" role="alert">
          {t('rateLimited', {
            time: formatInstant(result.retryAt, { timezone: page.timezone }, locale, { timeStyle: 'short' }),
            minutes: Math.max(1, Math.ceil(result.retryAfter / 60)),
          })}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          <p>{t('errorSummary')}</p>
          {errors.form ? <p>{errors.form}</p> : null}
        </div>
      ) : null}
      {duplicates.length > 0 ? (
        <section className="report-duplicates" aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">{t('duplicatesHeading')}</h2>
          <p>{t('duplicatesIntro')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.number}>
                <a href={`/laporan/${d.number}`}>{t('followThis')}</a> ({d.number}
                {d.place ? `, ${d.place}` : ''}){d.description ? `: ${d.description.slice(0, 120)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="post" encType="multipart/form-data" action="/lapor" className="report-form" id="report-form">
        <input type="hidden" name="delayToken" value={page.delayToken} />
        <input type="hidden" name="clientKey" value={page.clientKey} />
        <input type="hidden" name="device" value={page.device} />
        <input type="hidden" name="lat" value={values.lat ?? ''} />
        <input type="hidden" name="lon" value={values.lon ?? ''} />
        <p>
          <label htmlFor="report-category">{t('category')}</label>
          <select
            id="report-category"
            name="category"
            required
            defaultValue={values.category ?? ''}
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={described('category')}
          >
            <option value="">{t('categoryChoose')}</option>
            {[...groups].map(([group, items]) =>
              group ? (
                <optgroup key={group} label={group}>
                  {items.map((c) => (
                    <option key={c.id} value={c.slug} title={c.description ?? undefined}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : (
                items.map((c) => (
                  <option key={c.id} value={c.slug} title={c.description ?? undefined}>
                    {c.name}
                  </option>
                ))
              ),
            )}
          </select>
          {err('category')}
        </p>
        {page.categories.some((c) => c.description) ? (
          <details className="report-category-help">
            <summary>{t('category')}</summary>
            <dl>
              {page.categories.map((c) => (
                <div key={c.id}>
                  <dt>{c.name}</dt>
                  <dd>{c.description ?? ''}</dd>
                </div>
              ))}
            </dl>
          </details>
        ) : null}
        <p>
          <label htmlFor="report-description">{t('description')}</label>
          <textarea
            id="report-description"
            name="description"
            rows={5}
            maxLength={2000}
            required
            defaultValue={values.description ?? ''}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={described('description', 'description-hint')}
          />
          <small id="description-hint">{t('descriptionHint')}</small>
          {err('description')}
        </p>
        <p>
          <label htmlFor="report-photos">{t('photos')}</label>
          <input
            id="report-photos"
            type="file"
            name="photos"
            accept="image/*"
            capture="environment"
            multiple
            aria-invalid={errors.photos ? true : undefined}
            aria-describedby={described('photos', 'photos-hint')}
          />
          <small id="photos-hint">{t('photosHint')}</small>
          {err('photos')}
        </p>
        <fieldset>
          <legend>{t('locationHeading')}</legend>
          <p>
            <button type="button" id="report-locate" hidden>
              {t('useMyLocation')}
            </button>
            <span id="report-locate-status" aria-live="polite" />
          </p>
          <p id="location-hint">{t('locationHint')}</p>
          {err('location')}
          <p>
            <label htmlFor="report-kecamatan">{t('kecamatan')}</label>
            <input
              id="report-kecamatan"
              name="kecamatan"
              maxLength={100}
              defaultValue={values.kecamatan ?? ''}
              aria-invalid={errors.location || errors.kecamatan ? true : undefined}
              aria-describedby={described('kecamatan', 'location-hint')}
            />
            {err('kecamatan')}
          </p>
          <p>
            <label htmlFor="report-desa">{t('desa')}</label>
            <input
              id="report-desa"
              name="desa"
              maxLength={100}
              defaultValue={values.desa ?? ''}
              aria-invalid={errors.location || errors.desa ? true : undefined}
              aria-describedby={described('desa', 'location-hint')}
            />
            {err('desa')}
          </p>
          <p>
            <label htmlFor="report-landmark">{t('landmark')}</label>
            <input
              id="report-landmark"
              name="landmark"
              maxLength={300}
              defaultValue={values.landmark ?? ''}
              aria-describedby={described('landmark')}
            />
            {err('landmark')}
          </p>
          <p>
            <input id="report-at-home" type="checkbox" name="atHome" defaultChecked={values.atHome === 'on'} />{' '}
            <label htmlFor="report-at-home">{t('atHome')}</label>
          </p>
        </fieldset>
        <ul id="report-duplicate-hints" className="report-duplicate-hints" aria-live="polite" />
        <fieldset>
          <legend>{t('contactHeading')}</legend>
          <p id="contact-note">
            {t('contactNote')} <a href="/lapor/privasi">{t('privacyLink')}</a>
          </p>
          {(['name', 'phone', 'email'] as const).map((name) => (
            <p key={name}>
              <label htmlFor={`report-${name}`}>{t(name)}</label>
              <input
                id={`report-${name}`}
                name={name}
                type={name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'}
                autoComplete={name === 'phone' ? 'tel' : name}
                maxLength={name === 'email' ? 200 : 100}
                defaultValue={values[name] ?? ''}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={described(name, 'contact-note')}
              />
              {err(name)}
            </p>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t('submit')}</button>
        </p>
      </form>
      <p>
        <a href="/lapor/lacak">{t('trackTitle')}</a> · <a href="/lapor/privasi">{t('privacyLink')}</a> ·{' '}
        <a href="/laporan">{t('listTitle')}</a>
      </p>
      <script
        type="application/json"
        id="report-offline-text"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with < escaped, read by the offline script
        dangerouslySetInnerHTML={{
          __html: JSON.stringify({
            waiting: t('offlineWaiting'),
            waitingHint: t('offlineWaitingHint'),
            sent: t('offlineSent'),
            remove: t('offlineRemove'),
            failed: t('offlineFailed'),
            code: t('receiptCodeLabel'),
            found: t('locationFound'),
            locateFailed: t('locationFailed'),
            follow: t('followThis'),
          }).replace(/</g, '\\u003c'),
        }}
      />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the page's own offline script, a constant */}
      <script dangerouslySetInnerHTML={{ __html: OFFLINE_FORM_SCRIPT }} />
    </article>
  )
}

/** The receipt: the tracking code shown once, big, with the advice to keep it. */
function Receipt({ result }: { result: { number: string; trackingCode: string | null; replayed: boolean } }) {
  const locale = useLocale()
  const t = translator(messages, locale)
  return (
    <article className="report-receipt">
      <h1>{t('receiptTitle')}</h1>
      <p>{t('receiptNumber', { number: result.number })}</p>
      {result.trackingCode ? (
        <>
          <p>{t('receiptCodeLabel')}</p>
          <p className="tracking-code" id="tracking-code">
            <output>{result.trackingCode}</output>
          </p>
          <p className="report-advice">{t('receiptAdvice')}</p>
        </>
      ) : (
        <p>{t('receiptReplayed', { number: result.number })}</p>
      )}
      <p>
        <a href="/lapor/lacak">{t('receiptTrack')}</a> · <a href={`/laporan/${result.number}`}>{t('receiptPublic')}</a>{' '}
        · <a href="/lapor">{t('receiptAnother')}</a>
      </p>
    </article>
  )
}
