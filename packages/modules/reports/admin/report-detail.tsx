import { formatInstant, pickText } from '@cerdas/core/web'
import { officeOptions, unitOptions } from '@cerdas/module-directory'
import { ConsoleNotice, CsrfField } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { findDuplicates } from '../src/index'
import { STATUS_LABELS, TRANSITIONS } from '../src/statuses'
import type { ReporterContact } from '../src/types'
import { deadlineText, reportOr404, reportsScreen, sourceText } from './console.server'
import { noticeText, reportsT, useReportsT } from './messages'
import { type ActionAnswer, NOTICE_OF, runAction } from './report-actions.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.number} · Laporan warga` : 'Laporan warga' },
]

// Nothing about a report (least of all a revealed contact) is kept by a browser or a proxy.
export const headers = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const screen = reportsScreen(context, request)
  const { ctx, locale } = screen
  const t = reportsT(locale)
  const r = await reportOr404(screen, params.id ?? '')
  const canUpdate = screen.may('update', r)
  const [offices, units, candidates, deadline] = await Promise.all([
    officeOptions(ctx),
    unitOptions(ctx),
    canUpdate && !r.mergedInto
      ? findDuplicates(ctx, {
          category: r.category.id,
          point: r.publicPoint,
          kecamatan: r.kecamatan ?? undefined,
          desa: r.desa ?? undefined,
        })
      : Promise.resolve([]),
    deadlineText(ctx, r, locale),
  ])
  const nameOf = (options: typeof offices, id: string | null) =>
    id ? pickText(options.find((o) => o.value === id)?.label ?? { id }, locale) : t('none')
  const statusName = (s: keyof typeof STATUS_LABELS | null) => (s ? pickText(STATUS_LABELS[s], locale) : '')
  const { key, headers } = screen.takeNotice(request)
  return data(
    {
      report: {
        id: r.id,
        number: r.number,
        category: pickText(r.category.name, locale),
        status: r.status,
        statusLabel: pickText(r.statusLabel, locale),
        statusReason: r.statusReason,
        description: r.description,
        hiddenReason: r.hiddenReason,
        place: [r.desa, r.kecamatan].filter(Boolean).join(', '),
        publicPoint: r.publicPoint,
        atHome: r.atHome,
        photos: r.photos,
        photosPublic: r.photosPublic,
        received: formatInstant(r.receivedAt, ctx.tenant, locale, { dateStyle: 'long', timeStyle: 'short' }),
        source: sourceText(r.source, locale),
        office: nameOf(offices, r.officeId),
        unit: nameOf(units, r.unitId),
        officeId: r.officeId ?? '',
        unitId: r.unitId ?? '',
        mergedInto: r.mergedInto,
        reopenedCount: r.reopenedCount,
        hasContact: r.hasContact,
        anonymised: Boolean(r.anonymisedAt),
        dueKind: r.dueKind,
      },
      deadline,
      timeline: r.timeline.map((e) => ({
        id: e.id,
        at: e.at,
        atText: formatInstant(e.at, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'short' }),
        kind: e.kind,
        public: e.public,
        actor: e.actorName,
        from: statusName(e.statusFrom),
        to: statusName(e.statusTo),
        body: e.body,
      })),
      transitions: TRANSITIONS[r.status].map((s) => ({ value: s, label: pickText(STATUS_LABELS[s], locale) })),
      officeOptions: offices.map((o) => ({ value: o.value, label: pickText(o.label, locale) })),
      unitOptions: units.map((u) => ({
        value: u.value,
        label: pickText(u.label, locale),
        group: u.group ? pickText(u.group, locale) : '',
      })),
      candidates: candidates
        .filter((c) => c.number !== r.number)
        .map((c) => ({
          number: c.number,
          place: [c.desa, c.kecamatan].filter(Boolean).join(', '),
          status: pickText(c.statusLabel, locale),
          received: formatInstant(c.receivedAt, ctx.tenant, locale, { dateStyle: 'medium' }),
        })),
      can: { update: canUpdate, contact: screen.may('read_contact', r) },
      notice: noticeText(key, locale),
    },
    { headers: { ...headers, 'Cache-Control': 'no-store' } },
  )
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const screen = reportsScreen(context, request)
  const report = await reportOr404(screen, params.id ?? '')
  const form = await screen.readForm(request)
  const result = await runAction(screen, report, form)
  if (!result.ok) return data(result.answer, { status: result.status, headers: { 'Cache-Control': 'no-store' } })
  const intent = form.get('_intent') as keyof typeof NOTICE_OF | 'reveal'
  if (intent === 'reveal') {
    // Shown once on this response and never cached: reloading the page does not show it again.
    const answer: ActionAnswer = { intent, values: {}, errors: {}, formError: null, contact: result.contact }
    return data(answer, { headers: { 'Cache-Control': 'no-store' } })
  }
  return screen.redirectWithNotice(`/admin/laporan/${encodeURIComponent(report.id)}`, NOTICE_OF[intent])
}

