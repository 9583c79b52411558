import { type Locale, translator } from '@cerdas/core/web'
import { chartMessages } from './chart-messages'
import { formatQuantity } from './number-format'

export interface ProgressBarProps {
  /** Unique on the page: the label's id derives from it. */
  id: string
  /** Percent done, 0 to 100 (values outside are clamped). */
  percent: number
  locale: Locale
  /** What the bar measures; defaults to "Kemajuan" / "Progress". */
  label?: string | undefined
}

/**
 * Progress of a programme as a native <progress> with its label and the percentage in text, so
 * neither the bar's colour nor its length is the only carrier of the number.
 * @example <ProgressBar id="prg-1" percent={45} locale="id" /> // Kemajuan · 45% selesai
 */
export function ProgressBar({ id, percent, locale, label }: ProgressBarProps) {
  const t = translator(chartMessages, locale)
  const value = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0))
  const text = t('percentDone', { value: formatQuantity(value, '%', locale, 0) })
  return (
    <div className="progress-bar">
      <span id={`${id}-label`} className="progress-label">
        {label ?? t('progress')}
      </span>
      <progress max={100} value={value} aria-labelledby={`${id}-label`} aria-valuetext={text}>
        {text}
      </progress>
      <span className="progress-value">{text}</span>
    </div>
  )
}
