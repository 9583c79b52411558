import { localizedTextOutput } from '@cerdas/core'
import { z } from '@hono/zod-openapi'

/**
 * Zod descriptions of the Open Referral HSDS 3 export (docs/interoperability-hsds.md), for the
 * OpenAPI document and as the TypeScript types the mapping in `hsds.ts` builds.
 *
 * They list the HSDS fields Cerdas fills and its own extension fields (`x_cerdas_*`); HSDS has
 * more optional fields, and HSDS objects allow additional properties, so none of these objects is
 * strict. The normative check is the official HSDS JSON schemas: `test/hsds.test.ts` validates the
 * output against the copies in `test/fixtures/hsds-3/`.
 */

const uuid = (description: string) => z.string().openapi({ description, format: 'uuid' })
const EXT = 'Cerdas extension (not part of HSDS).'

// ---- query parameters

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

// ---- HSDS objects

export const hsdsPhoneSchema = z
  .object({
    id: uuid('HSDS id'),
    organization_id: z.string().optional(),
    contact_id: z.string().optional(),
    number: z.string(),
    type: z.string().optional().openapi({ description: 'RFC 6350 type: voice, cell, ...' }),
    description: z.string().optional(),
  })
  .openapi('HsdsPhone')
export type HsdsPhone = z.infer<typeof hsdsPhoneSchema>

export const hsdsScheduleSchema = z
  .object({
    id: uuid('HSDS id, stable for the same Cerdas schedule and rule'),
    service_id: z.string().optional(),
    location_id: z.string().optional(),
    service_at_location_id: z.string().optional(),
    valid_from: z.string().optional().openapi({ description: 'First date (YYYY-MM-DD) of a date-ranged rule' }),
    valid_to: z.string().optional().openapi({ description: 'Last date (YYYY-MM-DD) of a date-ranged rule' }),
    timezone: z.number().openapi({ description: 'UTC offset in hours of the schedule zone, e.g. 7 for WIB' }),
    freq: z.literal('WEEKLY'),
    wkst: z.literal('MO'),
    byday: z.string().openapi({ example: 'MO,TU,WE,TH' }),
    opens_at: z.string().openapi({ example: '08:00+07:00' }),
    closes_at: z.string().openapi({ example: '12:00+07:00' }),
    description: z.string().optional(),
    notes: z.string().optional(),
    x_cerdas_schedule_id: z.string().openapi({ description: `${EXT} The Cerdas schedule this rule comes from` }),
    x_cerdas_kind: z
      .enum(['hours', 'presence'])
      .openapi({ description: `${EXT} Opening hours, or when the officers for the service are present` }),
    x_cerdas_rule: z.enum(['weekly', 'override', 'extra_opening']).openapi({
      description: `${EXT} Regular weekly rule; a date-ranged replacement (e.g. Ramadan hours); or hours on one date`,
    }),
    x_cerdas_role: z
      .string()
      .optional()
      .openapi({ description: `${EXT} Who is present (presence schedules)` }),
    x_cerdas_overnight: z
      .boolean()
      .optional()
      .openapi({ description: `${EXT} closes_at is on the next day` }),
    x_cerdas_closed_on_holidays: z.boolean().openapi({ description: `${EXT} Closed on the tenant's holidays` }),
    x_cerdas_opening_hours: z
      .string()
      .openapi({ description: `${EXT} The whole Cerdas schedule as an OpenStreetMap opening_hours value` }),
    x_cerdas_closures: z
      .array(z.object({ from: z.string(), to: z.string(), reason: z.string() }))
      .openapi({ description: `${EXT} Upcoming one-off closures of the schedule` }),
  })
  .openapi('HsdsSchedule')
export type HsdsSchedule = z.infer<typeof hsdsScheduleSchema>

export const hsdsAddressSchema = z
  .object({
    id: uuid('HSDS id'),
    location_id: z.string(),
    address_1: z.string(),
    address_2: z.string().optional().openapi({ description: 'Kecamatan, when known' }),
    city: z.string().openapi({ description: 'The regency or city (kabupaten/kota)' }),
    state_province: z.string(),
    postal_code: z
      .string()
      .openapi({ description: 'Five-digit kode pos found in the address; empty when unknown (HSDS requires it)' }),
    country: z.literal('ID'),
    address_type: z.literal('physical'),
  })
  .openapi('HsdsAddress')
export type HsdsAddress = z.infer<typeof hsdsAddressSchema>

