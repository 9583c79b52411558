import { type Locale, translator } from '@cerdas/core/web'
import { uiMessages } from './messages'
import { WithPageLocale } from './with-locale'

/** A choice in a filter, with how many records have it when known. */
export interface FilterOption {
  value: string
  label: string
  count?: number | undefined
}

/** One control of a list's filter form; values are the query's as text. */
export type FilterControl =
  | { kind: 'select'; name: string; label: string; options: FilterOption[]; value?: string | undefined }
  | { kind: 'checkbox'; name: string; label: string; checked: boolean }
  | { kind: 'checkboxes'; name: string; label: string; options: FilterOption[]; values: string[] }

export interface PlaceFiltersProps {
  /** The list's path; the form sends a GET there, so filters are links to share. */
  action: string
  controls: FilterControl[]
  /** Whether any filter is set: then a link clears them. */
  active: boolean
  locale?: Locale
}

/**
 * The filter form of a list of places: plain GET controls that work without JavaScript, every
 * choice labelled, an Apply button and a link that clears the filters. Checkbox groups submit one
 * comma-free value each (`facilities=parking&facilities=toilet`); the page joins them.
 * @example <PlaceFilters action="/wisata" active={hasFilters} controls={[{ kind: 'select', name: 'kecamatan', label, options, value }]} />
 */
export function PlaceFilters(props: PlaceFiltersProps) {
  const { locale } = props
  if (locale) return <PlaceFilterForm {...props} locale={locale} />
  return <WithPageLocale render={(l) => <PlaceFilterForm {...props} locale={l} />} />
}

const optionText = (o: FilterOption) => (o.count === undefined ? o.label : `${o.label} (${o.count})`)

function PlaceFilterForm({ action, controls, active, locale }: PlaceFiltersProps & { locale: Locale }) {
  const t = translator(uiMessages, locale)
  return (
    <form method="get" action={action} className="place-filters" aria-label={t('filters')}>
      {controls.map((control) => {
        const id = `filter-${control.name}`
        switch (control.kind) {
          case 'select':
            return (
              <p key={control.name}>
                <label htmlFor={id}>{control.label}</label>
                <select id={id} name={control.name} defaultValue={control.value ?? ''}>
                  <option value="">{t('any')}</option>
                  {control.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {optionText(o)}
                    </option>
                  ))}
                </select>
              </p>
            )
          case 'checkbox':
            return (
              <p key={control.name} className="filter-check">
                <label>
                  <input type="checkbox" name={control.name} value="true" defaultChecked={control.checked} />{' '}
                  {control.label}
                </label>
              </p>
            )
          default:
            return control.options.length === 0 ? null : (
              <fieldset key={control.name} className="filter-group">
                <legend>{control.label}</legend>
                {control.options.map((o) => (
                  <label key={o.value}>
                    <input
                      type="checkbox"
                      name={control.name}
                      value={o.value}
                      defaultChecked={control.values.includes(o.value)}
                    />{' '}
                    {optionText(o)}
                  </label>
                ))}
              </fieldset>
            )
        }
      })}
      <p className="filter-actions">
        <button type="submit">{t('applyFilters')}</button>
        {active ? <a href={action}>{t('clearFilters')}</a> : null}
      </p>
    </form>
  )
}
