import { WEEKDAYS } from './local-time'

const NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']

/**
 * Compact OSM weekday list for sorted weekday indices (Monday = 0).
 * @example weekdayList([0, 1, 2, 3, 5]) // 'Mo-Th,Sa'
 */
export function weekdayList(days: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < days.length; ) {
    let j = i
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++
    const a = NAMES[days[i] as number]
    const b = NAMES[days[j] as number]
    parts.push(j === i ? `${a}` : j === i + 1 ? `${a},${b}` : `${a}-${b}`)
    i = j + 1
  }
  return parts.join(',')
}

/**
 * Groups weekdays that share identical keys (e.g. serialised intervals), in order of the first day.
 * @example groupWeekdays(['a', 'a', 'b', '', '', '', '']) // [{ key: 'a', days: [0, 1] }, { key: 'b', days: [2] }, …]
 */
export function groupWeekdays(keys: readonly string[]): { key: string; days: number[] }[] {
  const groups = new Map<string, number[]>()
  WEEKDAYS.forEach((_, d) => {
    const key = keys[d] ?? ''
    const list = groups.get(key)
    if (list) list.push(d)
    else groups.set(key, [d])
  })
  return [...groups].map(([key, days]) => ({ key, days }))
}
