/**
 * The schedule editor's form, free of any web framework: flat form values (what a plain HTML form
 * posts, no JavaScript needed) to an engine definition and back, and the engine's validation
 * issues mapped onto the inputs they concern, in Indonesian and English.
 *
 * Input names:
 * - `closedOnHolidays` (checkbox)
 * - weekly table: `w.<day>.closed` (checkbox), `w.<day>.<n>.start|end|overnight`
 * - hours on holidays: `h.<n>.start|end|overnight`
 * - overrides (Ramadan hours): `o.<k>.from|to|reason.id|reason.en|remove` and their own weekly
 *   table `o.<k>.w.<day>.<n>.start|end|overnight`, `o.<k>.w.<day>.closed`
 * - one-off closures: `c.<k>.from|to|reason.id|reason.en`
 * - extra openings: `x.<k>.date|reason.id|reason.en` and `x.<k>.<n>.start|end|overnight`
 *
 * Empty interval slots and empty groups are skipped, so the page can offer a few blank slots per
 * day (adding hours without JavaScript); a definition index therefore maps to a form index
 * through `paths`.
 */
import type { LocalizedText } from '@cerdas/core'
import {
  type Interval,
  isLocalDate,
  type ScheduleDefinition,
  scheduleSchema,
  WEEKDAYS,
  type WeekdayKey,
  type WeeklyHours,
} from '@cerdas/schedules'
import { type EditorIssue, type FormValues, filledSlots, groupIndices, WEEKDAY_NAMES } from './editor-layout'
import { UNKNOWN_OWNER, UNKNOWN_OWNER_TYPE } from './owner-messages'

export * from './editor-layout'

export interface EditorCheck {
  /** The definition to save, when nothing is wrong. */
  definition?: ScheduleDefinition
  /** Issues by input name (`w.mo.1.end`), interval row (`w.mo.1`) or group (`o.0`). */
  errors: Record<string, EditorIssue>
  /** Issues that belong to no input. */
  formErrors: EditorIssue[]
  /** Definition path (`weekly.mo.1`) → input prefix (`w.mo.2`), to map a save's problem back. */
  paths: ReadonlyMap<string, string>
}

const isOn = (value: string | undefined) => value === 'on' || value === 'true'

const issue = (id: string, en: string): EditorIssue => ({ id, en })

const REQUIRED = issue('Wajib diisi.', 'Required.')

/** `8.00`, `8:00` and `0800` are read as `08:00` (Indonesian writes times with a dot). */
export function normalizeTime(raw: string): string {
  const text = raw.trim()
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text)
  if (!m) return text
  return `${m[1]!.padStart(2, '0')}:${m[2]}`
}

// ---------------------------------------------------------------------------
// Definition → form values

function putIntervals(values: FormValues, prefix: string, list: readonly Interval[] | undefined): void {
  ;(list ?? []).forEach((iv, n) => {
    values[`${prefix}.${n}.start`] = iv.start
    values[`${prefix}.${n}.end`] = iv.end
    if (iv.overnight) values[`${prefix}.${n}.overnight`] = 'on'
  })
}

function putWeekly(values: FormValues, prefix: string, weekly: WeeklyHours): void {
  for (const day of WEEKDAYS) {
    const list = weekly[day] ?? []
    if (list.length === 0) values[`${prefix}.${day}.closed`] = 'on'
    putIntervals(values, `${prefix}.${day}`, list)
  }
}

/** The editor's form values of a stored definition. */
export function formFromDefinition(definition: ScheduleDefinition): FormValues {
  const values: FormValues = {}
  if (definition.closedOnHolidays) values.closedOnHolidays = 'on'
  putWeekly(values, 'w', definition.weekly)
  putIntervals(values, 'h', definition.holidayHours)
  ;(definition.overrides ?? []).forEach((o, k) => {
    values[`o.${k}.from`] = o.from
    values[`o.${k}.to`] = o.to
    values[`o.${k}.reason.id`] = o.reason.id
    if (o.reason.en) values[`o.${k}.reason.en`] = o.reason.en
    putWeekly(values, `o.${k}.w`, o.weekly)
  })
  ;(definition.closures ?? []).forEach((c, k) => {
    values[`c.${k}.from`] = c.from
    if (c.to && c.to !== c.from) values[`c.${k}.to`] = c.to
    values[`c.${k}.reason.id`] = c.reason.id
    if (c.reason.en) values[`c.${k}.reason.en`] = c.reason.en
  })
  ;(definition.extraOpenings ?? []).forEach((x, k) => {
    values[`x.${k}.date`] = x.date
    values[`x.${k}.reason.id`] = x.reason.id
    if (x.reason.en) values[`x.${k}.reason.en`] = x.reason.en
    putIntervals(values, `x.${k}`, x.intervals)
  })
  return values
}

