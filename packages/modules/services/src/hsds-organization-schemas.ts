import { z } from '@hono/zod-openapi'
import { EXTENSION as EXT, hsdsUuid as uuid } from './hsds-schema-parts'

/** Zod descriptions of the HSDS organizations, their locations, addresses, phones and schedules. */

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

export const hsdsVerificationExtensionSchema = z
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
    x_cerdas_verification: hsdsVerificationExtensionSchema,
  })
  .openapi('HsdsOrganization')
export type HsdsOrganization = z.infer<typeof hsdsOrganizationSchema>
