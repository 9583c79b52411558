import { type Locale, pickText } from '@cerdas/core/web'
import {
  EDITOR_WEEKDAYS,
  type FormValues,
  groupsToShow,
  slotCount,
  WEEKDAY_NAMES,
} from '@cerdas/module-schedules/editor-layout'
import { OpenStatus, PresenceStatus, useLocale, WeekTable } from '@cerdas/ui'
import type { ReactNode } from 'react'
import { type ScheduleAdminMessageKey, useScheduleT } from './messages'

/** Editor issues already in the page's language, by input name, interval row or group. */
export type EditorErrors = Record<string, string>

export const inputId = (name: string) => `s-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`

function ErrorText({ name, errors }: { name: string; errors: EditorErrors }) {
  const text = errors[name]
  return text ? (
    <span className="field-error" id={`${inputId(name)}-error`}>
      {text}
    </span>
  ) : null
}

function describedBy(name: string, errors: EditorErrors): string | undefined {
  return errors[name] ? `${inputId(name)}-error` : undefined
}

function TimeInput({
  name,
  label,
  values,
  errors,
}: {
  name: string
  label: string
  values: FormValues
  errors: EditorErrors
}) {
  return (
    <input
      id={inputId(name)}
      name={name}
      className="time-input"
      type="text"
      inputMode="numeric"
      placeholder="08:00"
      size={5}
      maxLength={5}
      autoComplete="off"
      aria-label={label}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={describedBy(name, errors)}
      defaultValue={values[name] ?? ''}
    />
  )
}

function Check({
  name,
  label,
  values,
  className,
}: {
  name: string
  label: string
  values: FormValues
  className?: string
}) {
  return (
    <label className={`check ${className ?? ''}`} htmlFor={inputId(name)}>
      <input id={inputId(name)} name={name} type="checkbox" defaultChecked={values[name] === 'on'} /> {label}
    </label>
  )
}