// ---------------------------------------------------------------------------
// Form values → definition

interface Reader {
  values: FormValues
  errors: Record<string, EditorIssue>
  /** Definition path (`weekly.mo.1`) → form name (`w.mo.2`). */
  paths: Map<string, string>
}

const get = (r: Reader, name: string) => (r.values[name] ?? '').trim()

function groupHasContent(values: FormValues, prefix: string): boolean {
  return Object.entries(values).some(
    ([name, value]) => name.startsWith(`${prefix}.`) && !name.endsWith('.remove') && value.trim() !== '',
  )
}

function readIntervals(r: Reader, formPrefix: string, path: string): Interval[] {
  const list: Interval[] = []
  for (const n of filledSlots(r.values, formPrefix)) {
    const row = `${formPrefix}.${n}`
    const start = normalizeTime(get(r, `${row}.start`))
    const end = normalizeTime(get(r, `${row}.end`))
    const overnight = isOn(get(r, `${row}.overnight`))
    if (!start && !end) {
      // Only the overnight box is ticked: nothing to read, say so.
      if (overnight) r.errors[`${row}.start`] = REQUIRED
      continue
    }
    if (!start) r.errors[`${row}.start`] = REQUIRED
    if (!end) r.errors[`${row}.end`] = REQUIRED
    if (!start || !end) continue
    r.paths.set(`${path}.${list.length}`, row)
    list.push({ start, end, ...(overnight ? { overnight: true } : {}) })
  }
  return list
}

function readWeekly(r: Reader, formPrefix: string, path: string): WeeklyHours {
  const weekly: WeeklyHours = {}
  for (const day of WEEKDAYS) {
    r.paths.set(`${path}.${day}`, `${formPrefix}.${day}`)
    const list = readIntervals(r, `${formPrefix}.${day}`, `${path}.${day}`)
    // A day ticked closed is closed whatever its slots say (the times are kept for un-ticking).
    if (isOn(get(r, `${formPrefix}.${day}.closed`))) continue
    if (list.length > 0) weekly[day] = list
  }
  return weekly
}

function readDate(r: Reader, name: string, required: boolean): string | undefined {
  const value = get(r, name)
  if (!value) {
    if (required) r.errors[name] = REQUIRED
    return undefined
  }
  if (!isLocalDate(value)) {
    r.errors[name] = issue('Masukkan tanggal yang benar (TTTT-BB-HH).', 'Enter a real date (YYYY-MM-DD).')
    return undefined
  }
  return value
}

function readReason(r: Reader, prefix: string): LocalizedText | undefined {
  const id = get(r, `${prefix}.reason.id`)
  const en = get(r, `${prefix}.reason.en`)
  if (!id) {
    r.errors[`${prefix}.reason.id`] = REQUIRED
    return undefined
  }
  return { id, ...(en ? { en } : {}) }
}

/**
 * Reads the editor's form into a definition (zone and holiday kinds come from `base`, the stored
 * definition or the tenant's defaults) and checks it with the engine's schema. Issues come back by
 * input name, in both languages.
 * @example const checked = definitionFromForm(values, { zone: 'Asia/Jakarta' }); checked.definition ?? checked.errors
 */
