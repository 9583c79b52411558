import { pickText } from '@cerdas/core/web'
import { ConsoleNotice, CsrfField, StatusBadge } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { definitionFromForm, formFromDefinition } from '../src/editor-form'
import { SCHEDULE_KIND_LABELS } from '../src/kinds'
import {
  type EditorAnswer,
  formText,
  localizeIssues,
  postedValues,
  previewOf,
  previewStart,
  problemIssues,
  scheduleOr404,
  scheduleScreen,
} from './editor.server'
import { noticeText, useScheduleT } from './messages'
import { EditorErrorSummary, type PreviewData, ScheduleFields, SchedulePreview } from './schedule-editor'
import editorStyles from './schedule-editor.css?url'

export const links = () => [{ rel: 'stylesheet', href: editorStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.label} · Jadwal` : 'Jadwal' }]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const screen = scheduleScreen(context, request)
  const { ctx, locale } = screen
  const schedule = await scheduleOr404(ctx, params.id ?? '')
  const from = previewStart(new URL(request.url).searchParams.get('from'), schedule.definition.zone, ctx.now())
  const { key, headers } = screen.takeNotice(request)
  return data(
    {
      id: schedule.id,
      label: pickText(schedule.label, locale),
      kind: schedule.kind,
      kindLabel: pickText(SCHEDULE_KIND_LABELS[schedule.kind], locale),
      role: schedule.role,
      owner: `${schedule.owner.module}/${schedule.owner.type}/${schedule.owner.id}`,
      openingHours: schedule.openingHours,
      genericPath: `${screen.path}/${schedule.id}`,
      listPath: screen.path,
      publicUrl: `/jadwal/${schedule.id}`,
      values: formFromDefinition(schedule.definition),
      preview: await previewOf(ctx, schedule, schedule.definition, from),
      verification: screen.verification(schedule),
      can: { update: screen.can('update'), verify: screen.can('verify') },
      notice: noticeText(key, locale),
    },
    { headers },
  )
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const screen = scheduleScreen(context, request)
  const { ctx, locale } = screen
  const id = params.id ?? ''
  const schedule = await scheduleOr404(ctx, id)
  const form = await screen.readForm(request)
  const intent = formText(form, '_intent')
  const here = `/admin/jadwal/${encodeURIComponent(id)}`

  if (intent === 'verify') {
    screen.require('verify')
    const source = formText(form, '_source').trim()
    if (source && !/^https?:\/\/[^\s/]+\S*$/i.test(source)) {
      const answer: EditorAnswer = {
        intent,
        values: { _source: source },
        errors: { _source: locale === 'en' ? 'Enter a full web address.' : 'Masukkan alamat web lengkap.' },
        formErrors: [],
        preview: null,
      }
      return data(answer, { status: 422 })
    }
    await screen.entity.verify!(ctx, id, { source: source || undefined })
    return screen.redirectWithNotice(here, 'noticeVerified')
  }
  if (intent !== 'save' && intent !== 'preview') throw new Response('Bad request', { status: 400 })

  // Previewing changes nothing; it needs only the right to open the schedule.
  if (intent === 'save') screen.require('update')
  const values = postedValues(form)
  const from = previewStart(formText(form, '_from'), schedule.definition.zone, ctx.now())
  const base = {
    zone: schedule.definition.zone,
    ...(schedule.definition.holidayKinds ? { holidayKinds: schedule.definition.holidayKinds } : {}),
  }
  const checked = definitionFromForm(values, base)
  const answer: EditorAnswer = {
    intent,
    values,
    errors: localizeIssues(checked.errors, locale),
    formErrors: checked.formErrors.map((issue) => pickText(issue, locale)),
    preview: checked.definition ? await previewOf(ctx, schedule, checked.definition, from) : null,
  }
  if (!checked.definition) return data(answer, { status: 422 })
  if (intent === 'preview') return data(answer)

  try {
    // Through the module's business function: validated again, audited, verification cleared on change.
    await screen.entity.update!(ctx, id, { definition: checked.definition })
  } catch (error) {
    const issues = problemIssues(error, checked, locale)
    if (!issues) throw error
    const { status: _status, ...shown } = issues
    return data({ ...answer, ...shown }, { status: 422 })
  }
  return screen.redirectWithNotice(here, 'noticeSaved')
}

export default function ScheduleEditor() {
  const d = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const t = useScheduleT()
  const fetcher = useFetcher<typeof action>()
  const [live, setLive] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  // A full submission (save, preview without JavaScript) answers for itself; live previews follow edits.
  const [seen, setSeen] = useState(answer)
  if (answer !== seen) {
    setSeen(answer)
    setLive(false)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  const submitted = answer && answer.intent !== 'verify' ? answer : undefined
  const shown = live && fetcher.data && fetcher.data.intent === 'preview' ? fetcher.data : submitted
  const values = submitted?.values ?? d.values
  const errors = submitted?.errors ?? {}
  const preview = (shown ? shown.preview : d.preview) as PreviewData | null
  const verifyError = answer?.intent === 'verify' ? answer.errors._source : undefined

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const body = new FormData(formElement)
      body.set('_intent', 'preview')
      setLive(true)
      fetcher.submit(body, { method: 'post' })
    }, 400)
  }

  return (
    <>
      <p>
        <Link to={d.listPath}>{t('backToList')}</Link>
      </p>
      <p className="muted">
        {t('editorTitle')} · <code>{d.id}</code>
      </p>
      <h1>{d.label}</h1>
      <ConsoleNotice text={d.notice} />
      <p className="muted">{t('ownerLine', { owner: d.owner, kind: d.kindLabel })}</p>
      <p>
        {d.verification ? <StatusBadge {...d.verification} /> : null} <a href={d.publicUrl}>{t('viewPublic')}</a> ·{' '}
        <Link to={d.genericPath}>{t('describe')}</Link>
      </p>
      <p>
        <code className="opening-hours">{d.openingHours}</code>
      </p>

      {d.can.update ? (
        <>
          <EditorErrorSummary errors={errors} formErrors={submitted?.formErrors ?? []} />
          {/* Keyed by the values so a saved change (or a rejected one) shows what it holds. */}
          <Form
            method="post"
            noValidate
            className="admin-form schedule-editor"
            key={JSON.stringify(values)}
            onChange={onChange}
          >
            <CsrfField />
            <ScheduleFields values={values} errors={errors} />
            <p className="help">{t('unchangedNote')}</p>
            <div className="field">
              <label htmlFor="s-_from">{t('previewFrom')}</label>
              <input id="s-_from" name="_from" type="date" defaultValue={preview?.from ?? d.preview.from} />
            </div>
            <div className="form-buttons">
              <button type="submit" name="_intent" value="save">
                {t('save')}
              </button>{' '}
              <button type="submit" name="_intent" value="preview" className="secondary">
                {t('preview')}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p className="muted">{t('readOnly')}</p>
      )}

      <SchedulePreview
        preview={preview}
        kind={d.kind}
        role={d.role}
        saved={!shown}
        unavailable={Boolean(shown && !shown.preview)}
      />

      {d.can.verify ? (
        <section aria-labelledby="verify-heading" className="admin-panel">
          <h2 id="verify-heading">{t('verifyTitle')}</h2>
          <p>{t('verifyIntro')}</p>
          <Form method="post" noValidate className="admin-form">
            <CsrfField />
            <input type="hidden" name="_intent" value="verify" />
            <div className={`field${verifyError ? ' field-invalid' : ''}`}>
              <label htmlFor="s-_source">{t('verifySource')}</label>
              {verifyError ? (
                <p className="field-error" id="s-_source-error">
                  {verifyError}
                </p>
              ) : null}
              <input
                id="s-_source"
                name="_source"
                type="url"
                aria-invalid={verifyError ? true : undefined}
                aria-describedby={verifyError ? 's-_source-error' : undefined}
              />
            </div>
            <button type="submit">{t('verifyButton')}</button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
