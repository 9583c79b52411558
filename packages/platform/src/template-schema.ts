import { localeSchema, localizedTextSchema } from '@cerdas/core'
import { z } from 'zod'
import { mapTileUrlSchema } from './map-tiles'
import { dataLicenceSchema } from './open-data/licence'

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b5d7a')

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const hostSchema = z
  .string()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'is not a host name',
  )

export const brandingSchema = z.strictObject({
  primaryColor: hexColour,
  accentColor: hexColour,
  logoUrl: z.string().min(1).optional(),
  tagline: localizedTextSchema.optional(),
  mapTileUrl: mapTileUrlSchema.optional(),
  mapAttribution: z.string().min(1).max(300).optional(),
  /** The open data licence (an https URL); CC BY 4.0 when left out. */
  dataLicence: dataLicenceSchema.optional(),
})

export const districtSchema = z.strictObject({
  name: z.string().min(1),
  /** False until checked against a public source; the UI says so. */
  verified: z.boolean(),
  source: z.string().optional(),
})

/**
 * A template file (`templates/<name>/template.json`). Child templates name a
 * parent in `extends` and override only what differs; every field is
 * therefore optional here and required after merging.
 */
export const templateFileSchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z.string().optional(),
  description: z.string().optional(),
  tenant: z
    .strictObject({
      name: z.string().min(3).optional(),
      slug: z.string().optional(),
      kind: z.enum(['kabupaten', 'kota']).optional(),
      province: z.string().optional(),
      timezone: z.string().refine(isTimeZone, 'is not an IANA time zone').optional(),
      defaultLocale: localeSchema.optional(),
      locales: z.array(localeSchema).min(1).optional(),
      hosts: z.array(hostSchema).optional(),
      branding: brandingSchema.partial().optional(),
    })
    .optional(),
  /** Modules to enable, with settings overriding the module defaults. */
  modules: z
    .record(
      z.string(),
      z.strictObject({ enabled: z.boolean().default(true), settings: z.record(z.string(), z.unknown()).default({}) }),
    )
    .optional(),
  reference: z.strictObject({ districts: z.array(districtSchema).optional() }).optional(),
})

export type TemplateFile = z.infer<typeof templateFileSchema>

/** A template after `extends` is resolved: everything a tenant needs. */
export const resolvedTemplateSchema = z.strictObject({
  name: z.string(),
  chain: z.array(z.string()),
  tenant: z.strictObject({
    name: z.string().min(3).optional(),
    slug: z.string().optional(),
    kind: z.enum(['kabupaten', 'kota']),
    province: z.string(),
    timezone: z.string().refine(isTimeZone, 'is not an IANA time zone'),
    defaultLocale: localeSchema,
    locales: z.array(localeSchema).min(1),
    hosts: z.array(hostSchema),
    branding: brandingSchema,
  }),
  modules: z.record(z.string(), z.object({ enabled: z.boolean(), settings: z.record(z.string(), z.unknown()) })),
  reference: z.object({ districts: z.array(districtSchema) }),
  /** Module id → seed data, already validated against the module's seed schema. */
  data: z.record(z.string(), z.unknown()),
})

export type ResolvedTemplate = z.infer<typeof resolvedTemplateSchema>
export { hostSchema }
