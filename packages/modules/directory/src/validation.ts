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

// Contacts and coordinates are those every place has (see @cerdas/places).
export {
  contactsInputSchema,
  coordinatesSchema,
  emailSchema,
  phoneSchema,
} from '@cerdas/places'

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
