import { localizedText, localizedTextOutput } from '@cerdas/core'
import { HOLIDAY_KINDS, isLocalDate } from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'
import { SCHEDULE_KINDS } from './kinds'
import { type Schedule, schedule } from './schedule'
import { ownerRefSchema, servicesInputSchema } from './schedule-input'

export { HOLIDAY_KIND_IDS, type HolidayKindId, SCHEDULE_KINDS, type ScheduleKind } from './kinds'
export type { Schedule } from './schedule'
export { type DefinitionInput, definitionInputSchema, type OwnerRef, ownerRefSchema } from './schedule-input'
export type { CreateScheduleInput, UpdateScheduleInput } from './schedules'

export const localDate = z
  .string()
  .refine(isLocalDate, { message: 'Expected a real date as YYYY-MM-DD' })
  .openapi({ example: '2026-08-17' })

const services = servicesInputSchema

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

/** A schedule as the API answers it (the entity's output, named `Schedule`). */
export const scheduleOutSchema = schedule.schemas.output

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
/** The schemas' type, with the schedule entity's own record type for each schedule. */
export interface OwnerStatus {
  owner: { module: string; type: string; id: string }
  at: string
  hours: { schedule: Schedule; status: ScheduleStatusView } | null
  presence: { schedule: Schedule; status: ScheduleStatusView }[]
}

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
