import { localizedText, localizedTextOutput } from '@cerdas/core'
import {
  closureSchema,
  extraOpeningSchema,
  HOLIDAY_KINDS,
  intervalSchema,
  isLocalDate,
  overrideSchema,
  scheduleSchema,
  weeklyHoursSchema,
} from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'
import { SCHEDULE_KINDS } from './kinds'

export { HOLIDAY_KIND_IDS, type HolidayKindId, SCHEDULE_KINDS, type ScheduleKind } from './kinds'

export const localDate = z
  .string()
  .refine(isLocalDate, { message: 'Expected a real date as YYYY-MM-DD' })
  .openapi({ example: '2026-08-17' })

/** Who a schedule belongs to: any entity of any module, by reference (no foreign key). */
export const ownerRefSchema = z
  .strictObject({
    module: z
      .string()
      .regex(/^[a-z][a-z0-9]{1,30}$/, 'must be a module id')
      .openapi({ example: 'directory' }),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,40}$/, 'must be lowercase letters, digits or _')
      .openapi({ example: 'office' }),
    id: z.string().trim().min(1).max(64).openapi({ example: 'off_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
  })
  .openapi('OwnerRef')
export type OwnerRef = z.infer<typeof ownerRefSchema>

/**
 * The engine's schedule definition as an admin sends it: `zone` defaults to the tenant's zone and
 * `closedOnHolidays` to the tenant setting. Overlaps and unknown zones are checked with the
 * engine's scheduleSchema and reported with pointers under `/definition`.
 */
export const definitionInputSchema = z
  .strictObject({
    zone: z.string().max(64).optional().openapi({ description: 'IANA zone; default the tenant zone' }),
    weekly: weeklyHoursSchema,
    closedOnHolidays: z.boolean().optional(),
    holidayHours: z.array(intervalSchema).min(1).max(24).optional(),
    holidayKinds: z.array(z.enum(HOLIDAY_KINDS)).min(1).optional(),
    overrides: z.array(overrideSchema).max(500).optional(),
    closures: z.array(closureSchema).max(2000).optional(),
    extraOpenings: z.array(extraOpeningSchema).max(2000).optional(),
  })
  .openapi('ScheduleDefinitionInput')
export type DefinitionInput = z.infer<typeof definitionInputSchema>

const services = z
  .array(z.string().trim().min(1).max(64))
  .max(50)
  .openapi({ description: 'References of the services a presence covers (e.g. service ids)' })

export const createScheduleSchema = z
  .strictObject({
    owner: ownerRefSchema,
    kind: z.enum(SCHEDULE_KINDS),
    label: localizedText(200),
    role: localizedText(200).nullable().optional(),
    services: services.optional(),
    definition: definitionInputSchema,
  })
  .openapi('ScheduleCreate')
export type CreateScheduleInput = z.infer<typeof createScheduleSchema>

export const updateScheduleSchema = z
  .strictObject({
    owner: ownerRefSchema.optional(),
    kind: z.enum(SCHEDULE_KINDS).optional(),
    label: localizedText(200).optional(),
    role: localizedText(200).nullable().optional(),
    services: services.optional(),
    definition: definitionInputSchema.optional().openapi({ description: 'Replaces the whole definition' }),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'nothing to update' })
  .openapi('ScheduleUpdate')
export type UpdateScheduleInput = z.infer<typeof updateScheduleSchema>

export const importScheduleSchema = z
  .strictObject({
    owner: ownerRefSchema,
    kind: z.enum(SCHEDULE_KINDS),
    label: localizedText(200),
    role: localizedText(200).nullable().optional(),
    services: services.optional(),
    zone: z.string().max(64).optional(),
    openingHours: z
      .string()
      .max(10_000)
      .openapi({ example: 'Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-11:30,13:30-16:30; PH off' }),
  })
  .openapi('ScheduleImport')
export type ImportScheduleInput = z.infer<typeof importScheduleSchema>

export const verifySchema = z
  .strictObject({
    source: z.string().trim().min(1).max(2000).optional().openapi({ description: 'Where it was checked' }),
  })
  .openapi('VerifyInput')

