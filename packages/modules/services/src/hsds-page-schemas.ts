import { z } from '@hono/zod-openapi'
import { hsdsOrganizationSchema } from './hsds-organization-schemas'
import { EXTENSION as EXT } from './hsds-schema-parts'
import { hsdsServiceAtLocationSchema, hsdsServiceSchema } from './hsds-service-schemas'

/** Zod descriptions of the HSDS API's list envelope and root. */

/** The HSDS API list envelope (`Page` in the HSDS OpenAPI file) around `contents`. */
export function hsdsPageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int().openapi({ description: 'Items on this page' }),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(item),
    })
    .openapi(name)
}

export const hsdsServicesPageSchema = hsdsPageSchema(hsdsServiceSchema, 'HsdsServicePage')
export const hsdsOrganizationsPageSchema = hsdsPageSchema(hsdsOrganizationSchema, 'HsdsOrganizationPage')
export const hsdsServiceAtLocationsPageSchema = hsdsPageSchema(
  hsdsServiceAtLocationSchema.extend({
    x_cerdas_service_id: z.string().openapi({ description: `${EXT} The Cerdas service id` }),
    x_cerdas_service_name: z.string().openapi({ description: EXT }),
  }),
  'HsdsServiceAtLocationPage',
)

export interface HsdsPage<T> {
  total_items: number
  total_pages: number
  page_number: number
  size: number
  first_page: boolean
  last_page: boolean
  empty: boolean
  contents: T[]
}

export const hsdsRootSchema = z
  .object({
    version: z.string().openapi({ description: 'HSDS version of the schemas the export is checked against' }),
    openapi_url: z.string(),
    description: z.string(),
    publisher: z.object({ name: z.string(), website: z.string() }),
    x_cerdas_endpoints: z
      .object({
        services: z.string(),
        service: z.string(),
        organizations: z.string(),
        organization: z.string(),
        service_at_locations: z.string(),
      })
      .openapi({ description: `${EXT} Where the HSDS lists and records are (paths differ from the HSDS API's)` }),
  })
  .openapi('HsdsRoot')
export type HsdsRoot = z.infer<typeof hsdsRootSchema>
