import { localizedText, localizedTextOutput } from '@cerdas/core'
import { ownerStatusOutSchema } from '@cerdas/module-schedules'
import { z } from '@hono/zod-openapi'

export const OFFICE_TYPES = [
  'dinas',
  'badan',
  'kecamatan',
  'kelurahan',
  'desa',
  'puskesmas',
  'rsud',
  'mpp',
  'sekretariat',
  'other',
] as const
export type OfficeType = (typeof OFFICE_TYPES)[number]

export const UNIT_KINDS = ['bidang', 'seksi', 'subbagian', 'uptd', 'other'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Slugs taken by the directory's own pages (`/direktori/buka-sekarang`). */
export const RESERVED_OFFICE_SLUGS: readonly string[] = ['buka-sekarang']
export const slugSchema = z
  .string()
  .max(64)
  .regex(SLUG, 'lowercase letters, digits and single hyphens')
  .refine((slug) => !RESERVED_OFFICE_SLUGS.includes(slug), 'this slug is reserved for a directory page')
  .openapi({ example: 'disdukcapil' })

/** Bounding box of Indonesia with a margin: a point outside is a typo (swapped lat/lon, missing minus). */
export const LAT_RANGE = [-11.5, 6.5] as const
export const LON_RANGE = [94.5, 141.5] as const

export const coordinatesSchema = z
  .strictObject({
    lat: z.number().min(LAT_RANGE[0], 'latitude outside Indonesia').max(LAT_RANGE[1], 'latitude outside Indonesia'),
    lon: z.number().min(LON_RANGE[0], 'longitude outside Indonesia').max(LON_RANGE[1], 'longitude outside Indonesia'),
  })
  .openapi('Coordinates', { example: { lat: 2.3333, lon: 99.0667 } })

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9(][0-9 ()-]{4,28}$/, 'digits, spaces, +, (, ), - only')
const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

export const contactsInputSchema = z
  .strictObject({
    phone: optionalNullable(phoneSchema),
    whatsapp: optionalNullable(phoneSchema),
    email: optionalNullable(z.email().max(200)),
    website: optionalNullable(z.url({ protocol: /^https?$/ }).max(2000)),
  })
  .openapi('ContactsInput')

export const verificationSchema = z
  .object({
    verified: z.boolean(),
    verifiedAt: z.string().nullable().openapi({ description: 'When a person last confirmed this record (UTC)' }),
    verifiedBy: z.string().nullable(),
    source: z.string().nullable().openapi({ description: 'Public source the record was checked against' }),
  })
  .openapi('DirectoryVerification')

// ---- offices

