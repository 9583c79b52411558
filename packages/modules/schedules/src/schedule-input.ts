import { problem, type TenantContext } from '@cerdas/core'
import {
  closureSchema,
  extraOpeningSchema,
  HOLIDAY_KINDS,
  intervalSchema,
  overrideSchema,
  type ScheduleDefinition,
  scheduleSchema,
  weeklyHoursSchema,
} from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'

/** What a client gives for a schedule's owner, services and hours, and the hours as stored. */

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

export const servicesInputSchema = z
  .array(z.string().trim().min(1).max(64))
  .max(50)
  .openapi({ description: 'References of the services a presence covers (e.g. service ids)' })

const pointer = (path: PropertyKey[]) =>
  `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/**
 * Completes an admin's definition with the tenant zone and holiday default, then validates it with
 * the engine (overlaps, unknown zone, overnight mistakes): a 422 with `/definition/...` pointers.
 */
export function buildDefinition(ctx: TenantContext, input: DefinitionInput, base = '/definition'): ScheduleDefinition {
  const byDefault = ctx.tenant.modules.schedules?.settings.closedOnHolidaysByDefault
  const candidate = {
    zone: input.zone ?? ctx.tenant.timezone,
    closedOnHolidays: input.closedOnHolidays ?? (typeof byDefault === 'boolean' ? byDefault : true),
    ...Object.fromEntries(
      Object.entries(input).filter(([k, v]) => k !== 'zone' && k !== 'closedOnHolidays' && v !== undefined),
    ),
  }
  const parsed = scheduleSchema.safeParse(candidate)
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      pointer: `${base}${pointer(issue.path)}`,
      message: issue.message,
    }))
    throw problem('validation', errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), { errors })
  }
  return parsed.data
}
