import { type CreateOptions, localizedText, type TenantContext } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import { counter } from './counters'
import { office } from './office'
import { position } from './positions'
import { unit } from './units'
import {
  contactsInputSchema,
  coordinatesSchema,
  emailSchema,
  OFFICE_TYPES,
  phoneSchema,
  RESERVED_OFFICE_SLUGS,
  UNIT_KINDS,
} from './validation'

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
  email: emailSchema.optional(),
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
  key: key.refine((slug) => !RESERVED_OFFICE_SLUGS.includes(slug), 'this slug is reserved for a directory page'),
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

type Part = { table: SQLiteTable }
async function seededId(ctx: TenantContext, entity: Part, seedKey: string): Promise<string | undefined> {
  const c = entity.table as unknown as Record<'id' | 'seedKey', SQLiteColumn>
  const [row] = await ctx.db.select({ id: c.id }).from(entity.table).where(eq(c.seedKey, seedKey))
  return row?.id as string | undefined
}

/** Creates a template record unless its key was seeded before (even when an admin edited it since). */
async function seedOne(
  ctx: TenantContext,
  entity: Part & { create(ctx: TenantContext, input: never, options: CreateOptions): Promise<{ id: string }> },
  seedKey: string,
  input: Record<string, unknown>,
  verification: CreateOptions['verification'],
): Promise<string> {
  const seeded = await seededId(ctx, entity, seedKey)
  if (seeded) return seeded
  return (await entity.create(ctx, input as never, { seedKey, verification })).id
}

/**
 * Idempotent: records whose key was seeded before are kept as they are; new ones are added. Seed
 * keys: `<key>` for offices (also their slug), `unit:<key>`, `counter:<key>`, `position:<key>` for the parts.
 */
export async function seedDirectory(ctx: TenantContext, { data }: { data: DirectorySeed }): Promise<void> {
  for (const { key, parent, units, counters, positions, verification, ...item } of data.offices) {
    const parentId = parent ? await seededId(ctx, office, parent) : undefined
    const officeId = await seedOne(ctx, office, key, { ...item, slug: key, parentId }, verification)
    const unitIds = new Map<string, string>()
    for (const { key, parent, verification, ...part } of units) {
      const parentId = parent ? unitIds.get(parent) : undefined
      unitIds.set(key, await seedOne(ctx, unit, `unit:${key}`, { ...part, officeId, parentId }, verification))
    }
    for (const [entity, list] of [
      [counter, counters],
      [position, positions],
    ] as const) {
      for (const { key, unit: unitKey, verification, ...part } of list) {
        const unitId = unitKey ? unitIds.get(unitKey) : undefined
        await seedOne(ctx, entity, `${entity.name}:${key}`, { ...part, officeId, unitId }, verification)
      }
    }
  }
}
