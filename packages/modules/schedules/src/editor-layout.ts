/**
 * Dependency-free parts of the schedule editor's form, safe to import from pages: the input
 * names' layout (how many interval slots and groups to show) and weekday names.
 */
import type { LocalizedText } from '@cerdas/core/web'

export type FormValues = Record<string, string>

/** What is wrong with one input, interval row or group, in both languages. */
export type EditorIssue = LocalizedText & { en: string }

export const EDITOR_WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const
export type EditorWeekday = (typeof EDITOR_WEEKDAYS)[number]

export const WEEKDAY_NAMES: Record<EditorWeekday, LocalizedText & { en: string }> = {
  mo: { id: 'Senin', en: 'Monday' },
  tu: { id: 'Selasa', en: 'Tuesday' },
  we: { id: 'Rabu', en: 'Wednesday' },
  th: { id: 'Kamis', en: 'Thursday' },
  fr: { id: 'Jumat', en: 'Friday' },
  sa: { id: 'Sabtu', en: 'Saturday' },
  su: { id: 'Minggu', en: 'Sunday' },
}

/** Blank interval slots offered after the filled ones (at least this many slots per table row). */
export const MIN_SLOTS = 3

/** Indices of the interval slots with something typed in (`w.mo` → [0, 1]). */
export function filledSlots(values: FormValues, prefix: string): number[] {
  const found = new Set<number>()
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.(start|end|overnight)$`)
  for (const [name, value] of Object.entries(values)) {
    const m = pattern.exec(name)
    if (m && value.trim() !== '') found.add(Number(m[1]))
  }
  return [...found].sort((a, b) => a - b)
}

/** How many interval slots a row shows: the filled ones plus one blank, at least `min`. */
export function slotCount(values: FormValues, prefix: string, min = MIN_SLOTS): number {
  const filled = filledSlots(values, prefix)
  return Math.min(24, Math.max(min, (filled.at(-1) ?? -1) + 2))
}

/** Indices of the groups (`o`, `c`, `x`) present in the values, ascending. */
export function groupIndices(values: FormValues, letter: 'o' | 'c' | 'x'): number[] {
  const found = new Set<number>()
  const pattern = new RegExp(`^${letter}\\.(\\d+)\\.`)
  for (const name of Object.keys(values)) {
    const m = pattern.exec(name)
    if (m) found.add(Number(m[1]))
  }
  return [...found].sort((a, b) => a - b)
}

/** The groups to render: those present, plus `blank` empty ones at the next indices. */
export function groupsToShow(values: FormValues, letter: 'o' | 'c' | 'x', blank: number): number[] {
  const present = groupIndices(values, letter)
  const next = (present.at(-1) ?? -1) + 1
  return [...present, ...Array.from({ length: blank }, (_, i) => next + i)]
}
