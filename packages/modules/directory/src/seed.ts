import type { TenantContext } from '@cerdas/core'
import { localizedText } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { createCounter } from './counters'
import { createOffice } from './offices'
import { createPosition } from './positions'
import { counters, offices, positions, units } from './schema'
import { createUnit } from './units'
import { contactsInputSchema, coordinatesSchema, OFFICE_TYPES, phoneSchema, slugSchema, UNIT_KINDS } from './validation'

const key = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
  .max(64)
/** Present only when the record was checked against a public source. */
const verification = z
  .strictObject({ at: z.iso.datetime(), by: z.string().min(1), source: z.string().min(1) })
  .optional()

const unitSeed = z.strictObject({
  key,
  kind: z.enum(UNIT_KINDS),
  name: localizedText(300),
  /** Key of the parent unit in the same office, listed before this one. */
  parent: key.optional(),
  handles: localizedText(5000).optional(),
  phone: phoneSchema.optional(),
  email: z.email().optional(),
  verification,
})

const counterSeed = z.strictObject({
  key,
  code: z.string().trim().min(1).max(20),
  name: localizedText(200),
  /** Key of the unit that staffs it. */
  unit: key.optional(),
  location: localizedText(500).optional(),
  verification,
})

const positionSeed = z.strictObject({
  key,
  title: localizedText(300),
  unit: key.optional(),
  /** Only a name that is public (e.g. on the regency's website). */
  holderName: z.string().trim().min(1).max(200).optional(),
  verification,
})

const officeSeed = z.strictObject({
  /** Stable key; also the office's slug and so its schedules owner id (`directory/office/<key>`). */
  key: slugSchema,
  type: z.enum(OFFICE_TYPES),
  name: localizedText(300),
  shortName: z.string().trim().min(1).max(60).optional(),
  /** Key of the parent office, listed before this one. */
  parent: key.optional(),
  address: z.string().trim().min(1).max(500).optional(),
  kecamatan: z.string().trim().min(1).max(100).optional(),
  coordinates: coordinatesSchema.optional(),
  contacts: contactsInputSchema.optional(),
  description: localizedText(5000).optional(),
  verification,
  units: z.array(unitSeed).max(200).default([]),
  counters: z.array(counterSeed).max(200).default([]),
  positions: z.array(positionSeed).max(200).default([]),
})

/** The directory as a template lists it: offices with their units, counters and positions nested. */
export const seedData = z
  .strictObject({ offices: z.array(officeSeed).max(2000).default([]) })
  .superRefine((value, ctx) => {
    const officeKeys = new Set<string>()
    const partKeys = { units: new Set<string>(), counters: new Set<string>(), positions: new Set<string>() }
    value.offices.forEach((office, i) => {
      if (officeKeys.has(office.key))
        ctx.addIssue({ code: 'custom', path: ['offices', i, 'key'], message: `duplicate key ${office.key}` })
      if (office.parent && !officeKeys.has(office.parent))
        ctx.addIssue({ code: 'custom', path: ['offices', i, 'parent'], message: 'must be an office listed before' })
      officeKeys.add(office.key)
      const unitKeys = new Set<string>()
      office.units.forEach((unit, j) => {
        if (partKeys.units.has(unit.key))
          ctx.addIssue({
            code: 'custom',
            path: ['offices', i, 'units', j, 'key'],
            message: `duplicate key ${unit.key}`,
          })
        if (unit.parent && !unitKeys.has(unit.parent))
          ctx.addIssue({
            code: 'custom',
            path: ['offices', i, 'units', j, 'parent'],
            message: 'must be a unit of this office listed before',
          })
        partKeys.units.add(unit.key)
        unitKeys.add(unit.key)
      })
      for (const list of ['counters', 'positions'] as const) {
        office[list].forEach((part, j) => {
          if (partKeys[list].has(part.key))
            ctx.addIssue({ code: 'custom', path: ['offices', i, list, j, 'key'], message: `duplicate key ${part.key}` })
          partKeys[list].add(part.key)
          if (part.unit && !unitKeys.has(part.unit))
            ctx.addIssue({
              code: 'custom',
              path: ['offices', i, list, j, 'unit'],
              message: 'must be a unit of this office',
            })
        })
      }
    })
  })