type Answer = ActionAnswer | undefined

/** One labelled input with its error next to it (ids are per form: several forms share field names). */
function Field(props: {
  form: string
  name: string
  label: string
  answer: Answer
  help?: string
  children: (attrs: {
    id: string
    name: string
    'aria-invalid'?: true
    'aria-describedby'?: string
    defaultValue: string
  }) => ReactNode
}) {
  const { form, name, answer } = props
  const id = `${form}-${name}`
  const mine = answer?.intent === form ? answer : undefined
  const error = mine?.errors[name]
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
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
        defaultValue: mine?.values[name] ?? '',
      })}
    </div>
  )
}

/** A small POST form of one action, with the form token and its error above it. */
function ActionForm(props: { intent: string; title: string; answer: Answer; children: ReactNode; help?: string }) {
  const mine = props.answer?.intent === props.intent ? props.answer : undefined
  return (
    <section className="admin-panel" aria-labelledby={`${props.intent}-heading`}>
      <h3 id={`${props.intent}-heading`}>{props.title}</h3>
      {props.help ? <p className="muted">{props.help}</p> : null}
      {mine?.formError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="form-error">{mine.formError}</p>
        </div>
      ) : null}
      <Form method="post" noValidate className="admin-form">
        <CsrfField />
        <input type="hidden" name="_intent" value={props.intent} />
        {props.children}
      </Form>
    </section>
  )
}

function ContactList({ contact }: { contact: ReporterContact }) {
  const t = useReportsT()
  const shown = (value: string | null) => value || <span className="muted">{t('notGiven')}</span>
  return (
    <dl className="report-contact">
      <dt>{t('contactName')}</dt>
      <dd>{shown(contact.name)}</dd>
      <dt>{t('contactPhone')}</dt>
      <dd>{shown(contact.phone)}</dd>
      <dt>{t('contactEmail')}</dt>
      <dd>{shown(contact.email)}</dd>
      <dt>{t('contactPoint')}</dt>
      <dd>{shown(contact.exactPoint ? `${contact.exactPoint.lat}, ${contact.exactPoint.lon}` : null)}</dd>
      <dt>{t('contactLandmark')}</dt>
      <dd>{shown(contact.landmark)}</dd>
    </dl>
  )
}