export const hsdsLocationSchema = z
  .object({
    id: uuid('HSDS id of the office as a place'),
    location_type: z.literal('physical'),
    organization_id: z.string(),
    name: z.string(),
    alternate_name: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    addresses: z.array(hsdsAddressSchema),
    schedules: z.array(hsdsScheduleSchema).openapi({ description: "The office's opening hours" }),
    x_cerdas_office_id: z.string().openapi({ description: `${EXT} The Cerdas office id` }),
    x_cerdas_kecamatan: z.string().nullable().openapi({ description: EXT }),
  })
  .openapi('HsdsLocation')
export type HsdsLocation = z.infer<typeof hsdsLocationSchema>

const verificationOut = z
  .object({
    verified: z.boolean(),
    verified_at: z.string().nullable(),
    verified_by: z.string().nullable(),
    source: z.string().nullable(),
  })
  .openapi('HsdsCerdasVerification', {
    description: `${EXT} Whether a person checked the record, when and against what`,
  })

export const hsdsUnitExtensionSchema = z
  .object({
    id: z.string(),
    parent_id: z.string().nullable(),
    kind: z.string().openapi({ description: 'bidang, seksi, subbagian, uptd, other' }),
    name: z.string(),
    handles: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .openapi('HsdsCerdasUnit', { description: `${EXT} An inner unit (bidang, seksi, ...) of an office` })

export const hsdsOrganizationSchema = z
  .object({
    id: uuid('HSDS id of the office (OPD)'),
    name: z.string(),
    alternate_name: z.string().optional(),
    description: z.string(),
    email: z.string().optional(),
    website: z.string().optional(),
    parent_organization_id: z.string().optional(),
    phones: z.array(hsdsPhoneSchema),
    locations: z.array(hsdsLocationSchema),
    x_cerdas_id: z.string().openapi({ description: `${EXT} The Cerdas office id` }),
    x_cerdas_slug: z.string().openapi({ description: `${EXT} The office slug (public page /direktori/<slug>)` }),
    x_cerdas_type: z.string().openapi({ description: `${EXT} dinas, badan, kecamatan, puskesmas, rsud, mpp, ...` }),
    x_cerdas_url: z.string().openapi({ description: `${EXT} The office's public page` }),
    x_cerdas_units: z.array(hsdsUnitExtensionSchema),
    x_cerdas_verification: verificationOut,
  })
  .openapi('HsdsOrganization')
export type HsdsOrganization = z.infer<typeof hsdsOrganizationSchema>

export const hsdsServiceAtLocationSchema = z
  .object({
    id: uuid('HSDS id of the service at one office (and counter)'),
    service_id: z.string(),
    location_id: z.string(),
    description: z.string().optional(),
    location: hsdsLocationSchema,
    schedules: z
      .array(hsdsScheduleSchema)
      .openapi({ description: 'When the officers for this service are present here' }),
    x_cerdas_counter: z
      .object({ id: z.string(), code: z.string(), name: z.string(), location: z.string().nullable() })
      .nullable()
      .openapi({ description: `${EXT} The counter (loket) where the service is offered` }),
    x_cerdas_default_location: z.boolean().openapi({
      description: `${EXT} True when the service names no places and this is its responsible office`,
    }),
  })
  .openapi('HsdsServiceAtLocation')
export type HsdsServiceAtLocation = z.infer<typeof hsdsServiceAtLocationSchema>

export const hsdsRequiredDocumentSchema = z
  .object({
    id: uuid('HSDS id'),
    service_id: z.string(),
    document: z.string().openapi({ description: 'The document, with its condition and note' }),
    x_cerdas_document: z.string().openapi({ description: `${EXT} The document alone` }),
    x_cerdas_condition: z
      .string()
      .nullable()
      .openapi({ description: `${EXT} When it applies, e.g. "bagi WNA"` }),
    x_cerdas_note: z.string().nullable().openapi({ description: EXT }),
  })
  .openapi('HsdsRequiredDocument')

export const hsdsCostOptionSchema = z
  .object({
    id: uuid('HSDS id'),
    service_id: z.string(),
    currency: z.literal('IDR'),
    amount: z.number().openapi({ description: 'Rupiah; 0 when free' }),
    amount_description: z.string().optional(),
    x_cerdas_legal_basis: z
      .string()
      .nullable()
      .openapi({ description: `${EXT} The legal basis of the fee` }),
  })
  .openapi('HsdsCostOption')

export const hsdsContactSchema = z
  .object({
    id: uuid('HSDS id'),
    service_id: z.string(),
    name: z.string(),
    department: z.string().optional(),
    email: z.string().optional(),
    phones: z.array(hsdsPhoneSchema),
    x_cerdas_role: z
      .enum(['complaints', 'responsible_unit'])
      .openapi({ description: `${EXT} The complaint channel, or the responsible bidang` }),
    x_cerdas_description: z.string().nullable().openapi({ description: EXT }),
    x_cerdas_url: z.string().nullable().openapi({ description: EXT }),
  })
  .openapi('HsdsContact')

export const hsdsUrlSchema = z
  .object({ id: uuid('HSDS id'), label: z.string(), url: z.string(), service_id: z.string() })
  .openapi('HsdsUrl')

export const hsdsAttributeSchema = z
  .object({
    id: uuid('HSDS id'),
    link_id: z.string(),
    link_type: z.string(),
    link_entity: z.literal('service'),
    taxonomy_term_id: z.string(),
    label: z.string(),
    taxonomy_term: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      description: z.string(),
      taxonomy: z.string(),
      taxonomy_id: z.string(),
      language: z.string(),
    }),
  })
  .openapi('HsdsAttribute', { description: 'The Cerdas service category as a taxonomy term' })

