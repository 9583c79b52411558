import { localizedTextOutput } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import {
  hsdsLocationSchema,
  hsdsOrganizationSchema,
  hsdsPhoneSchema,
  hsdsScheduleSchema,
  hsdsUnitExtensionSchema,
  hsdsVerificationExtensionSchema,
} from './hsds-organization-schemas'
import { EXTENSION as EXT, hsdsUuid as uuid } from './hsds-schema-parts'

/** Zod descriptions of the HSDS services and the places they are offered. */

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
    x_cerdas_verification: hsdsVerificationExtensionSchema,
    x_cerdas_texts: z
      .object({ name: localizedTextOutput, description: localizedTextOutput.nullable() })
      .openapi({ description: `${EXT} Name and description in every language the record has` }),
  })
  .openapi('HsdsService')
export type HsdsService = z.infer<typeof hsdsServiceSchema>
