import {
  type AdminField,
  type CustomStorage,
  type FieldError,
  type LocalizedText,
  linesValue,
  type TenantContext,
} from '@cerdas/core'
import {
  type DepartureTimetable,
  departureExceptionSchema,
  departureOverrideSchema,
  departuresSchema,
  HOLIDAY_KINDS,
  HOLIDAY_RULES,
  WEEKDAYS,
  weeklyDeparturesSchema,
} from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'

const label = (id: string, en: string): LocalizedText => ({ id, en })

/**
 * A route's timetable as a client sends it: the engine's definition where every key may be left
 * out. Creating, a missing key takes its empty default (no departures, holidays as usual, the
 * tenant zone); updating, a missing key keeps what is stored, so the console's weekly grid does
 * not wipe the overrides and exceptions set through the API.
 */
export const timetableInputSchema = z
  .strictObject({
    zone: z.string().max(64).optional().openapi({ description: 'IANA zone; default the tenant zone' }),
    weekly: weeklyDeparturesSchema.optional(),
    onHolidays: z.enum(HOLIDAY_RULES).optional().openapi({
      description: 'On a public holiday: usual, none (no service), or the weekday whose times run (su: as on Sunday)',
    }),
    holidayKinds: z.array(z.enum(HOLIDAY_KINDS)).min(1).nullable().optional(),
    overrides: z.array(departureOverrideSchema).max(200).optional(),
    exceptions: z.array(departureExceptionSchema).max(2000).optional(),
  })
  .openapi('DepartureTimetableInput')
export type TimetableInput = z.infer<typeof timetableInputSchema>

/** A timetable with no departures yet: pages say "belum ada data". */
export function emptyTimetable(zone: string): DepartureTimetable {
  return { zone, weekly: {}, onHolidays: 'usual' }
}

const pointer = (path: PropertyKey[]) =>
  `/timetable/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/**
 * The stored timetable after an input: the input's keys over the stored (or empty) timetable,
 * the zone filled in, validated by the engine (repeated times, overlapping overrides, repeated
 * exception dates) with pointers under `/timetable`.
 */
export function buildTimetable(
  ctx: TenantContext,
  input: TimetableInput,
  stored: DepartureTimetable | null,
): { value: DepartureTimetable | null; errors: FieldError[] } {
  const base = stored ?? emptyTimetable(ctx.tenant.timezone)
  const merged: Record<string, unknown> = { ...base, zone: input.zone ?? base.zone ?? ctx.tenant.timezone }
  for (const [key, value] of Object.entries(input)) {
    if (key === 'zone' || value === undefined) continue
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  // Empty lists are stored as absent, so equal timetables are equal JSON.
  for (const key of ['overrides', 'exceptions'] as const)
    if (Array.isArray(merged[key]) && (merged[key] as unknown[]).length === 0) delete merged[key]
  const parsed = departuresSchema.safeParse(merged)
  if (parsed.success) return { value: parsed.data, errors: [] }
  return {
    value: null,
    errors: parsed.error.issues.map((issue) => ({ pointer: pointer(issue.path), message: issue.message })),
  }
}

const DAY_LABELS: Record<(typeof WEEKDAYS)[number], LocalizedText> = {
  mo: label('Senin', 'Monday'),
  tu: label('Selasa', 'Tuesday'),
  we: label('Rabu', 'Wednesday'),
  th: label('Kamis', 'Thursday'),
  fr: label('Jumat', 'Friday'),
  sa: label('Sabtu', 'Saturday'),
  su: label('Minggu', 'Sunday'),
}

export const HOLIDAY_RULE_LABELS: Record<(typeof HOLIDAY_RULES)[number], LocalizedText> = {
  usual: label('Seperti biasa (jadwal hari itu)', 'As usual (that weekday)'),
  none: label('Tidak beroperasi', 'No service'),
  ...(Object.fromEntries(
    WEEKDAYS.map((d) => [d, label(`Seperti hari ${DAY_LABELS[d].id}`, `As on ${DAY_LABELS[d].en}`)]),
  ) as Record<(typeof WEEKDAYS)[number], LocalizedText>),
}

const adminFields: AdminField[] = [
  {
    name: 'timetable.onHolidays',
    label: label('Pada hari libur', 'On public holidays'),
    type: 'select',
    options: HOLIDAY_RULES.map((value) => ({ value, label: HOLIDAY_RULE_LABELS[value] })),
    section: label('Jadwal keberangkatan', 'Departure timetable'),
    help: label(
      'Hari libur nasional, cuti bersama, dan libur daerah dari kalender libur daerah. Isi jam hanya dari sumber yang dapat dirujuk.',
      "National holidays, cuti bersama and regional holidays from the tenant's holiday calendar. Enter times only from a source you can cite.",
    ),
  },
  ...WEEKDAYS.map(
    (d): AdminField => ({
      name: `timetable.weekly.${d}`,
      label: label(`Jam berangkat ${DAY_LABELS[d].id}`, `${DAY_LABELS[d].en} departures`),
      type: 'lines',
      help: d === 'mo' ? label('Satu jam per baris, misalnya 07:00.', 'One time per line, e.g. 07:00.') : undefined,
    }),
  ),
]

/**
 * The timetable kept as the engine's JSON in one column: one value keeps the stored form
 * identical to what the engine evaluates, and the model can grow without a migration.
 */
export const timetableStorage: CustomStorage<DepartureTimetable> = {
  columns: [{ key: 'timetable', column: 'timetable', type: 'TEXT', notNull: true }],
  input: timetableInputSchema,
  output: departuresSchema,
  read: (row) => (typeof row.timetable === 'string' ? parsedTimetable(row.timetable) : null),
  write: (value) => ({ timetable: value === null ? null : JSON.stringify(value) }),
  admin: adminFields,
  values: (value) => ({
    'timetable.onHolidays': value?.onHolidays ?? 'usual',
    ...Object.fromEntries(WEEKDAYS.map((d) => [`timetable.weekly.${d}`, linesValue(value?.weekly[d] ?? [])])),
  }),
}

/**
 * Parsed timetables by their stored JSON: the engine compiles once per object, so every read of an
 * unchanged timetable gets the same frozen object. Keyed by content, so tenants share nothing else.
 */
const parsed = new Map<string, DepartureTimetable>()
const PARSED_MAX = 2000

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

export function parsedTimetable(text: string): DepartureTimetable {
  const hit = parsed.get(text)
  if (hit) return hit
  const value = deepFreeze(JSON.parse(text) as DepartureTimetable)
  parsed.set(text, value)
  if (parsed.size > PARSED_MAX) {
    const oldest = parsed.keys().next().value
    if (oldest !== undefined) parsed.delete(oldest)
  }
  return value
}
