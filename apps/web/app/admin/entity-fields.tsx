import { Fragment, useEffect, useRef, useState } from 'react'
import { choicesWith, Field, type FormField, fieldId, type Issues, useIssueText } from './components'
import { PhotosField } from './photos-field'
import { useAdminT } from './use-admin-t'

/**
 * The inputs of a generic entity form, every field type included: single inputs, `lines`
 * (a textarea, one item per line), `multiselect` (checkboxes) and `list` (rows of inputs).
 * Everything works without JavaScript; once the page is hydrated, list rows can also be added,
 * removed and moved without a round trip.
 */

/** Row numbers present in form values for a list (`requirements.3.document.id` → 3), as a count. */
function rowCount(values: Record<string, string>, field: FormField): number {
  const prefix = `${field.name}.`
  let count = 0
  for (const name of Object.keys(values)) {
    if (!name.startsWith(prefix)) continue
    const m = /^(\d+)\./.exec(name.slice(prefix.length))
    if (m) count = Math.max(count, Number(m[1]) + 1)
  }
  return count
}

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((v) => v.trim())
    .filter(Boolean)

/** Whether the page is hydrated: enhancements render only then, so the HTML stays complete without them. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

function FieldMessages({ id, help, issue }: { id: string; help?: string | undefined; issue?: Issues[string] }) {
  const issueText = useIssueText()
  return (
    <>
      {help ? (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {issue ? (
        <p className="field-error" id={`${id}-error`}>
          {issueText(issue)}
        </p>
      ) : null}
    </>
  )
}

const describedBy = (id: string, help: unknown, issue: unknown) =>
  [help ? `${id}-help` : '', issue ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

/** Checkboxes, one per choice; the first carries the field's id so an error summary can link to it. */
function MultiselectField({ field, value, issue }: { field: FormField; value: string; issue?: Issues[string] }) {
  const t = useAdminT()
  const id = fieldId(field.name)
  const selected = lines(value)
  const choices = choicesWith(field, selected, t('missingChoice'))
  let group: string | undefined
  return (
    <fieldset
      className={`field field-multiselect${issue ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, field.help, issue)}
    >
      <legend>
        {field.label}
        {field.required ? <span className="required"> {t('requiredMark')}</span> : null}
      </legend>
      <FieldMessages id={id} help={field.help} issue={issue} />
      <div className="choices">
        {choices.length === 0 ? <p className="muted">{t('noChoices')}</p> : null}
        {choices.map((o, i) => {
          const heading = o.group && o.group !== group ? o.group : null
          group = o.group
          return (
            <Fragment key={o.value}>
              {heading ? <p className="choice-group">{heading}</p> : null}
              <label className="check" htmlFor={i === 0 ? id : `${id}-${i}`}>
                <input
                  type="checkbox"
                  id={i === 0 ? id : `${id}-${i}`}
                  name={field.name}
                  value={o.value}
                  defaultChecked={selected.includes(o.value)}
                  aria-invalid={issue ? true : undefined}
                />{' '}
                {o.label}
              </label>
            </Fragment>
          )
        })}
      </div>
    </fieldset>
  )
}

interface Row {
  /** React key; stays with the row when it moves. */
  key: string
  /** The row number in the values it was shown from; null for a new, empty row. */
  from: number | null
}

/**
 * A repeatable group of inputs. Inputs are named by their position (`procedure.0.id`), so what
 * the browser sends is always in the order shown; ids stay with the row so error links keep
 * pointing at it.
 */
function ListField({ field, values, errors }: { field: FormField; values: Record<string, string>; errors: Issues }) {
  const t = useAdminT()
  const hydrated = useHydrated()
  const count = rowCount(values, field)
  const blank = field.blankRows ?? 2
  const [rows, setRows] = useState<Row[]>(() => [
    ...Array.from({ length: count }, (_, i) => ({ key: `r${i}`, from: i })),
    ...Array.from({ length: blank }, (_, i) => ({ key: `n${i}`, from: null })),
  ])
  const added = useRef(blank)
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const rowsRef = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (!focusKey) return
    rowsRef.current
      ?.querySelector<HTMLElement>(
        `[data-row="${focusKey}"] input, [data-row="${focusKey}"] select, [data-row="${focusKey}"] textarea`,
      )
      ?.focus()
    setFocusKey(null)
  }, [focusKey])
  const id = fieldId(field.name)
  const issue = errors[field.name]
  const rowLabel = field.rowLabel ?? field.label
  const subs = field.fields ?? []
  const move = (from: number, to: number) =>
    setRows((current) => {
      if (to < 0 || to >= current.length) return current
      const next = [...current]
      const [row] = next.splice(from, 1)
      next.splice(to, 0, row!)
      return next
    })
  const add = () => {
    const key = `n${added.current++}`
    setRows((current) => [...current, { key, from: null }])
    setFocusKey(key)
  }
  const help = [field.help, t('listHelp')].filter(Boolean).join(' ')
  return (
    <fieldset
      className={`field field-list${issue ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, help, issue)}
    >
      <legend id={id} tabIndex={-1}>
        {field.label}
        {field.required ? <span className="required"> {t('requiredMark')}</span> : null}
      </legend>
      <FieldMessages id={id} help={help} issue={issue} />
      <ol className="list-rows" ref={rowsRef}>
        {rows.map((row, position) => {
          const label = t('rowOf', { row: rowLabel, n: position + 1 })
          return (
            <li key={row.key} data-row={row.key}>
              <fieldset className="list-row">
                <legend>{label}</legend>
                {subs.map((sub) => {
                  const shown = row.from === null ? null : `${field.name}.${row.from}.${sub.name}`
                  return (
                    <Field
                      key={sub.name}
                      id={fieldId(`${field.name}.${row.from ?? row.key}.${sub.name}`)}
                      field={{ ...sub, name: `${field.name}.${position}.${sub.name}` }}
                      value={shown ? (values[shown] ?? '') : ''}
                      issue={shown ? errors[shown] : undefined}
                    />
                  )
                })}
                {hydrated ? (
                  <p className="row-actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => move(position, position - 1)}
                      disabled={position === 0}
                      aria-label={t('moveUpLabel', { row: label })}
                    >
                      {t('moveUp')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => move(position, position + 1)}
                      disabled={position === rows.length - 1}
                      aria-label={t('moveDownLabel', { row: label })}
                    >
                      {t('moveDown')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                      aria-label={t('removeRowLabel', { row: label })}
                    >
                      {t('removeRow')}
                    </button>
                  </p>
                ) : null}
              </fieldset>
            </li>
          )
        })}
      </ol>
      {hydrated ? (
        <button type="button" className="secondary add-row" onClick={add}>
          {t('addRow', { row: rowLabel })}
        </button>
      ) : null}
    </fieldset>
  )
}

/** One field of an entity form, whatever its type. */
export function EntityField({
  field,
  values,
  errors,
}: {
  field: FormField
  values: Record<string, string>
  errors: Issues
}) {
  const t = useAdminT()
  const value = values[field.name] ?? ''
  if (field.type === 'list') return <ListField field={field} values={values} errors={errors} />
  if (field.type === 'photos') return <PhotosField field={field} values={values} errors={errors} />
  if (field.type === 'multiselect') return <MultiselectField field={field} value={value} issue={errors[field.name]} />
  if (field.type === 'lines') {
    const help = [field.help, t('linesHelp')].filter(Boolean).join(' ')
    return <Field field={{ ...field, help }} value={value} issue={errors[field.name]} />
  }
  return <Field field={field} value={value} issue={errors[field.name]} />
}

/** Every field of an entity form in order, with a heading where a field starts a section. */
export function EntityFields({
  fields,
  values,
  errors,
}: {
  fields: readonly FormField[]
  values: Record<string, string>
  errors: Issues
}) {
  return (
    <>
      {fields.map((field) => (
        <Fragment key={field.name}>
          {field.section ? <h3 className="form-section">{field.section}</h3> : null}
          <EntityField field={field} values={values} errors={errors} />
        </Fragment>
      ))}
    </>
  )
}

function ScalarValue({ field, value }: { field: FormField; value: string }) {
  const t = useAdminT()
  if (field.type === 'checkbox') return <>{value === 'on' ? t('yes') : t('no')}</>
  return <>{field.options?.find((o) => o.value === value)?.label ?? (value || '—')}</>
}

/** A stored value as text, for people who may only read the record. */
export function RecordValue({ field, values }: { field: FormField; values: Record<string, string> }) {
  const value = values[field.name] ?? ''
  if (field.type === 'lines' || field.type === 'multiselect') {
    const items = lines(value)
    if (items.length === 0) return <>—</>
    return (
      <ul>
        {items.map((item) => (
          <li key={item}>{field.options?.find((o) => o.value === item)?.label ?? item}</li>
        ))}
      </ul>
    )
  }
  if (field.type === 'list') {
    const count = rowCount(values, field)
    if (count === 0) return <>—</>
    return (
      <ol>
        {Array.from({ length: count }, (_, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown in stored order and never reordered here
          <li key={n}>
            {(field.fields ?? [])
              .filter((sub) => values[`${field.name}.${n}.${sub.name}`])
              .map((sub, i) => (
                <Fragment key={sub.name}>
                  {i > 0 ? ' · ' : null}
                  {sub.label}: <ScalarValue field={sub} value={values[`${field.name}.${n}.${sub.name}`] ?? ''} />
                </Fragment>
              ))}
          </li>
        ))}
      </ol>
    )
  }
  return <ScalarValue field={field} value={value} />
}