export const verificationSchema = z
  .object({
    verified: z.boolean(),
    verifiedAt: z.string().nullable().openapi({ description: 'When a person last confirmed this record (UTC)' }),
    verifiedBy: z.string().nullable(),
    source: z.string().nullable().openapi({ description: 'Public source the record was checked against' }),
  })
  .openapi('ScheduleVerification')

export const scheduleOutSchema = z
  .object({
    id: z.string().openapi({ example: 'sch_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    owner: z.object({ module: z.string(), type: z.string(), id: z.string() }),
    kind: z.enum(SCHEDULE_KINDS),
    label: localizedTextOutput,
    role: localizedTextOutput.nullable(),
    services: z.array(z.string()),
    definition: scheduleSchema,
    openingHours: z.string().openapi({ description: 'The definition as an OSM opening_hours value' }),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Schedule')
export type Schedule = z.infer<typeof scheduleOutSchema>

const REASON_KINDS = ['weekly', 'break', 'holiday', 'override', 'closure', 'extra', 'closed_day', 'always'] as const

export const reasonSchema = z
  .object({
    kind: z.enum(REASON_KINDS),
    label: localizedTextOutput.openapi({ description: 'Holiday name, override/closure reason or a generic label' }),
  })
  .openapi('ScheduleReason')

const dayIntervalOut = z.object({ start: z.string(), end: z.string(), overnight: z.boolean() })

export const statusOutSchema = z
  .object({
    scheduleId: z.string(),
    kind: z.enum(SCHEDULE_KINDS),
    timezone: z.string(),
    at: z.string(),
    open: z.boolean(),
    until: z.string().nullable().openapi({ description: 'Next change of state (UTC); null when it never changes' }),
    nextOpen: z.string().nullable(),
    reason: reasonSchema,
    today: z.object({
      date: z.string(),
      intervals: z.array(dayIntervalOut),
      reason: reasonSchema,
    }),
  })
  .openapi('ScheduleStatus')
export type ScheduleStatusView = z.infer<typeof statusOutSchema>

export const holidayRefSchema = z.object({
  date: z.string(),
  name: localizedTextOutput,
  kind: z.enum(HOLIDAY_KINDS),
  source: z.string().optional(),
  verified: z.boolean(),
})

export const weekOutSchema = z
  .object({
    scheduleId: z.string(),
    timezone: z.string(),
    from: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        weekday: z.enum(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']),
        intervals: z.array(dayIntervalOut.extend({ startsAt: z.string(), endsAt: z.string() })),
        reason: reasonSchema,
        holiday: holidayRefSchema.optional(),
      }),
    ),
  })
  .openapi('ScheduleWeek')
export type WeekView = z.infer<typeof weekOutSchema>

export const ownerStatusOutSchema = z
  .object({
    owner: z.object({ module: z.string(), type: z.string(), id: z.string() }),
    at: z.string(),
    hours: z.object({ schedule: scheduleOutSchema, status: statusOutSchema }).nullable(),
    presence: z.array(z.object({ schedule: scheduleOutSchema, status: statusOutSchema })),
  })
  .openapi('OwnerScheduleStatus')
export type OwnerStatus = z.infer<typeof ownerStatusOutSchema>

export const listQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  ownerModule: z.string().max(31).optional(),
  ownerType: z.string().max(41).optional(),
  ownerId: z.string().max(64).optional(),
  kind: z.enum(SCHEDULE_KINDS).optional(),
})
export type ListQuery = z.infer<typeof listQuerySchema>

export const statusQuerySchema = z.strictObject({
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Instant to evaluate; default now', example: '2026-08-17T09:00:00+07:00' }),
})

export const weekQuerySchema = z.strictObject({
  from: localDate.optional().openapi({ description: 'First local date; default today in the schedule zone' }),
})

export const rangeQuerySchema = z
  .strictObject({
    from: localDate.optional().openapi({ description: 'First local date; default today' }),
    to: localDate.optional().openapi({ description: 'Last local date; default a year after from' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to is before from', path: ['to'] })

export const schemaOrgQuerySchema = z.strictObject({
  locale: z.enum(['id', 'en']).default('id'),
})

export const yearQuerySchema = z.strictObject({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .openapi({ description: 'Calendar year; default the current year in the tenant zone' }),
})

export const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})