export const hsdsServiceSchema = z
  .object({
    id: uuid('HSDS id of the service'),
    organization_id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    url: z.string().openapi({ description: "The service's public page" }),
    additional_urls: z.array(hsdsUrlSchema),
    status: z.literal('active'),
    application_process: z.string().optional().openapi({ description: 'The procedure, one numbered step a line' }),
    fees_description: z.string(),
    eligibility_description: z.string().optional(),
    assured_date: z.string().optional().openapi({ description: 'Date of the last verification' }),
    last_modified: z.string(),
    organization: hsdsOrganizationSchema.optional(),
    service_at_locations: z.array(hsdsServiceAtLocationSchema),
    schedules: z.array(hsdsScheduleSchema).openapi({ description: "The service's own hours and officer presence" }),
    required_documents: z.array(hsdsRequiredDocumentSchema),
    cost_options: z.array(hsdsCostOptionSchema),
    contacts: z.array(hsdsContactSchema),
    attributes: z.array(hsdsAttributeSchema),
    x_cerdas_id: z.string().openapi({ description: `${EXT} The Cerdas service id` }),
    x_cerdas_slug: z.string().openapi({ description: `${EXT} The service slug (public page /layanan/<slug>)` }),
    x_cerdas_category: z.string().openapi({ description: EXT }),
    x_cerdas_audience: z.array(z.string()).openapi({ description: EXT }),
    x_cerdas_synonyms: z.array(z.string()).openapi({ description: `${EXT} Words people use for the service` }),
    x_cerdas_processing_time: z
      .object({
        value: z.number(),
        unit: z.enum(['minutes', 'hours', 'working_days', 'days']),
        text: z.string().openapi({ example: '14 hari kerja' }),
        note: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: `${EXT} Processing time (jangka waktu penyelesaian) of the service standard` }),
    x_cerdas_responsible_unit: hsdsUnitExtensionSchema
      .nullable()
      .openapi({ description: `${EXT} The bidang of the responsible office that handles the service` }),
    x_cerdas_legal_basis: z.array(z.string()).openapi({ description: `${EXT} Dasar hukum of the service` }),
    x_cerdas_fee: z
      .object({
        free: z.boolean(),
        amount: z.number().nullable(),
        currency: z.literal('IDR'),
        note: z.string().nullable(),
        legal_basis: z.string().nullable(),
      })
      .openapi({ description: EXT }),
    x_cerdas_product: z
      .string()
      .nullable()
      .openapi({ description: `${EXT} What the applicant receives` }),
    x_cerdas_complaint: z
      .object({
        description: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        url: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: `${EXT} How to complain about the service` }),
    x_cerdas_related_service_ids: z
      .array(z.string())
      .openapi({ description: `${EXT} HSDS ids of related services of this tenant` }),
    x_cerdas_verification: verificationOut,
    x_cerdas_texts: z
      .object({ name: localizedTextOutput, description: localizedTextOutput.nullable() })
      .openapi({ description: `${EXT} Name and description in every language the record has` }),
  })
  .openapi('HsdsService')
export type HsdsService = z.infer<typeof hsdsServiceSchema>

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