export type DirectorySeed = z.infer<typeof seedData>

type Table = typeof offices | typeof units | typeof counters | typeof positions
async function seededId(ctx: TenantContext, table: Table, seedKey: string): Promise<string | undefined> {
  const [row] = await ctx.db.select({ id: table.id }).from(table).where(eq(table.seedKey, seedKey))
  return row?.id
}

/**
 * Idempotent: records whose key was seeded before are kept as they are (even when an admin edited
 * them since); new ones are added. Seed keys: `<key>` for offices, `unit:<key>`, `counter:<key>`,
 * `position:<key>` for the parts.
 */
export async function seedDirectory(ctx: TenantContext, { data }: { data: DirectorySeed }): Promise<void> {
  for (const item of data.offices) {
    let officeId = await seededId(ctx, offices, item.key)
    if (!officeId) {
      const parentId = item.parent ? await seededId(ctx, offices, item.parent) : undefined
      const created = await createOffice(
        ctx,
        {
          slug: item.key,
          type: item.type,
          name: item.name,
          ...(item.shortName ? { shortName: item.shortName } : {}),
          ...(parentId ? { parentId } : {}),
          ...(item.address ? { address: item.address } : {}),
          ...(item.kecamatan ? { kecamatan: item.kecamatan } : {}),
          ...(item.coordinates ? { coordinates: item.coordinates } : {}),
          ...(item.contacts ? { contacts: item.contacts } : {}),
          ...(item.description ? { description: item.description } : {}),
        },
        { seedKey: item.key, ...(item.verification ? { verification: item.verification } : {}) },
      )
      officeId = created.id
    }
    const unitIds = new Map<string, string>()
    for (const unit of item.units) {
      const seedKey = `unit:${unit.key}`
      let id = await seededId(ctx, units, seedKey)
      if (!id) {
        const parentId = unit.parent ? unitIds.get(unit.parent) : undefined
        id = (
          await createUnit(
            ctx,
            {
              officeId,
              kind: unit.kind,
              name: unit.name,
              ...(parentId ? { parentId } : {}),
              ...(unit.handles ? { handles: unit.handles } : {}),
              ...(unit.phone ? { phone: unit.phone } : {}),
              ...(unit.email ? { email: unit.email } : {}),
            },
            { seedKey, ...(unit.verification ? { verification: unit.verification } : {}) },
          )
        ).id
      }
      unitIds.set(unit.key, id)
    }
    for (const counter of item.counters) {
      const seedKey = `counter:${counter.key}`
      if (await seededId(ctx, counters, seedKey)) continue
      const unitId = counter.unit ? unitIds.get(counter.unit) : undefined
      await createCounter(
        ctx,
        {
          officeId,
          code: counter.code,
          name: counter.name,
          ...(unitId ? { unitId } : {}),
          ...(counter.location ? { location: counter.location } : {}),
        },
        { seedKey, ...(counter.verification ? { verification: counter.verification } : {}) },
      )
    }
    for (const position of item.positions) {
      const seedKey = `position:${position.key}`
      if (await seededId(ctx, positions, seedKey)) continue
      const unitId = position.unit ? unitIds.get(position.unit) : undefined
      await createPosition(
        ctx,
        {
          officeId,
          title: position.title,
          ...(unitId ? { unitId } : {}),
          ...(position.holderName ? { holderName: position.holderName } : {}),
        },
        { seedKey, ...(position.verification ? { verification: position.verification } : {}) },
      )
    }
  }
}

/** Ids of seeded records by their template key, for other modules' seeds (e.g. services naming a bidang). */
export async function seededUnitId(ctx: TenantContext, unitKey: string): Promise<string | undefined> {
  return seededId(ctx, units, `unit:${unitKey}`)
}

export async function seededCounterId(ctx: TenantContext, counterKey: string): Promise<string | undefined> {
  return seededId(ctx, counters, `counter:${counterKey}`)
}