function TextInput({
  name,
  label,
  values,
  errors,
  type = 'text',
  required,
}: {
  name: string
  label: string
  values: FormValues
  errors: EditorErrors
  type?: 'text' | 'date'
  required?: boolean
}) {
  const t = useScheduleT()
  return (
    <div className={`field${errors[name] ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId(name)}>
        {label}
        {required ? <span className="required"> *</span> : null}
      </label>
      <ErrorText name={name} errors={errors} />
      <input
        id={inputId(name)}
        name={name}
        type={type}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, errors)}
        defaultValue={values[name] ?? ''}
        placeholder={type === 'date' ? t('date') : undefined}
      />
    </div>
  )
}

/** Start–end inputs (and the past-midnight box) of every slot of one row, blank slots included. */
export function IntervalSlots({
  prefix,
  dayLabel,
  values,
  errors,
  min,
}: {
  prefix: string
  dayLabel: string
  values: FormValues
  errors: EditorErrors
  min?: number
}) {
  const t = useScheduleT()
  const count = slotCount(values, prefix, min)
  return (
    <div className="interval-slots">
      {Array.from({ length: count }, (_, n) => {
        const row = `${prefix}.${n}`
        const label = (part: ScheduleAdminMessageKey) => t('slotLabel', { day: dayLabel, n: n + 1, part: t(part) })
        const invalid = errors[row] || errors[`${row}.start`] || errors[`${row}.end`] || errors[`${row}.overnight`]
        return (
          <div key={row} className={`interval-slot${invalid ? ' field-invalid' : ''}`} data-slot={row}>
            <TimeInput name={`${row}.start`} label={label('start')} values={values} errors={errors} />
            <span aria-hidden="true">–</span>
            <TimeInput name={`${row}.end`} label={label('end')} values={values} errors={errors} />
            <label className="check overnight" htmlFor={inputId(`${row}.overnight`)}>
              <input
                id={inputId(`${row}.overnight`)}
                name={`${row}.overnight`}
                type="checkbox"
                aria-label={label('overnight')}
                defaultChecked={values[`${row}.overnight`] === 'on'}
              />
              <span aria-hidden="true"> {t('overnight')}</span>
            </label>
            {[row, `${row}.start`, `${row}.end`, `${row}.overnight`].map((name) => (
              <ErrorText key={name} name={name} errors={errors} />
            ))}
          </div>
        )
      })}
    </div>
  )
}

/** One row per weekday: closed box and interval slots. */
export function WeeklyGrid({
  prefix,
  values,
  errors,
  caption,
}: {
  prefix: string
  values: FormValues
  errors: EditorErrors
  caption: string
}) {
  const t = useScheduleT()
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table className="admin-table schedule-grid" data-grid={prefix}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('closedDay')}</th>
            <th scope="col">{t('sessions')}</th>
          </tr>
        </thead>
        <tbody>
          {EDITOR_WEEKDAYS.map((day) => {
            const dayName = pickText(WEEKDAY_NAMES[day], locale)
            return (
              <tr key={day} data-day={day}>
                <th scope="row">{dayName}</th>
                <td>
                  <label className="check" htmlFor={inputId(`${prefix}.${day}.closed`)}>
                    <input
                      id={inputId(`${prefix}.${day}.closed`)}
                      name={`${prefix}.${day}.closed`}
                      type="checkbox"
                      aria-label={t('closedDayLabel', { day: dayName })}
                      defaultChecked={values[`${prefix}.${day}.closed`] === 'on'}
                    />
                  </label>
                </td>
                <td>
                  <IntervalSlots prefix={`${prefix}.${day}`} dayLabel={dayName} values={values} errors={errors} />
                  <ErrorText name={`${prefix}.${day}`} errors={errors} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Group({
  name,
  legend,
  errors,
  removable,
  values,
  children,
}: {
  name: string
  legend: string
  errors: EditorErrors
  removable: boolean
  values: FormValues
  children: ReactNode
}) {
  const t = useScheduleT()
  const fieldset = (
    <fieldset className="admin-panel schedule-group" data-group={name}>
      <legend>{legend}</legend>
      <ErrorText name={name} errors={errors} />
      {children}
      {removable ? <Check name={`${name}.remove`} label={t('remove')} values={values} /> : null}
    </fieldset>
  )
  if (removable) return fieldset
  // A blank group stays folded until someone adds one (a plain <details>: no JavaScript needed).
  const touched =
    Object.keys(errors).some((n) => n === name || n.startsWith(`${name}.`)) ||
    Object.entries(values).some(([n, v]) => n.startsWith(`${name}.`) && v.trim() !== '')
  return (
    <details className="schedule-add" open={touched}>
      <summary>{legend}</summary>
      {fieldset}
    </details>
  )
}

/**
 * The hours of a schedule as plain form inputs: weekly grid, holidays, special hours (overrides)
 * with their own weekly grid, closures and extra openings. Blank slots and one blank group of
 * each kind let people add without JavaScript.
 */
export function ScheduleFields({ values, errors }: { values: FormValues; errors: EditorErrors }) {
  const t = useScheduleT()
  const existing = (letter: 'o' | 'c' | 'x', k: number) =>
    Object.keys(values).some((n) => n.startsWith(`${letter}.${k}.`) && !n.endsWith('.remove'))
  return (
    <>
      <section aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">{t('weekly')}</h2>
        <p className="help">{t('weeklyIntro')}</p>
        <WeeklyGrid prefix="w" values={values} errors={errors} caption={t('weekly')} />
      </section>

      <section aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">{t('holidays')}</h2>
        <Check name="closedOnHolidays" label={t('closedOnHolidays')} values={values} />
        <ErrorText name="closedOnHolidays" errors={errors} />
        <fieldset className="field">
          <legend>{t('holidayHours')}</legend>
          <IntervalSlots prefix="h" dayLabel={t('holidayLabel')} values={values} errors={errors} min={1} />
          <ErrorText name="h" errors={errors} />
        </fieldset>
      </section>

      <section aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">{t('overrides')}</h2>
        <p className="help">{t('overridesIntro')}</p>
        {groupsToShow(values, 'o', 1).map((k) => {
          const name = `o.${k}`
          const old = existing('o', k)
          return (
            <Group
              key={name}
              name={name}
              legend={old ? t('overrideLegend', { n: k + 1 }) : t('overrideNew')}
              errors={errors}
              removable={old}
              values={values}
            >
              <div className="field-row">
                <TextInput
                  name={`${name}.from`}
                  label={t('from')}
                  type="date"
                  values={values}
                  errors={errors}
                  required
                />
                <TextInput name={`${name}.to`} label={t('to')} type="date" values={values} errors={errors} required />
              </div>
              <div className="field-row">
                <TextInput name={`${name}.reason.id`} label={t('reasonId')} values={values} errors={errors} required />
                <TextInput name={`${name}.reason.en`} label={t('reasonEn')} values={values} errors={errors} />
              </div>
              <WeeklyGrid
                prefix={`${name}.w`}
                values={values}
                errors={errors}
                caption={old ? t('overrideLegend', { n: k + 1 }) : t('overrideNew')}
              />
            </Group>
          )
        })}
      </section>

      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">{t('closures')}</h2>
        <p className="help">{t('closuresIntro')}</p>
        {groupsToShow(values, 'c', 1).map((k) => {
          const name = `c.${k}`
          const old = existing('c', k)
          return (
            <Group
              key={name}
              name={name}
              legend={old ? t('closureLegend', { n: k + 1 }) : t('closureNew')}
              errors={errors}
              removable={old}
              values={values}
            >
              <div className="field-row">
                <TextInput
                  name={`${name}.from`}
                  label={t('from')}
                  type="date"
                  values={values}
                  errors={errors}
                  required
                />
                <TextInput name={`${name}.to`} label={t('closureTo')} type="date" values={values} errors={errors} />
              </div>
              <div className="field-row">
                <TextInput name={`${name}.reason.id`} label={t('reasonId')} values={values} errors={errors} required />
                <TextInput name={`${name}.reason.en`} label={t('reasonEn')} values={values} errors={errors} />
              </div>
            </Group>
          )
        })}
      </section>

      <section aria-labelledby="extras-heading">
        <h2 id="extras-heading">{t('extras')}</h2>
        <p className="help">{t('extrasIntro')}</p>
        {groupsToShow(values, 'x', 1).map((k) => {
          const name = `x.${k}`
          const old = existing('x', k)
          return (
            <Group
              key={name}
              name={name}
              legend={old ? t('extraLegend', { n: k + 1 }) : t('extraNew')}
              errors={errors}
              removable={old}
              values={values}
            >
              <div className="field-row">
                <TextInput
                  name={`${name}.date`}
                  label={t('date')}
                  type="date"
                  values={values}
                  errors={errors}
                  required
                />
                <TextInput name={`${name}.reason.id`} label={t('reasonId')} values={values} errors={errors} required />
                <TextInput name={`${name}.reason.en`} label={t('reasonEn')} values={values} errors={errors} />
              </div>
              <IntervalSlots
                prefix={name}
                dayLabel={old ? t('extraLegend', { n: k + 1 }) : t('extraNew')}
                values={values}
                errors={errors}
                min={2}
              />
            </Group>
          )
        })}
      </section>
    </>
  )
}

export interface PreviewData {
  from: string
  today: string
  timezone: string
  status: Parameters<typeof PresenceStatus>[0]['status'] & { at: string }
  days: Parameters<typeof WeekTable>[0]['days']
}

/** The week as it will be and the status now (OpenStatus, or PresenceStatus for presence). */
export function SchedulePreview({
  preview,
  kind,
  role,
  saved,
  unavailable,
  locale,
}: {
  preview: PreviewData | null
  kind: 'hours' | 'presence'
  role?: { id: string; en?: string | undefined } | null
  saved: boolean
  unavailable: boolean
  locale?: Locale
}) {
  const t = useScheduleT()
  return (
    <section aria-labelledby="preview-heading" className="admin-panel schedule-preview" aria-live="polite">
      <h2 id="preview-heading">{t('previewTitle')}</h2>
      {unavailable || !preview ? (
        <p className="notice">{t('previewUnavailable')}</p>
      ) : (
        <>
          <p className="muted">{saved ? t('previewSaved') : t('previewIntro')}</p>
          <p>
            <strong>{t('statusNow')}:</strong>{' '}
            {kind === 'presence' ? (
              <PresenceStatus
                status={preview.status}
                at={preview.status.at}
                timezone={preview.timezone}
                role={role ?? null}
                {...(locale ? { locale } : {})}
              />
            ) : (
              <OpenStatus
                status={preview.status}
                at={preview.status.at}
                timezone={preview.timezone}
                {...(locale ? { locale } : {})}
              />
            )}
          </p>
          <WeekTable days={preview.days} today={preview.today} {...(locale ? { locale } : {})} />
        </>
      )}
    </section>
  )
}

/** The input an issue's name points at (a row's start time, a group's first date). */
function targetOf(name: string): string {
  if (/^[oc]\.\d+$/.test(name)) return `${name}.from`
  if (/^x\.\d+$/.test(name)) return `${name}.date`
  if (/\.\d+$/.test(name)) return `${name}.start`
  if (/^(o\.\d+\.)?w\.\w\w$/.test(name)) return `${name}.0.start`
  if (name === 'h') return 'h.0.start'
  return name
}

const PART_KEYS: Record<string, ScheduleAdminMessageKey> = {
  start: 'start',
  end: 'end',
  overnight: 'overnight',
  from: 'from',
  to: 'to',
  date: 'date',
  'reason.id': 'reasonId',
  'reason.en': 'reasonEn',
}

/** A person's words for an input name: `o.0.w.fr.1.end` → `Jam khusus 1 · Jumat, sesi 2, selesai`. */
function useNameText() {
  const t = useScheduleT()
  const locale = useLocale()
  return (name: string): string => {
    const parts: string[] = []
    let rest = name
    const group = /^([ocx])\.(\d+)(?:\.|$)(.*)$/.exec(rest)
    if (group) {
      const n = Number(group[2]) + 1
      const key = group[1] === 'o' ? 'overrideLegend' : group[1] === 'c' ? 'closureLegend' : 'extraLegend'
      parts.push(t(key, { n }))
      rest = group[3] ?? ''
      if (group[1] === 'o') rest = rest.replace(/^w\./, 'w.')
      if (group[1] === 'x' && /^\d/.test(rest)) rest = `x.${rest}`
    }
    const slot = /^(?:w\.(\w\w)|h|x)(?:\.(\d+))?(?:\.(start|end|overnight))?$/.exec(rest)
    if (slot && rest !== '') {
      const day = slot[1] ? pickText(WEEKDAY_NAMES[slot[1] as keyof typeof WEEKDAY_NAMES], locale) : t('holidayLabel')
      const label = slot[1] || rest.startsWith('h') ? day : ''
      const bits = [label, slot[2] !== undefined ? `${t('sessions')} ${Number(slot[2]) + 1}` : '']
      if (slot[3]) bits.push(t(PART_KEYS[slot[3]] ?? 'start'))
      parts.push(bits.filter(Boolean).join(', '))
    } else if (rest) {
      const key = PART_KEYS[rest]
      parts.push(key ? t(key) : rest === 'closedOnHolidays' ? t('closedOnHolidays') : rest)
    }
    return parts.filter(Boolean).join(' · ')
  }
}

/** Error summary: every issue in words, linking to its input. */
export function EditorErrorSummary({
  errors,
  formErrors,
  labels = {},
}: {
  errors: EditorErrors
  formErrors: string[]
  /** Words for inputs outside the hours (label, owner, ...). */
  labels?: Record<string, string>
}) {
  const t = useScheduleT()
  const nameText = useNameText()
  const named = Object.entries(errors)
  if (named.length === 0 && formErrors.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('errorSummary')}</h2>
      <ul>
        {formErrors.map((text) => (
          <li key={text}>{text}</li>
        ))}
        {named.map(([name, text]) => (
          <li key={name}>
            <a href={`#${inputId(targetOf(name))}`}>
              {labels[name] ?? nameText(name)}: {text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
