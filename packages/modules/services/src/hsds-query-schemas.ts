import { z } from '@hono/zod-openapi'

/** Query and path parameters of the HSDS export's routes (docs/interoperability-hsds.md). */

/** HSDS is one language per document: `lang` picks Indonesian or English text (default: the tenant's). */
const langParam = z
  .enum(['id', 'en'])
  .optional()
  .openapi({ description: "Language of the text fields; default the tenant's default language" })

/** The HSDS API's `page` / `per_page` pagination (pages count from 1), capped like every list. */
const pageFields = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .openapi({ description: 'Page number, from 1 (HSDS API `page`)' }),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Items per page, at most 100 (HSDS API `per_page`)' }),
}

const organizationFilter = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .optional()
  .openapi({ description: 'Responsible organization: its HSDS id, or the Cerdas office id or slug' })

export const hsdsServicesQuerySchema = z.strictObject({
  ...pageFields,
  search: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Words in the name or synonyms (HSDS API `search`)' }),
  organization_id: organizationFilter,
  lang: langParam,
})
export type HsdsServicesQuery = z.infer<typeof hsdsServicesQuerySchema>

export const hsdsOrganizationsQuerySchema = z.strictObject({
  ...pageFields,
  search: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Words in the name or short name (HSDS API `search`)' }),
  lang: langParam,
})
export type HsdsOrganizationsQuery = z.infer<typeof hsdsOrganizationsQuerySchema>

export const hsdsServiceAtLocationsQuerySchema = z.strictObject({
  ...pageFields,
  organization_id: organizationFilter,
  lang: langParam,
})
export type HsdsServiceAtLocationsQuery = z.infer<typeof hsdsServiceAtLocationsQuerySchema>

export const hsdsDetailQuerySchema = z.strictObject({ lang: langParam })

/** The root takes no parameters (unknown ones are refused like everywhere else). */
export const hsdsRootQuerySchema = z.strictObject({})
export type HsdsDetailQuery = z.infer<typeof hsdsDetailQuerySchema>

export const hsdsIdParamSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({
      param: { name: 'id', in: 'path' },
      description: 'The HSDS id (uuid), or the Cerdas id or slug',
    }),
})
