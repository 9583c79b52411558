import type { TenantContext } from '@cerdas/core'
import { localizedText } from '@cerdas/core'
import { HOLIDAY_KINDS, parseOpeningHours, scheduleSchema } from '@cerdas/schedules'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { holiday, holidayColumns } from './holiday'
import { SCHEDULE_KINDS } from './kinds'
import { scheduleColumns, schedule as scheduleEntity } from './schedule'
import { definitionInputSchema, ownerRefSchema } from './schedule-input'
import { createSchedule } from './schedules'
import { localDate } from './validation'

const key = z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and -')

const holidaySeed = z.strictObject({
  /** Stable key; default `<date>-<kind>`. */
  key: key.optional(),
  date: localDate,
  name: localizedText(200),
  kind: z.enum(HOLIDAY_KINDS),
  /** The decree the date comes from (SKB 3 Menteri of that year, Perda, ...). */
  source: z.string().trim().min(1).max(2000).optional(),
  /** Caveats, e.g. an estimated date. */
  note: z.string().trim().min(1).max(2000).optional(),
  /** True only when someone checked the date against the decree itself. */
  verified: z.boolean(),
})

const scheduleSeed = z
  .strictObject({
    key,
    owner: ownerRefSchema,
    kind: z.enum(SCHEDULE_KINDS),
    label: localizedText(200),
    role: localizedText(200).optional(),
    services: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
    /** Either the engine definition or an OSM opening_hours value. */
    definition: definitionInputSchema.optional(),
    openingHours: z.string().min(1).max(10_000).optional(),
    verification: z.strictObject({ at: z.iso.datetime(), by: z.string().min(1), source: z.string().min(1) }).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.definition === undefined) === (value.openingHours === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['definition'], message: 'give exactly one of definition or openingHours' })
      return
    }
    if (value.openingHours !== undefined) {
      const parsed = parseOpeningHours(value.openingHours)
      if (!parsed.ok)
        ctx.addIssue({
          code: 'custom',
          path: ['openingHours'],
          message: `${parsed.error.message} (at position ${parsed.error.position})`,
        })
      return
    }
    // Overlaps and overnight mistakes do not depend on the zone: check them here so a template fails early.
    const d = value.definition
    const checked = scheduleSchema.safeParse({
      ...d,
      zone: d?.zone ?? 'Asia/Jakarta',
      closedOnHolidays: d?.closedOnHolidays ?? true,
    })
    if (!checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: ['definition', ...issue.path], message: issue.message })
  })

/** The module's template data: the tenant's holidays and optional example schedules. */
export const seedData = z
  .strictObject({
    holidays: z.array(holidaySeed).max(2000).default([]),
    schedules: z.array(scheduleSeed).max(500).default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>()
    value.holidays.forEach((h, i) => {
      const k = h.key ?? `${h.date}-${h.kind}`
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'key'], message: `duplicate key ${k}` })
      seen.add(k)
    })
    const keys = new Set<string>()
    value.schedules.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['schedules', i, 'key'], message: 'duplicate key' })
      keys.add(s.key)
    })
  })

export type ScheduleSeed = z.infer<typeof seedData>

/** Idempotent: records whose key was seeded before are skipped (even when an admin edited them since). */
export async function seedSchedules(ctx: TenantContext, { data }: { data: ScheduleSeed }): Promise<void> {
  for (const item of data.holidays) {
    const seedKey = `holiday:${item.key ?? `${item.date}-${item.kind}`}`
    const [existing] = await ctx.db
      .select({ id: holidayColumns.id })
      .from(holiday.table)
      .where(eq(holidayColumns.seedKey, seedKey))
    if (existing) continue
    await holiday.create(
      ctx,
      {
        date: item.date,
        name: item.name,
        kind: item.kind,
        ...(item.source ? { source: item.source } : {}),
        ...(item.note ? { note: item.note } : {}),
      },
      {
        seedKey,
        ...(item.verified ? { verification: { at: ctx.now().toISOString(), by: 'template', source: null } } : {}),
      },
    )
  }
  for (const item of data.schedules) {
    const seedKey = `schedule:${item.key}`
    const [existing] = await ctx.db
      .select({ id: scheduleColumns.id })
      .from(scheduleEntity.table)
      .where(eq(scheduleColumns.seedKey, seedKey))
    if (existing) continue
    let definition = item.definition
    if (!definition) {
      const parsed = parseOpeningHours(item.openingHours ?? '', { zone: ctx.tenant.timezone })
      if (!parsed.ok) throw new Error(`schedules seed ${item.key}: ${parsed.error.message}`)
      const { label: _label, ...rest } = parsed.schedule
      definition = rest
    }
    await createSchedule(
      ctx,
      {
        owner: item.owner,
        kind: item.kind,
        label: item.label,
        ...(item.role ? { role: item.role } : {}),
        ...(item.services ? { services: item.services } : {}),
        definition,
      },
      { seedKey, ...(item.verification ? { verification: item.verification } : {}) },
    )
  }
}
