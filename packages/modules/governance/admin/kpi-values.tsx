import { ConsoleNotice, CsrfField } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import {
  kpiOr404,
  kpiScreen,
  kpiValuesPage,
  kpiValuesPath,
  recordFromForm,
  type ValueAnswer,
  type ValueField,
} from './kpi-values.server'
import { useKpiValuesT } from './kpi-values-messages'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.kpi.name} · Catat nilai` : 'Catat nilai' },
]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const screen = kpiScreen(context, request)
  const k = await kpiOr404(screen, params.id ?? '')
  const page = await kpiValuesPage(screen, k, request)
  return data(page.data, { headers: page.headers })
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const screen = kpiScreen(context, request)
  const k = await kpiOr404(screen, params.id ?? '')
  const form = await screen.readForm(request)
  const result = await recordFromForm(screen, k, form)
  if (!result.ok) return data(result.answer, { status: result.status })
  return screen.redirectWithNotice(kpiValuesPath(k.id), 'noticeRecorded')
}

/** One labelled input with its help and its error next to it. */
function Field(props: {
  name: ValueField
  label: string
  help?: string
  answer: ValueAnswer | undefined
  fallback?: string
  children: (attrs: {
    id: string
    name: string
    defaultValue: string
    'aria-invalid'?: true
    'aria-describedby'?: string
  }) => ReactNode
}) {
  const { name, answer } = props
  const id = `kpi-value-${name}`
  const error = answer?.errors[name]
  const described = [error ? `${id}-error` : '', props.help ? `${id}-help` : ''].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.help ? (
        <p className="help" id={`${id}-help`}>
          {props.help}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {props.children({
        id,
        name,
        defaultValue: answer ? answer.values[name] : (props.fallback ?? ''),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
    </div>
  )
}

export default function KpiValues() {
  const d = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as ValueAnswer | undefined
  const t = useKpiValuesT()
  const k = d.kpi
  return (
    <>
      <p>
        <Link to={d.kpiPath}>{t('backToKpi')}</Link>
      </p>
      <p className="muted">{t('title')}</p>
      <h1>{k.name}</h1>
      <ConsoleNotice text={d.notice} />
      <dl className="record-values">
        <div>
          <dt>{t('dimension')}</dt>
          <dd>{k.dimension}</dd>
        </div>
        <div>
          <dt>{t('unit')}</dt>
          <dd>{k.unit}</dd>
        </div>
        <div>
          <dt>{t('frequency')}</dt>
          <dd>{k.frequency}</dd>
        </div>
        <div>
          <dt>{t('direction')}</dt>
          <dd>{k.direction}</dd>
        </div>
        <div>
          <dt>{t('baseline')}</dt>
          <dd>{k.baseline ?? <span className="muted">{t('noBaseline')}</span>}</dd>
        </div>
      </dl>

      <h2>{t('targets')}</h2>
      {k.targets.length === 0 ? (
        <p className="muted">{t('noTargets')}</p>
      ) : (
        <table className="admin-table" id="kpi-targets">
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('target')}</th>
            </tr>
          </thead>
          <tbody>
            {k.targets.map((target) => (
              <tr key={target.year}>
                <th scope="row">{target.year}</th>
                <td>{target.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {d.computed ? (
        <section className="admin-panel" aria-labelledby="computed-heading" id="kpi-computed">
          <h2 id="computed-heading">{t('computedTitle')}</h2>
          {d.computed.indicator ? (
            <>
              <p>{t('computedExplain', { indicator: d.computed.indicator })}</p>
              {d.computed.current ? (
                <p>
                  <strong>
                    {d.computed.current.value === null
                      ? t('computedNothing', { period: d.computed.current.period })
                      : t('computedCurrent', { period: d.computed.current.period, value: d.computed.current.value })}
                  </strong>
                </p>
              ) : null}
            </>
          ) : (
            <p>{t('computedMissing')}</p>
          )}
        </section>
      ) : null}

      <h2>{t('valuesTitle')}</h2>
      {d.actuals.length === 0 ? (
        <p className="muted">{t('noValues')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table" id="kpi-values">
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('value')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('source')}</th>
                <th scope="col">{t('recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {d.actuals.map((a) => (
                <tr key={a.period} data-period={a.period}>
                  <th scope="row">{a.periodLabel}</th>
                  <td>
                    <strong>
                      {a.value} {k.unit}
                    </strong>
                    {a.note ? <p className="muted">{a.note}</p> : null}
                    {a.history.length > 0 ? (
                      <details>
                        <summary>{t('history', { count: a.history.length })}</summary>
                        <ul className="plain kpi-history">
                          {a.history.map((h) => (
                            <li key={h.recordedAt + h.value}>
                              <del>
                                {h.value} {k.unit}
                              </del>{' '}
                              <small className="muted">
                                {[h.source, h.note, h.recorded].filter(Boolean).join(' · ')} ({t('replaced')})
                              </small>
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                  <td>{a.target ?? ''}</td>
                  <td>{a.source ?? ''}</td>
                  <td>{a.recorded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {!d.canRecord && answer?.formError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="form-error">{answer.formError}</p>
        </div>
      ) : null}
      {d.canRecord ? (
        <section className="admin-panel" aria-labelledby="record-heading">
          <h2 id="record-heading">{t('formTitle')}</h2>
          <p className="muted">{t('formIntro')}</p>
          {answer && (answer.formError || Object.keys(answer.errors).length > 0) ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              <p className="form-error">{answer.formError ?? t('errorSummary')}</p>
            </div>
          ) : null}
          <Form method="post" noValidate className="admin-form">
            <CsrfField />
            <Field
              name="period"
              label={t('period')}
              help={t('periodHelp', { frequency: k.frequency.toLowerCase() })}
              answer={answer}
              fallback={d.defaultPeriod}
            >
              {(attrs) => (
                <select {...attrs}>
                  {d.periods.map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="value" label={t('value')} help={t('valueHelp', { unit: k.unit })} answer={answer}>
              {(attrs) => <input {...attrs} inputMode="decimal" autoComplete="off" maxLength={40} />}
            </Field>
            <Field name="source" label={t('source')} help={t('sourceHelp')} answer={answer}>
              {(attrs) => <input {...attrs} maxLength={300} />}
            </Field>
            <Field name="note" label={t('note')} answer={answer}>
              {(attrs) => <textarea {...attrs} rows={3} maxLength={1000} />}
            </Field>
            <button type="submit">{t('save')}</button>
          </Form>
        </section>
      ) : d.computed ? null : (
        <p className="muted">{t('readOnly')}</p>
      )}
    </>
  )
}