export function definitionFromForm(
  values: FormValues,
  base: Pick<ScheduleDefinition, 'zone'> & Partial<Pick<ScheduleDefinition, 'holidayKinds'>>,
): EditorCheck {
  const r: Reader = { values, errors: {}, paths: new Map() }
  const weekly = readWeekly(r, 'w', 'weekly')
  const holidayHours = readIntervals(r, 'h', 'holidayHours')
  const closedOnHolidays = isOn(get(r, 'closedOnHolidays'))

  const overrides: NonNullable<ScheduleDefinition['overrides']> = []
  for (const k of groupIndices(values, 'o')) {
    const prefix = `o.${k}`
    if (isOn(get(r, `${prefix}.remove`)) || !groupHasContent(values, prefix)) continue
    const from = readDate(r, `${prefix}.from`, true)
    const to = readDate(r, `${prefix}.to`, true)
    const reason = readReason(r, prefix)
    const path = `overrides.${overrides.length}`
    const ownWeekly = readWeekly(r, `${prefix}.w`, `${path}.weekly`)
    if (!from || !to || !reason) continue
    r.paths.set(path, prefix)
    overrides.push({ from, to, reason, weekly: ownWeekly })
  }

  const closures: NonNullable<ScheduleDefinition['closures']> = []
  for (const k of groupIndices(values, 'c')) {
    const prefix = `c.${k}`
    if (isOn(get(r, `${prefix}.remove`)) || !groupHasContent(values, prefix)) continue
    const from = readDate(r, `${prefix}.from`, true)
    const to = readDate(r, `${prefix}.to`, false)
    const reason = readReason(r, prefix)
    if (!from || !reason || r.errors[`${prefix}.to`]) continue
    r.paths.set(`closures.${closures.length}`, prefix)
    closures.push({ from, ...(to && to !== from ? { to } : {}), reason })
  }

  const extraOpenings: NonNullable<ScheduleDefinition['extraOpenings']> = []
  for (const k of groupIndices(values, 'x')) {
    const prefix = `x.${k}`
    if (isOn(get(r, `${prefix}.remove`)) || !groupHasContent(values, prefix)) continue
    const date = readDate(r, `${prefix}.date`, true)
    const reason = readReason(r, prefix)
    const path = `extraOpenings.${extraOpenings.length}`
    const intervals = readIntervals(r, prefix, `${path}.intervals`)
    if (intervals.length === 0 && !r.errors[`${prefix}.0.start`]) {
      r.errors[`${prefix}.0.start`] = issue('Isi minimal satu jam buka.', 'Give at least one opening interval.')
    }
    if (!date || !reason || intervals.length === 0) continue
    r.paths.set(path, prefix)
    extraOpenings.push({ date, reason, intervals })
  }

  const definition: ScheduleDefinition = {
    zone: base.zone,
    weekly,
    closedOnHolidays,
    ...(holidayHours.length > 0 ? { holidayHours } : {}),
    ...(base.holidayKinds ? { holidayKinds: base.holidayKinds } : {}),
    ...(overrides.length > 0 ? { overrides } : {}),
    ...(closures.length > 0 ? { closures } : {}),
    ...(extraOpenings.length > 0 ? { extraOpenings } : {}),
  }
  r.paths.set('holidayHours', 'h')
  r.paths.set('closedOnHolidays', 'closedOnHolidays')

  // The engine checks what could be read even when some inputs are wrong, so every issue shows at once.
  const parsed = scheduleSchema.safeParse(definition)
  const engine = parsed.success
    ? { errors: {}, formErrors: [] }
    : mapEngineIssues(
        parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
        r.paths,
      )
  if (!parsed.success || Object.keys(r.errors).length > 0) {
    return { errors: { ...engine.errors, ...r.errors }, formErrors: engine.formErrors, paths: r.paths }
  }
  return { definition: parsed.data, errors: {}, formErrors: [], paths: r.paths }
}

// ---------------------------------------------------------------------------
// Engine issues → inputs

const FIELD_RENAMES: Record<string, string> = { intervals: '' }

/** The form name an engine path concerns: the longest mapped prefix, the rest appended. */
export function formNameOf(path: readonly (string | number)[], paths: ReadonlyMap<string, string>): string | undefined {
  const parts = path.map(String)
  for (let n = parts.length; n > 0; n--) {
    const mapped = paths.get(parts.slice(0, n).join('.'))
    if (mapped === undefined) continue
    const rest = parts
      .slice(n)
      .map((p) => FIELD_RENAMES[p] ?? p)
      .filter(Boolean)
    return [mapped, ...rest].join('.')
  }
  return undefined
}

const WEEKDAY_KEYS = new Set<string>(WEEKDAYS)

