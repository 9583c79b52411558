import { pickText } from '@cerdas/core/web'
import { checkEntityForm, readFormValues } from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField, ErrorSummary } from '../admin/components'
import { entityFor, type FormFailure, formFields, problemAnswer, requireAction } from '../admin/entity.server'
import { EntityFields } from '../admin/entity-fields'
import entityFormStyles from '../admin/entity-form.css?url'
import { readForm, redirectWithFlash, requireConsole } from '../admin/guard.server'
import { takePhotoUploads } from '../admin/photo-upload.server'
import { useAdminT } from '../admin/use-admin-t'

export const links = () => [{ rel: 'stylesheet', href: entityFormStyles }]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  requireAction(console, ce, 'create')
  return {
    title: pickText(ce.entity.title, console.locale),
    path: ce.path,
    fields: await formFields(ce.entity, console),
    timezone: console.ctx.tenant.timezone,
  }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  requireAction(console, ce, 'create')
  const form = await readForm(console, request)
  // A photo chosen in the form is stored first, then named by the record like the others.
  const uploads = await takePhotoUploads(console, ce.entity.fields, form, readFormValues(ce.entity.fields, form))
  const values = uploads.values
  if (Object.keys(uploads.errors).length > 0)
    return data<FormFailure>({ intent: 'create', values, errors: uploads.errors, formErrors: [] }, { status: 422 })
  const checked = checkEntityForm(ce.entity, 'create', values, console.ctx.tenant.timezone)
  if (!checked.input) {
    return data<FormFailure>(
      { intent: 'create', values, errors: checked.errors, formErrors: checked.formErrors },
      { status: 422 },
    )
  }
  try {
    await ce.entity.create!(console.ctx, checked.input)
  } catch (error) {
    return problemAnswer(ce, error, { intent: 'create', values }, console, checked.map)
  }
  return redirectWithFlash(ce.path, { key: 'created' }, console)
}

export default function EntityCreate() {
  const { title, path, fields, timezone } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useAdminT()
  const values = failure?.values ?? {}
  const errors = failure?.errors ?? {}
  return (
    <>
      <p>
        <Link to={path}>{t('backToList')}</Link>
      </p>
      <h1>{t('createTitle', { entity: title })}</h1>
      <ErrorSummary fields={fields} errors={errors} formErrors={failure?.formErrors} />
      <Form
        method="post"
        noValidate
        className="admin-form"
        key={JSON.stringify(values)}
        encType={fields.some((f) => f.type === 'photos') ? 'multipart/form-data' : undefined}
      >
        <CsrfField />
        <EntityFields fields={fields} values={values} errors={errors} />
        {fields.some((f) => f.type === 'datetime') ? (
          <p className="help">{t('timeZoneNote', { zone: timezone })}</p>
        ) : null}
        <button type="submit">{t('save')}</button>
      </Form>
    </>
  )
}
