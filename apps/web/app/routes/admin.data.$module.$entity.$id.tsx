import { isProblemError } from '@cerdas/core'
import { pickText, translator } from '@cerdas/core/web'
import { checkEntityForm, readFormValues, recordFormValues } from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Badge, CsrfField, ErrorSummary, Field, FlashNotice, type FormField } from '../admin/components'
import {
  can,
  entityFor,
  type FormFailure,
  formFields,
  problemAnswer,
  requireAction,
  verificationOf,
} from '../admin/entity.server'
import { EntityFields, RecordValue } from '../admin/entity-fields'
import entityFormStyles from '../admin/entity-form.css?url'
import { type Console, readForm, redirectWithFlash, requireConsole, takeFlash, text } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import { takePhotoUploads } from '../admin/photo-upload.server'
import { useAdminT } from '../admin/use-admin-t'

export const links = () => [{ rel: 'stylesheet', href: entityFormStyles }]

async function recordOf(console: Console, ce: ReturnType<typeof entityFor>, id: string): Promise<unknown> {
  try {
    return await ce.entity.get(console.ctx, id)
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 404) throw new Response('Not found', { status: 404 })
    throw error
  }
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  const item = await recordOf(console, ce, params.id ?? '')
  const { flash, headers } = takeFlash(request, console)
  return data(
    {
      title: pickText(ce.entity.title, console.locale),
      label: ce.entity.labelOf(item, console.locale),
      id: ce.entity.idOf(item),
      path: ce.path,
      publicUrl: ce.entity.publicUrl?.(item) ?? null,
      editUrl: ce.entity.editUrl?.(item) ?? null,
      links: (ce.entity.links?.(item) ?? []).map((l) => ({ label: pickText(l.label, console.locale), url: l.url })),
      fields: await formFields(ce.entity, console, { selfId: ce.entity.idOf(item) }),
      values: recordFormValues(ce.entity.fields, ce.entity.valuesOf(item), console.ctx.tenant.timezone),
      verification: verificationOf(ce, item, console),
      timezone: console.ctx.tenant.timezone,
      can: {
        update: can(console, ce, 'update'),
        verify: can(console, ce, 'verify'),
        delete: can(console, ce, 'delete'),
      },
      flash,
    },
    { headers },
  )
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  const id = params.id ?? ''
  const form = await readForm(console, request)
  const intent = text(form, '_intent')
  const t = translator(adminMessages, console.locale)
  const here = `${ce.path}/${encodeURIComponent(id)}`
  if (intent === 'update') {
    requireAction(console, ce, 'update')
    // A photo chosen in the form is stored first, then named by the record like the others.
    const uploads = await takePhotoUploads(console, ce.entity.fields, form, readFormValues(ce.entity.fields, form))
    const values = uploads.values
    if (Object.keys(uploads.errors).length > 0)
      return data<FormFailure>({ intent: intent, values, errors: uploads.errors, formErrors: [] }, { status: 422 })
    const checked = checkEntityForm(ce.entity, 'update', values, console.ctx.tenant.timezone)
    if (!checked.input) {
      return data<FormFailure>(
        { intent, values, errors: checked.errors, formErrors: checked.formErrors },
        { status: 422 },
      )
    }
    try {
      await ce.entity.update!(console.ctx, id, checked.input)
    } catch (error) {
      return problemAnswer(ce, error, { intent, values }, console, checked.map)
    }
    return redirectWithFlash(here, { key: 'saved' }, console)
  }
  if (intent === 'verify') {
    requireAction(console, ce, 'verify')
    const source = text(form, '_source').trim()
    const values = { _source: source }
    if (source && !/^https?:\/\/[^\s/]+\S*$/i.test(source)) {
      return data<FormFailure>(
        { intent, values, errors: { _source: { code: 'url' } }, formErrors: [] },
        { status: 422 },
      )
    }
    try {
      await ce.entity.verify!(console.ctx, id, { source: source || undefined })
    } catch (error) {
      return problemAnswer(ce, error, { intent, values }, console)
    }
    return redirectWithFlash(here, { key: 'verified' }, console)
  }
  if (intent === 'delete') {
    requireAction(console, ce, 'delete')
    if (text(form, '_confirm') !== 'on') {
      const errors = { _confirm: { code: 'custom' as const, message: t('deleteNeedsConfirm') } }
      return data<FormFailure>({ intent, values: {}, errors, formErrors: [] }, { status: 422 })
    }
    try {
      await ce.entity.remove!(console.ctx, id)
    } catch (error) {
      return problemAnswer(ce, error, { intent, values: {} }, console)
    }
    return redirectWithFlash(ce.path, { key: 'deleted' }, console)
  }
  throw new Response('Bad request', { status: 400 })
}