/** One engine message (English) as Indonesian and English sentences for people. */
export function translateEngineMessage(message: string): EditorIssue {
  switch (message) {
    case 'Expected a time as HH:MM between 00:00 and 24:00':
      return issue('Isi jam sebagai JJ:MM antara 00:00 dan 24:00.', 'Enter a time as HH:MM between 00:00 and 24:00.')
    case 'An interval cannot start at 24:00; use 00:00 of the next day':
      return issue('Jam tidak dapat mulai pukul 24:00; pakai 00:00 hari berikutnya.', message)
    case 'End must differ from start':
      return issue('Jam selesai harus berbeda dari jam mulai.', 'End must differ from start.')
    case 'End is before start: set overnight: true for an interval that runs past midnight':
      return issue(
        'Jam selesai sebelum jam mulai: centang “lewat tengah malam” bila jam ini melewati tengah malam.',
        'End is before start: tick “past midnight” for hours that run past midnight.',
      )
    case 'overnight: true needs an end before the start':
      return issue(
        '“Lewat tengah malam” hanya untuk jam selesai sebelum jam mulai.',
        '“Past midnight” needs an end before the start.',
      )
    case 'To close at midnight use end 24:00 without overnight':
      return issue(
        'Untuk tutup tengah malam isi 24:00 tanpa “lewat tengah malam”.',
        'To close at midnight use 24:00 without “past midnight”.',
      )
    case 'holidayHours needs closedOnHolidays: false':
      return issue(
        'Jam pada hari libur hanya berlaku bila “tutup pada hari libur” tidak dicentang.',
        'Holiday hours need “closed on holidays” unticked.',
      )
    case 'to is before from':
      return issue('Tanggal akhir sebelum tanggal mulai.', 'The end date is before the start date.')
    case 'A closure may span at most ten years':
      return issue('Penutupan paling lama sepuluh tahun.', 'A closure may span at most ten years.')
    case 'Expected a real date as YYYY-MM-DD':
      return issue('Masukkan tanggal yang benar (TTTT-BB-HH).', 'Enter a real date (YYYY-MM-DD).')
    case 'Unknown IANA time zone':
      return issue('Zona waktu tidak dikenal.', 'Unknown time zone.')
    case UNKNOWN_OWNER:
      return issue(
        'Tidak ada data pemilik dengan ID atau slug ini: salin ID atau slug kantor/layanan dari konsol.',
        'No owner has this id or slug: copy the office or service id or slug from the console.',
      )
    case UNKNOWN_OWNER_TYPE:
      return issue(
        'Jadwal hanya dapat dimiliki kantor (directory, office) atau layanan (services, service).',
        'A schedule can belong to an office (directory, office) or a service (services, service).',
      )
  }
  let m = /^Overlaps interval (\d+) of the same day$/.exec(message)
  if (m) {
    const n = Number(m[1]) + 1
    return issue(`Bertumpang tindih dengan jam ke-${n} pada hari yang sama.`, `Overlaps interval ${n} of the same day.`)
  }
  m = /^Overlaps the overnight interval of (\w\w)$/.exec(message)
  if (m && WEEKDAY_KEYS.has(m[1]!)) {
    const day = WEEKDAY_NAMES[m[1] as WeekdayKey]
    return issue(
      `Bertumpang tindih dengan jam lewat tengah malam hari ${day.id}.`,
      `Overlaps the past-midnight hours of ${day.en}.`,
    )
  }
  m = /^Date range overlaps override (\d+)$/.exec(message)
  if (m) {
    const n = Number(m[1]) + 1
    return issue(
      `Rentang tanggal bertumpang tindih dengan jam khusus ke-${n}.`,
      `The date range overlaps special hours ${n}.`,
    )
  }
  m = /^Date overlaps (closure|extra opening) (\d+)$/.exec(message)
  if (m) {
    const n = Number(m[2]) + 1
    return m[1] === 'closure'
      ? issue(`Tanggal bertumpang tindih dengan penutupan ke-${n}.`, `The date overlaps closure ${n}.`)
      : issue(`Tanggal bertumpang tindih dengan buka khusus ke-${n}.`, `The date overlaps extra opening ${n}.`)
  }
  return issue(message, message)
}

/** Engine issues (paths relative to the definition) as editor issues by input name. */
export function mapEngineIssues(
  issues: readonly { path: readonly (string | number)[]; message: string }[],
  paths: ReadonlyMap<string, string>,
): Pick<EditorCheck, 'errors' | 'formErrors'> {
  const errors: Record<string, EditorIssue> = {}
  const formErrors: EditorIssue[] = []
  for (const i of issues) {
    const name = formNameOf(i.path, paths)
    const text = translateEngineMessage(i.message)
    if (name) errors[name] ??= text
    else formErrors.push(text)
  }
  return { errors, formErrors }
}

/**
 * A save's validation problem (pointers such as `/definition/weekly/mo/1/end`) mapped onto the
 * editor's inputs; pointers outside the definition go to `outside` (e.g. `label.id`).
 */
export function mapProblemPointers(
  errors: readonly { pointer: string; message: string }[],
  paths: ReadonlyMap<string, string>,
): Pick<EditorCheck, 'errors' | 'formErrors'> & { outside: Record<string, EditorIssue> } {
  const inside: { path: string[]; message: string }[] = []
  const outside: Record<string, EditorIssue> = {}
  for (const e of errors) {
    const parts = e.pointer
      .split('/')
      .filter(Boolean)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    if (parts[0] === 'definition') inside.push({ path: parts.slice(1), message: e.message })
    else outside[parts.join('.') || '_form'] ??= translateEngineMessage(e.message)
  }
  return { ...mapEngineIssues(inside, paths), outside }
}
