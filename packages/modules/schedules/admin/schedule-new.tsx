import { pickText } from '@cerdas/core/web'
import { CsrfField } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { definitionFromForm } from '../src/editor-form'
import { SCHEDULE_KINDS } from '../src/kinds'
import { createSchedule } from '../src/schedules'
import { localizeIssues, postedValues, problemIssues, scheduleScreen } from './editor.server'
import { type ScheduleAdminMessageKey, useScheduleT } from './messages'
import { EditorErrorSummary, inputId, WeeklyGrid } from './schedule-editor'
import editorStyles from './schedule-editor.css?url'

export const links = () => [{ rel: 'stylesheet', href: editorStyles }]

const META_FIELDS: { name: string; label: ScheduleAdminMessageKey; required?: boolean }[] = [
  { name: 'label.id', label: 'labelIndonesian', required: true },
  { name: 'label.en', label: 'labelEnglish' },
  { name: 'owner.module', label: 'ownerModule', required: true },
  { name: 'owner.type', label: 'ownerType', required: true },
  { name: 'owner.id', label: 'ownerId', required: true },
  { name: 'role.id', label: 'roleIndonesian' },
  { name: 'role.en', label: 'roleEnglish' },
]

const DEFAULTS = { 'owner.module': 'directory', 'owner.type': 'office', kind: 'hours', closedOnHolidays: 'on' }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const screen = scheduleScreen(context, request)
  screen.require('create')
  // `?pemilik=directory/office/disdukcapil` prefills the owner (links from other modules' screens).
  const owner = new URL(request.url).searchParams.get('pemilik')?.split('/') ?? []
  const values: Record<string, string> = { ...DEFAULTS }
  if (owner.length === 3) {
    values['owner.module'] = owner[0] ?? ''
    values['owner.type'] = owner[1] ?? ''
    values['owner.id'] = owner[2] ?? ''
  }
  return { values, listPath: screen.path }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const screen = scheduleScreen(context, request)
  screen.require('create')
  const { ctx, locale } = screen
  const form = await screen.readForm(request)
  const values = postedValues(form)
  const checked = definitionFromForm(values, { zone: ctx.tenant.timezone })
  const errors = localizeIssues(checked.errors, locale)
  const required = locale === 'en' ? 'Required.' : 'Wajib diisi.'
  for (const field of META_FIELDS) if (field.required && !values[field.name]?.trim()) errors[field.name] = required
  const kind = values.kind
  if (!SCHEDULE_KINDS.includes(kind as never)) errors.kind = locale === 'en' ? 'Choose a kind.' : 'Pilih jenis jadwal.'
  const failure = { values, errors, formErrors: checked.formErrors.map((i) => pickText(i, locale)) }
  if (Object.keys(errors).length > 0 || !checked.definition) return data(failure, { status: 422 })
  const v = (name: string) => values[name]?.trim() ?? ''
  try {
    const { label: _label, ...definition } = checked.definition
    const created = await createSchedule(ctx, {
      owner: { module: v('owner.module'), type: v('owner.type'), id: v('owner.id') },
      kind: kind as 'hours' | 'presence',
      label: { id: v('label.id'), ...(v('label.en') ? { en: v('label.en') } : {}) },
      ...(v('role.id') ? { role: { id: v('role.id'), ...(v('role.en') ? { en: v('role.en') } : {}) } } : {}),
      definition,
    })
    return screen.redirectWithNotice(`/admin/jadwal/${created.id}`, 'noticeCreated')
  } catch (error) {
    const issues = problemIssues(error, checked, locale)
    if (!issues) throw error
    // An owner of another team's module is refused with 403, as the API refuses it (ADR 0110).
    const { status, ...shown } = issues
    return data({ ...failure, ...shown }, { status: status === 403 ? 403 : 422 })
  }
}

export default function NewSchedule() {
  const d = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useScheduleT()
  const values = failure?.values ?? d.values
  const errors = failure?.errors ?? {}
  const labels = Object.fromEntries([...META_FIELDS.map((f) => [f.name, t(f.label)]), ['kind', t('kind')]]) as Record<
    string,
    string
  >
  const input = (name: string, required?: boolean) => (
    <div key={name} className={`field${errors[name] ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId(name)}>
        {labels[name]}
        {required ? <span className="required"> *</span> : null}
      </label>
      {errors[name] ? (
        <p className="field-error" id={`${inputId(name)}-error`}>
          {errors[name]}
        </p>
      ) : null}
      <input
        id={inputId(name)}
        name={name}
        defaultValue={values[name] ?? ''}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${inputId(name)}-error` : undefined}
      />
    </div>
  )
  return (
    <>
      <p>
        <Link to={d.listPath}>{t('backToList')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <EditorErrorSummary errors={errors} formErrors={failure?.formErrors ?? []} labels={labels} />
      <Form method="post" noValidate className="admin-form schedule-editor" key={JSON.stringify(values)}>
        <CsrfField />
        {input('label.id', true)}
        {input('label.en')}
        <div className={`field${errors.kind ? ' field-invalid' : ''}`}>
          <label htmlFor={inputId('kind')}>{t('kind')}</label>
          {errors.kind ? (
            <p className="field-error" id={`${inputId('kind')}-error`}>
              {errors.kind}
            </p>
          ) : null}
          <select id={inputId('kind')} name="kind" defaultValue={values.kind ?? 'hours'}>
            <option value="hours">{t('kind_hours')}</option>
            <option value="presence">{t('kind_presence')}</option>
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('owner')}</legend>
          <p className="help">{t('ownerHelp')}</p>
          {input('owner.module', true)}
          {input('owner.type', true)}
          {input('owner.id', true)}
        </fieldset>
        {input('role.id')}
        {input('role.en')}
        <h2>{t('weekly')}</h2>
        <p className="help">{t('weeklyIntro')}</p>
        <WeeklyGrid prefix="w" values={values} errors={errors} caption={t('weekly')} />
        <label className="check" htmlFor={inputId('closedOnHolidays')}>
          <input
            id={inputId('closedOnHolidays')}
            name="closedOnHolidays"
            type="checkbox"
            defaultChecked={values.closedOnHolidays === 'on'}
          />{' '}
          {t('closedOnHolidays')}
        </label>
        <div className="form-buttons">
          <button type="submit">{t('create')}</button>
        </div>
      </Form>
    </>
  )
}
