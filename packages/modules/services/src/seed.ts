import { localizedText, type TenantContext } from '@cerdas/core'
import { seededCounterId, seededUnitId } from '@cerdas/module-directory'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { AUDIENCES, SERVICE_CATEGORIES } from './labels'
import { service, serviceColumns } from './service'
import { complaintSchema, feeSchema, processingTimeSchema, requirementSchema } from './validation'

const key = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
  .max(64)

/** A template's service: the directory's records named by their template keys, related services by theirs. */
const serviceSeed = z.strictObject({
  /** Stable key; also the service's slug (`/layanan/<key>`, presence schedules' service reference). */
  key,
  name: localizedText(300),
  summary: localizedText(2000).optional(),
  synonyms: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  category: z.enum(SERVICE_CATEGORIES),
  audience: z.array(z.enum(AUDIENCES)).default([]),
  /** Key (slug) of the responsible office in the directory data. */
  office: key,
  /** Key of the responsible unit (bidang) in the directory data. */
  unit: key.optional(),
  /** Where it is offered: office keys with an optional counter key. */
  locations: z
    .array(z.strictObject({ office: key, counter: key.optional() }))
    .max(50)
    .default([]),
  requirements: z.array(requirementSchema).max(100).default([]),
  procedure: z.array(localizedText(2000)).max(50).default([]),
  fee: feeSchema,
  processingTime: processingTimeSchema.optional(),
  product: localizedText(500).optional(),
  legalBasis: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  complaint: complaintSchema.optional(),
  onlineUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Keys of related services in this file. */
  related: z.array(key).max(20).default([]),
  /** Present only when the record was checked against a public source. */
  verification: z.strictObject({ at: z.iso.datetime(), by: z.string().min(1), source: z.string().min(1) }).optional(),
})

export const seedData = z.array(serviceSeed).superRefine((items, ctx) => {
  const keys = new Set(items.map((s) => s.key))
  if (keys.size !== items.length) ctx.addIssue({ code: 'custom', message: 'service keys must be unique' })
  items.forEach((item, i) => {
    item.related.forEach((r, j) => {
      if (!keys.has(r) || r === item.key)
        ctx.addIssue({ code: 'custom', path: [i, 'related', j], message: `no other service ${r} in this file` })
    })
  })
})
export type ServiceSeed = z.infer<typeof seedData>
type ServiceInput = Parameters<typeof service.create>[1]

/**
 * Idempotent. Needs the directory seeded first (the platform seeds in dependency order): offices
 * are named by their key (= slug), units and counters by their template keys. A key the directory
 * does not have fails naming it. Related services are linked in a second pass.
 */
export async function seedServices(ctx: TenantContext, { data }: { data: ServiceSeed }): Promise<void> {
  const created: { id: string; related: string[] }[] = []
  for (const item of data) {
    const [seeded] = await ctx.db
      .select({ id: serviceColumns.id })
      .from(service.table)
      .where(eq(serviceColumns.seedKey, item.key))
    if (seeded) continue
    const unitId = item.unit ? await seededUnitId(ctx, item.unit) : undefined
    if (item.unit && !unitId) throw new Error(`services seed ${item.key}: no directory unit with key ${item.unit}`)
    const locations = []
    for (const location of item.locations) {
      const counterId = location.counter ? await seededCounterId(ctx, location.counter) : undefined
      if (location.counter && !counterId)
        throw new Error(`services seed ${item.key}: no directory counter with key ${location.counter}`)
      locations.push({ officeId: location.office, counterId: counterId ?? null })
    }
    const { key: slug, office, unit: _unit, locations: _l, related, verification, ...rest } = item
    const record = await service.create(
      ctx,
      // The template's fee is a create's input, which the entity stores as it stores the API's.
      { ...rest, slug, officeId: office, ...(unitId ? { unitId } : {}), locations } as ServiceInput,
      { seedKey: slug, verification },
    )
    if (related.length > 0) created.push({ id: record.id, related })
  }
  for (const { id, related } of created) await service.update(ctx, id, { related })
}