export const officeSchema = z
  .object({
    id: z.string().openapi({ example: 'off_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    slug: z.string().openapi({ description: 'URL key, fixed at creation; schedules owner id' }),
    type: z.enum(OFFICE_TYPES),
    name: localizedTextOutput,
    shortName: z.string().nullable(),
    parentId: z.string().nullable(),
    address: z.string().nullable(),
    kecamatan: z.string().nullable(),
    coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    contacts: z.object({
      phone: z.string().nullable(),
      whatsapp: z.string().nullable(),
      email: z.string().nullable(),
      website: z.string().nullable(),
    }),
    description: localizedTextOutput.nullable(),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Office')
export type Office = z.infer<typeof officeSchema>

const officeFields = {
  type: z.enum(OFFICE_TYPES),
  name: localizedText(300),
  shortName: optionalNullable(z.string().trim().min(1).max(60)),
  parentId: optionalNullable(z.string().max(64)),
  address: optionalNullable(z.string().trim().min(1).max(500)),
  kecamatan: optionalNullable(z.string().trim().min(1).max(100)),
  coordinates: optionalNullable(coordinatesSchema),
  contacts: contactsInputSchema.optional(),
  description: optionalNullable(localizedText(5000)),
}

export const createOfficeSchema = z
  .strictObject({
    slug: slugSchema.optional().openapi({ description: 'Default: from the short name or the name' }),
    ...officeFields,
  })
  .openapi('OfficeCreate')
export type CreateOfficeInput = z.infer<typeof createOfficeSchema>

const nonEmpty = { message: 'nothing to update' }

export const updateOfficeSchema = z
  .strictObject({
    type: officeFields.type.optional(),
    name: officeFields.name.optional(),
    shortName: officeFields.shortName,
    parentId: officeFields.parentId,
    address: officeFields.address,
    kecamatan: officeFields.kecamatan,
    coordinates: officeFields.coordinates,
    contacts: officeFields.contacts,
    description: officeFields.description,
  })
  .refine((v) => Object.keys(v).length > 0, nonEmpty)
  .openapi('OfficeUpdate')
export type UpdateOfficeInput = z.infer<typeof updateOfficeSchema>

// ---- units

export const unitSchema = z
  .object({
    id: z.string().openapi({ example: 'unt_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    officeId: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(UNIT_KINDS),
    name: localizedTextOutput,
    handles: localizedTextOutput.nullable().openapi({ description: 'What the unit handles, in plain words' }),
    contacts: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
    sortOrder: z.number().int(),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Unit')
export type Unit = z.infer<typeof unitSchema>

const sortOrder = z.number().int().min(0).max(10_000)

export const createUnitSchema = z
  .strictObject({
    officeId: z.string().max(64).openapi({ description: 'Office id or slug' }),
    parentId: optionalNullable(z.string().max(64)),
    kind: z.enum(UNIT_KINDS),
    name: localizedText(300),
    handles: optionalNullable(localizedText(5000)),
    phone: optionalNullable(phoneSchema),
    email: optionalNullable(z.email().max(200)),
    sortOrder: sortOrder.optional(),
  })
  .openapi('UnitCreate')
export type CreateUnitInput = z.infer<typeof createUnitSchema>

export const updateUnitSchema = z
  .strictObject({
    officeId: z.string().max(64).optional().openapi({ description: 'Must stay the same office (id or slug)' }),
    parentId: optionalNullable(z.string().max(64)),
    kind: z.enum(UNIT_KINDS).optional(),
    name: localizedText(300).optional(),
    handles: optionalNullable(localizedText(5000)),
    phone: optionalNullable(phoneSchema),
    email: optionalNullable(z.email().max(200)),
    sortOrder: sortOrder.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, nonEmpty)
  .openapi('UnitUpdate')
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>

// ---- counters

export const counterSchema = z
  .object({
    id: z.string().openapi({ example: 'ctr_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    officeId: z.string(),
    unitId: z.string().nullable(),
    code: z.string().openapi({ example: '3' }),
    name: localizedTextOutput,
    location: localizedTextOutput.nullable().openapi({ description: 'Where in the building, e.g. "Lantai 1, kiri"' }),
    sortOrder: z.number().int(),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Counter')
export type Counter = z.infer<typeof counterSchema>

export const createCounterSchema = z
  .strictObject({
    officeId: z.string().max(64).openapi({ description: 'Office id or slug' }),
    unitId: optionalNullable(z.string().max(64)),
    code: z.string().trim().min(1).max(20),
    name: localizedText(200),
    location: optionalNullable(localizedText(500)),
    sortOrder: sortOrder.optional(),
  })
  .openapi('CounterCreate')
export type CreateCounterInput = z.infer<typeof createCounterSchema>

export const updateCounterSchema = z
  .strictObject({
    officeId: z.string().max(64).optional().openapi({ description: 'Must stay the same office (id or slug)' }),
    unitId: optionalNullable(z.string().max(64)),
    code: z.string().trim().min(1).max(20).optional(),
    name: localizedText(200).optional(),
    location: optionalNullable(localizedText(500)),
    sortOrder: sortOrder.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, nonEmpty)
  .openapi('CounterUpdate')
export type UpdateCounterInput = z.infer<typeof updateCounterSchema>

// ---- positions

export const positionSchema = z
  .object({
    id: z.string().openapi({ example: 'pos_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    officeId: z.string(),
    unitId: z.string().nullable(),
    title: localizedTextOutput.openapi({
      description: 'e.g. Kepala Dinas, Kepala Bidang Pelayanan Pendaftaran Penduduk',
    }),
    holderName: z.string().nullable().openapi({ description: 'Only where the name is public' }),
    sortOrder: z.number().int(),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Position')
export type Position = z.infer<typeof positionSchema>

export const createPositionSchema = z
  .strictObject({
    officeId: z.string().max(64).openapi({ description: 'Office id or slug' }),
    unitId: optionalNullable(z.string().max(64)),
    title: localizedText(300),
    holderName: optionalNullable(z.string().trim().min(1).max(200)),
    sortOrder: sortOrder.optional(),
  })
  .openapi('PositionCreate')
export type CreatePositionInput = z.infer<typeof createPositionSchema>

export const updatePositionSchema = z
  .strictObject({
    officeId: z.string().max(64).optional().openapi({ description: 'Must stay the same office (id or slug)' }),
    unitId: optionalNullable(z.string().max(64)),
    title: localizedText(300).optional(),
    holderName: optionalNullable(z.string().trim().min(1).max(200)),
    sortOrder: sortOrder.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, nonEmpty)
  .openapi('PositionUpdate')
export type UpdatePositionInput = z.infer<typeof updatePositionSchema>

// ---- shared

export const verifyInputSchema = z
  .strictObject({
    source: z.string().trim().min(1).max(2000).optional().openapi({ description: 'Where it was checked' }),
  })
  .openapi('DirectoryVerify')
export type VerifyInput = z.infer<typeof verifyInputSchema>

export const listOfficesQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  type: z.enum(OFFICE_TYPES).optional(),
  kecamatan: z.string().trim().min(1).max(100).optional().openapi({ description: 'Exact kecamatan name' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Words in the name or short name' }),
})
export type ListOfficesQuery = z.infer<typeof listOfficesQuerySchema>

export const openNowQuerySchema = z.strictObject({
  type: z.enum(OFFICE_TYPES).optional(),
  kecamatan: z.string().trim().min(1).max(100).optional(),
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Instant to evaluate; default now' }),
})
export type OpenNowQuery = z.infer<typeof openNowQuerySchema>

export const detailQuerySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Instant for openNow; default now' }),
})

export const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

// ---- composite responses

const officeSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    type: z.enum(OFFICE_TYPES),
    name: localizedTextOutput,
    shortName: z.string().nullable(),
  })
  .openapi('OfficeSummary')

export const officeDetailSchema = z
  .object({
    office: officeSchema,
    parent: officeSummarySchema.nullable(),
    children: z.array(officeSummarySchema),
    units: z.array(unitSchema),
    counters: z.array(counterSchema),
    positions: z.array(positionSchema),
    openNow: z.boolean().nullable().openapi({ description: 'Null when the office has no hours schedule' }),
    hours: ownerStatusOutSchema.shape.hours,
    presence: ownerStatusOutSchema.shape.presence,
  })
  .openapi('OfficeDetail')

export const openNowSchema = z
  .object({
    at: z.string(),
    items: z.array(z.object({ office: officeSchema, hours: ownerStatusOutSchema.shape.hours.unwrap() })),
    closed: z
      .array(z.object({ office: officeSchema, hours: ownerStatusOutSchema.shape.hours.unwrap() }))
      .openapi({ description: 'Offices with hours that are closed at that instant, soonest opening first' }),
    withoutHours: z.number().int().openapi({ description: 'Offices left out because they have no hours schedule' }),
  })
  .openapi('OfficesOpenNow')