export default function EntityEdit() {
  const d = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useAdminT()
  const failed = (intent: string) => (failure?.intent === intent ? failure : undefined)
  const update = failed('update')
  const verify = failed('verify')
  const remove = failed('delete')
  const values = update?.values ?? d.values
  const sourceField: FormField = { name: '_source', label: t('verifySource'), type: 'url' }
  const confirmField: FormField = { name: '_confirm', label: t('deleteConfirm'), type: 'checkbox' }
  return (
    <>
      <p>
        <Link to={d.path}>{t('backToList')}</Link>
      </p>
      <p className="muted">
        {d.title} · <code>{d.id}</code>
      </p>
      <h1>{d.label}</h1>
      <FlashNotice flash={d.flash} />
      <p>
        {d.verification ? <Badge {...d.verification} /> : null}
        {d.publicUrl ? (
          <>
            {' '}
            <a href={d.publicUrl}>{t('viewPublic')}</a>
          </>
        ) : null}
      </p>
      {d.editUrl ? (
        <p>
          <Link className="button" to={d.editUrl}>
            {t('openEditor')}
          </Link>
        </p>
      ) : null}
      {d.links.length > 0 ? (
        <ul className="record-links">
          {d.links.map((l) => (
            <li key={l.url}>
              <Link to={l.url}>{l.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}

      {d.can.update ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('editTitle')}</h2>
          <ErrorSummary fields={d.fields} errors={update?.errors ?? {}} formErrors={update?.formErrors} />
          {/* Keyed by the values shown: a saved change shows what was stored, a refused one what was typed. */}
          <Form
            method="post"
            noValidate
            className="admin-form"
            key={JSON.stringify(values)}
            encType={d.fields.some((f) => f.type === 'photos') ? 'multipart/form-data' : undefined}
          >
            <CsrfField />
            <input type="hidden" name="_intent" value="update" />
            <EntityFields fields={d.fields} values={values} errors={update?.errors ?? {}} />
            {d.fields.some((f) => f.type === 'datetime') ? (
              <p className="help">{t('timeZoneNote', { zone: d.timezone })}</p>
            ) : null}
            <button type="submit">{t('save')}</button>
          </Form>
        </section>
      ) : (
        <section>
          <p className="muted">{t('readOnly')}</p>
          <dl className="record-values">
            {d.fields.map((field) => (
              <div key={field.name}>
                <dt>{field.label}</dt>
                <dd>
                  <RecordValue field={field} values={d.values} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {d.can.verify ? (
        <section aria-labelledby="verify-heading" className="admin-panel">
          <h2 id="verify-heading">{t('verifyTitle')}</h2>
          <p>{t('verifyIntro')}</p>
          <ErrorSummary fields={[sourceField]} errors={verify?.errors ?? {}} formErrors={verify?.formErrors} />
          <Form method="post" noValidate className="admin-form">
            <CsrfField />
            <input type="hidden" name="_intent" value="verify" />
            <Field field={sourceField} value={verify?.values._source ?? ''} issue={verify?.errors._source} />
            <button type="submit">{t('verifyButton')}</button>
          </Form>
        </section>
      ) : null}

      {d.can.delete ? (
        <section aria-labelledby="delete-heading" className="admin-panel danger">
          <h2 id="delete-heading">{t('deleteTitle')}</h2>
          <ErrorSummary fields={[confirmField]} errors={remove?.errors ?? {}} formErrors={remove?.formErrors} />
          <Form method="post" noValidate className="admin-form">
            <CsrfField />
            <input type="hidden" name="_intent" value="delete" />
            <Field field={confirmField} value="" issue={remove?.errors._confirm} />
            <button type="submit" className="danger">
              {t('deleteButton')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
