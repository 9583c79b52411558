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

/** Slugs taken by the directory's own pages (`/direktori/buka-sekarang`). */
export const RESERVED_OFFICE_SLUGS: readonly string[] = ['buka-sekarang']

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
export const emailSchema = z.email().max(200)
const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

export const contactsInputSchema = z
  .strictObject({
    phone: optionalNullable(phoneSchema),
    whatsapp: optionalNullable(phoneSchema),
    email: optionalNullable(emailSchema),
    website: optionalNullable(z.url({ protocol: /^https?$/ }).max(2000)),
  })
  .openapi('ContactsInput')

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