export default function ReportDetail() {
  const d = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as Answer
  const t = useReportsT()
  const r = d.report
  const eventTitle = (e: (typeof d.timeline)[number]) => {
    switch (e.kind) {
      case 'status':
        return e.from ? t('eventStatus', { from: e.from, to: e.to }) : t('eventStatusNew', { to: e.to })
      case 'reply':
        return t('eventReply')
      case 'note':
        return t('eventNote')
      case 'assign':
        return t('eventAssign')
      case 'confirm':
        return t('eventConfirm')
      case 'reopen':
        return t('eventReopen')
      case 'merge':
        return t('eventMerge')
      default:
        return t('eventHide')
    }
  }
  const units = [...new Set(d.unitOptions.map((u) => u.group))]
  return (
    <>
      <p>
        <Link to="/admin/laporan">{t('backToQueue')}</Link>
      </p>
      <h1>{r.number}</h1>
      <ConsoleNotice text={d.notice} />
      <p>
        <strong data-status={r.status}>{r.statusLabel}</strong> · {t('categoryLine', { category: r.category })} ·{' '}
        {t('receivedAt', { date: r.received })} · {r.source}
      </p>
      <p className={d.deadline.overdue ? 'overdue' : undefined}>
        {t('deadline')}: {d.deadline.overdue ? <strong>{d.deadline.text}</strong> : d.deadline.text}
        {d.deadline.date ? ` · ${d.deadline.date}` : null}
      </p>
      {r.mergedInto ? <p>{t('mergedInto', { number: r.mergedInto })}</p> : null}
      {r.statusReason ? <p>{t('statusReason', { reason: r.statusReason })}</p> : null}
      {r.reopenedCount > 0 ? <p className="muted">{t('reopened', { count: r.reopenedCount })}</p> : null}

      <h2>{t('description')}</h2>
      {r.hiddenReason ? <p className="muted">{t('hiddenText', { reason: r.hiddenReason })}</p> : null}
      {r.description ? <p className="report-text">{r.description}</p> : null}

      <h2>{t('location')}</h2>
      <p>{r.place || t('noPlace')}</p>
      {r.atHome ? <p className="muted">{t('atHome')}</p> : null}
      {r.publicPoint ? (
        <p className="muted">{t('publicPoint', { lat: r.publicPoint.lat, lon: r.publicPoint.lon })}</p>
      ) : null}

      <h2>{t('photos')}</h2>
      {r.photos.length === 0 ? (
        <p>{t('noPhotos')}</p>
      ) : (
        <>
          <p className="muted">{r.photosPublic ? t('photosPublic') : t('photosPrivate')}</p>
          <ul className="report-photos">
            {r.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.url}>
                  <img src={p.url} alt={p.alt ?? t('photoAlt', { number: r.number, n: i + 1 })} width={240} />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('routing')}</h2>
      <p>{t('assignedTo', { office: r.office, unit: r.unit })}</p>

      <h2>{t('timeline')}</h2>
      {d.timeline.length === 0 ? (
        <p>{t('noEvents')}</p>
      ) : (
        <ol className="report-timeline">
          {d.timeline.map((e) => (
            <li key={e.id} className={e.public ? 'event-public' : 'event-internal'} data-kind={e.kind}>
              <span className={`badge ${e.public ? 'badge-verified' : 'badge-unverified'}`}>
                {e.public ? t('publicEvent') : t('internalEvent')}
              </span>{' '}
              <strong>{eventTitle(e)}</strong> · <time dateTime={e.at}>{e.atText}</time> ·{' '}
              <span className="muted">{e.actor ? t('byActor', { name: e.actor }) : t('bySystem')}</span>
              {e.body ? <p>{e.body}</p> : null}
            </li>
          ))}
        </ol>
      )}

      <h2>{t('contact')}</h2>
      {r.anonymised ? (
        <p>{t('anonymised')}</p>
      ) : answer?.intent === 'reveal' && answer.contact ? (
        <section className="admin-panel" aria-labelledby="contact-heading" role="status">
          <h3 id="contact-heading">{t('revealedTitle')}</h3>
          <ContactList contact={answer.contact} />
        </section>
      ) : d.can.contact ? (
        <ActionForm intent="reveal" title={t('reveal')} answer={answer} help={t('contactExplain')}>
          <Field form="reveal" name="purpose" label={t('purpose')} help={t('purposeHelp')} answer={answer}>
            {(attrs) => <input {...attrs} maxLength={500} />}
          </Field>
          <button type="submit">{t('reveal')}</button>
        </ActionForm>
      ) : (
        <p className="muted">{r.hasContact ? t('contactExplain') : t('contactNone')}</p>
      )}

      <h2>{t('actions')}</h2>
      {!d.can.update ? (
        <p className="muted">{t('readOnly')}</p>
      ) : (
        <>
          <ActionForm intent="status" title={t('changeStatus')} answer={answer}>
            {d.transitions.length === 0 ? (
              <p>{t('noTransitions')}</p>
            ) : (
              <>
                <Field form="status" name="status" label={t('newStatus')} answer={answer}>
                  {({ defaultValue, ...attrs }) => (
                    <select {...attrs} defaultValue={defaultValue || d.transitions[0]?.value}>
                      {d.transitions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field form="status" name="reason" label={t('reason')} help={t('reasonHelp')} answer={answer}>
                  {(attrs) => <textarea {...attrs} rows={2} maxLength={1000} />}
                </Field>
                <Field form="status" name="reply" label={t('replyOptional')} answer={answer}>
                  {(attrs) => <textarea {...attrs} rows={3} maxLength={2000} />}
                </Field>
                {r.photos.length > 0 ? (
                  // Reflects the current choice: the photos are public only once staff have looked at them.
                  <div className="field field-checkbox">
                    <label htmlFor="status-photosPublic" className="check">
                      <input
                        id="status-photosPublic"
                        name="photosPublic"
                        type="checkbox"
                        value="1"
                        defaultChecked={r.photosPublic}
                      />{' '}
                      {t('photosPublicChoice')}
                    </label>
                  </div>
                ) : null}
                <button type="submit">{t('saveStatus')}</button>
              </>
            )}
          </ActionForm>

          <ActionForm intent="assign" title={t('assign')} answer={answer}>
            <Field form="assign" name="officeId" label={t('office')} answer={answer}>
              {({ defaultValue, ...attrs }) => (
                <select {...attrs} defaultValue={defaultValue || r.officeId}>
                  <option value="">{t('chooseOffice')}</option>
                  {d.officeOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field form="assign" name="unitId" label={t('unit')} answer={answer}>
              {({ defaultValue, ...attrs }) => (
                <select {...attrs} defaultValue={defaultValue || r.unitId}>
                  <option value="">{t('noUnit')}</option>
                  {units.map((group) => (
                    <optgroup key={group} label={group}>
                      {d.unitOptions
                        .filter((u) => u.group === group)
                        .map((u) => (
                          <option key={u.value} value={u.value}>
                            {u.label}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit">{t('saveAssign')}</button>
          </ActionForm>

          <ActionForm intent="reply" title={t('reply')} answer={answer} help={t('replyHelp')}>
            <Field form="reply" name="body" label={t('reply')} answer={answer}>
              {(attrs) => <textarea {...attrs} rows={3} maxLength={2000} />}
            </Field>
            <button type="submit">{t('sendReply')}</button>
          </ActionForm>

          <ActionForm intent="note" title={t('note')} answer={answer} help={t('noteHelp')}>
            <Field form="note" name="body" label={t('note')} answer={answer}>
              {(attrs) => <textarea {...attrs} rows={3} maxLength={2000} />}
            </Field>
            <button type="submit">{t('saveNote')}</button>
          </ActionForm>

          {r.hiddenReason ? null : (
            <ActionForm intent="hide" title={t('hide')} answer={answer} help={t('hideHelp')}>
              <Field form="hide" name="reason" label={t('hideReason')} answer={answer}>
                {(attrs) => <input {...attrs} maxLength={300} />}
              </Field>
              <button type="submit">{t('saveHide')}</button>
            </ActionForm>
          )}

          {r.mergedInto ? null : (
            <ActionForm intent="merge" title={t('merge')} answer={answer} help={t('mergeHelp')}>
              <h4>{t('mergeMaybe')}</h4>
              {d.candidates.length === 0 ? (
                <p className="muted">{t('noCandidates')}</p>
              ) : (
                <ul className="merge-candidates">
                  {d.candidates.map((c) => (
                    <li key={c.number}>
                      <a href={`/laporan/${encodeURIComponent(c.number)}`}>{c.number}</a>{' '}
                      <span className="muted">
                        · {c.place} · {c.status} · {c.received}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <Field form="merge" name="number" label={t('mergeTarget')} answer={answer}>
                {(attrs) => (
                  <input {...attrs} list="merge-numbers" autoComplete="off" maxLength={40} spellCheck={false} />
                )}
              </Field>
              <datalist id="merge-numbers">
                {d.candidates.map((c) => (
                  <option key={c.number} value={c.number} />
                ))}
              </datalist>
              <button type="submit">{t('saveMerge')}</button>
            </ActionForm>
          )}
        </>
      )}
    </>
  )
}
