import {
  type AdminField,
  type CustomStorage,
  type FieldError,
  type LocalizedText,
  linesValue,
  type TenantContext,
} from '@cerdas/core'
import {
  COLLECTION_HOLIDAY_POLICIES,
  type CollectionRule,
  collectionExceptionSchema,
  collectionRuleSchema,
  HOLIDAY_KINDS,
  WEEKDAYS,
} from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'
import { HOLIDAY_POLICY_LABELS, WEEKDAY_LABELS } from './labels'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const time = z.string().regex(/^\d{2}:\d{2}$/, 'Expected HH:MM')

/**
 * A collection rule as a client sends it: every key may be left out. Creating, a missing key takes
 * its empty default (no days, 07:00–10:00, moved to the next working day, the tenant zone);
 * updating, a missing key keeps what is stored, so the console form does not wipe the exceptions
 * set through the API.
 */
export const collectionRuleInputSchema = z
  .strictObject({
    zone: z.string().max(64).optional().openapi({ description: 'IANA zone; default the tenant zone' }),
    days: z.array(z.enum(WEEKDAYS)).max(7).optional().openapi({ description: 'Collection weekdays, e.g. ["mo","th"]' }),
    start: time.optional().openapi({ description: 'Window start, local HH:MM', example: '07:00' }),
    end: time.optional().openapi({ description: 'Window end, local HH:MM', example: '10:00' }),
    onHolidays: z.enum(COLLECTION_HOLIDAY_POLICIES).optional().openapi({
      description: 'On a holiday: skip, next-working-day, previous-working-day or as-usual',
    }),
    holidayKinds: z.array(z.enum(HOLIDAY_KINDS)).min(1).nullable().optional(),
    restDays: z.array(z.enum(WEEKDAYS)).max(6).nullable().optional(),
    exceptions: z.array(collectionExceptionSchema).max(1000).optional(),
  })
  .openapi('CollectionRuleInput')
export type CollectionRuleInput = z.infer<typeof collectionRuleInputSchema>

/** A rule with no days yet: pages say the schedule has not been published. */
export function emptyRule(zone: string): CollectionRule {
  return { zone, days: [], start: '07:00', end: '10:00', onHolidays: 'next-working-day' }
}

const pointer = (path: PropertyKey[]) =>
  `/rule/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/** The stored rule after an input: its keys over the stored (or empty) rule, validated by the engine. */
export function buildRule(
  ctx: TenantContext,
  input: CollectionRuleInput,
  stored: CollectionRule | null,
): { value: CollectionRule | null; errors: FieldError[] } {
  const base = stored ?? emptyRule(ctx.tenant.timezone)
  const merged: Record<string, unknown> = { ...base, zone: input.zone ?? base.zone ?? ctx.tenant.timezone }
  for (const [key, value] of Object.entries(input)) {
    if (key === 'zone' || value === undefined) continue
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  if (Array.isArray(merged.exceptions) && merged.exceptions.length === 0) delete merged.exceptions
  // Days in week order, so equal rules are equal JSON.
  if (Array.isArray(merged.days)) merged.days = WEEKDAYS.filter((d) => (merged.days as string[]).includes(d))
  const parsed = collectionRuleSchema.safeParse(merged)
  if (parsed.success) return { value: parsed.data, errors: [] }
  return {
    value: null,
    errors: parsed.error.issues.map((issue) => ({ pointer: pointer(issue.path), message: issue.message })),
  }
}

const section = label('Jadwal pengangkutan', 'Collection schedule')

const adminFields: AdminField[] = [
  {
    name: 'rule.days',
    label: label('Hari pengangkutan', 'Collection days'),
    type: 'multiselect',
    options: WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] })),
    section,
    help: label(
      'Isi hanya dari jadwal resmi dinas. Tanpa hari, halaman publik menyebut jadwal belum diterbitkan.',
      'Fill in only from the office’s published schedule. Without days the public page says it is not published yet.',
    ),
  },
  { name: 'rule.start', label: label('Mulai (JJ:MM)', 'From (HH:MM)'), type: 'text' },
  { name: 'rule.end', label: label('Selesai (JJ:MM)', 'Until (HH:MM)'), type: 'text' },
  {
    name: 'rule.onHolidays',
    label: label('Pada hari libur', 'On public holidays'),
    type: 'select',
    options: COLLECTION_HOLIDAY_POLICIES.map((value) => ({ value, label: HOLIDAY_POLICY_LABELS[value] })),
    help: label(
      'Hari libur nasional, cuti bersama, dan libur daerah dari kalender libur daerah; hari Minggu tidak dihitung sebagai hari kerja.',
      "National holidays, cuti bersama and regional holidays from the tenant's holiday calendar; Sunday is not a working day.",
    ),
  },
]

/** The rule kept as the engine's JSON in one column, like a transport timetable (ADR 0113). */
export const collectionRuleStorage: CustomStorage<CollectionRule> = {
  columns: [{ key: 'rule', column: 'rule', type: 'TEXT', notNull: true }],
  input: collectionRuleInputSchema,
  output: collectionRuleSchema,
  read: (row) => (typeof row.rule === 'string' ? (JSON.parse(row.rule) as CollectionRule) : null),
  write: (value) => ({ rule: value === null ? null : JSON.stringify(value) }),
  admin: adminFields,
  values: (value) => ({
    'rule.days': linesValue(value?.days ?? []),
    'rule.start': value?.start ?? '07:00',
    'rule.end': value?.end ?? '10:00',
    'rule.onHolidays': value?.onHolidays ?? 'next-working-day',
  }),
}
