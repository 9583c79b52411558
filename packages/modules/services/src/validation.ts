import { localizedText, localizedTextOutput } from '@cerdas/core'
import { counterSchema, officeSchema, unitSchema } from '@cerdas/module-directory'
import { ownerStatusOutSchema } from '@cerdas/module-schedules'
import { z } from '@hono/zod-openapi'

export const SERVICE_CATEGORIES = [
  'kependudukan',
  'perizinan',
  'kesehatan',
  'pendidikan',
  'sosial',
  'pajak',
  'ketenagakerjaan',
  'lingkungan',
  'pariwisata',
  'informasi',
  'lainnya',
] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

export const AUDIENCES = ['residents', 'businesses', 'visitors', 'civil_servants', 'institutions'] as const
export type Audience = (typeof AUDIENCES)[number]

export const PROCESSING_UNITS = ['minutes', 'hours', 'working_days', 'days'] as const

const ref = z.string().trim().min(1).max(64)
const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

export const requirementSchema = z
  .strictObject({
    document: localizedText(500).openapi({ description: 'What to bring, e.g. "Fotokopi Kartu Keluarga"' }),
    note: localizedText(1000).optional(),
    condition: localizedText(500).optional().openapi({ description: 'When it applies, e.g. "bagi WNA"' }),
  })
  .openapi('ServiceRequirement')

export const feeSchema = z
  .discriminatedUnion('free', [
    z.strictObject({
      free: z.literal(true),
      note: localizedText(500).optional(),
      legalBasis: z.string().trim().min(1).max(500).optional(),
    }),
    z.strictObject({
      free: z.literal(false),
      amount: z.number().int().min(1).max(1_000_000_000).openapi({ description: 'Rupiah' }),
      note: localizedText(500).optional(),
      legalBasis: z.string().trim().min(1).max(500).optional(),
    }),
  ])
  .openapi('ServiceFee')

export const processingTimeSchema = z
  .strictObject({
    value: z.number().int().min(1).max(1000),
    unit: z.enum(PROCESSING_UNITS),
    note: localizedText(500).optional(),
  })
  .openapi('ServiceProcessingTime')

export const complaintSchema = z
  .strictObject({
    description: localizedText(1000),
    phone: z.string().trim().min(5).max(40).optional(),
    email: z.email().max(200).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .openapi('ServiceComplaintChannel')

export const locationInputSchema = z
  .strictObject({ officeId: ref.openapi({ description: 'Office id or slug' }), counterId: ref.optional() })
  .openapi('ServiceLocationInput')

export const verificationSchema = z
  .object({
    verified: z.boolean(),
    verifiedAt: z.string().nullable(),
    verifiedBy: z.string().nullable(),
    source: z.string().nullable(),
  })
  .openapi('ServiceVerification')

export const serviceSchema = z
  .object({
    id: z.string().openapi({ example: 'svc_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    slug: z.string(),
    name: localizedTextOutput,
    summary: localizedTextOutput.nullable(),
    synonyms: z.array(z.string()),
    category: z.enum(SERVICE_CATEGORIES),
    audience: z.array(z.enum(AUDIENCES)),
    officeId: z.string(),
    unitId: z.string().nullable(),
    locations: z.array(z.object({ officeId: z.string(), counterId: z.string().nullable() })),
    requirements: z.array(
      z.object({
        document: localizedTextOutput,
        note: localizedTextOutput.optional(),
        condition: localizedTextOutput.optional(),
      }),
    ),
    procedure: z.array(localizedTextOutput),
    fee: z.object({
      free: z.boolean(),
      amount: z.number().nullable(),
      note: localizedTextOutput.nullable(),
      legalBasis: z.string().nullable(),
    }),
    processingTime: z
      .object({ value: z.number(), unit: z.enum(PROCESSING_UNITS), note: localizedTextOutput.optional() })
      .nullable(),
    product: localizedTextOutput.nullable(),
    legalBasis: z.array(z.string()),
    complaint: z
      .object({
        description: localizedTextOutput,
        phone: z.string().optional(),
        email: z.string().optional(),
        url: z.string().optional(),
      })
      .nullable(),
    onlineUrl: z.string().nullable(),
    related: z.array(z.string()),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Service')
export type Service = z.infer<typeof serviceSchema>

const fields = {
  name: localizedText(300),
  summary: optionalNullable(localizedText(2000)),
  synonyms: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  category: z.enum(SERVICE_CATEGORIES),
  audience: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).optional(),
  officeId: ref.openapi({ description: 'Responsible office: id or slug (directory)' }),
  unitId: optionalNullable(ref.openapi({ description: 'Responsible unit (bidang) of that office' })),
  locations: z.array(locationInputSchema).max(50).optional(),
  requirements: z.array(requirementSchema).max(100).optional(),
  procedure: z.array(localizedText(2000)).max(50).optional(),
  fee: feeSchema,
  processingTime: optionalNullable(processingTimeSchema),
  product: optionalNullable(localizedText(500)),
  legalBasis: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  complaint: optionalNullable(complaintSchema),
  onlineUrl: optionalNullable(z.url({ protocol: /^https?$/ }).max(2000)),
  related: z.array(ref).max(20).optional().openapi({ description: 'Related service ids or slugs' }),
}

export const createServiceSchema = z
  .strictObject({
    slug: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
      .optional(),
    ...fields,
  })
  .openapi('ServiceCreate')
export type CreateServiceInput = z.infer<typeof createServiceSchema>

export const updateServiceSchema = z
  .strictObject({
    name: fields.name.optional(),
    summary: fields.summary,
    synonyms: fields.synonyms,
    category: fields.category.optional(),
    audience: fields.audience,
    officeId: fields.officeId.optional(),
    unitId: fields.unitId,
    locations: fields.locations,
    requirements: fields.requirements,
    procedure: fields.procedure,
    fee: fields.fee.optional(),
    processingTime: fields.processingTime,
    product: fields.product,
    legalBasis: fields.legalBasis,
    complaint: fields.complaint,
    onlineUrl: fields.onlineUrl,
    related: fields.related,
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to update' })
  .openapi('ServiceUpdate')
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>

export const verifyInputSchema = z
  .strictObject({ source: z.string().trim().min(1).max(2000).optional() })
  .openapi('ServiceVerify')

export const listQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  office: z.string().max(64).optional().openapi({ description: 'Responsible office id or slug' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Words in the name or synonyms' }),
})
export type ListQuery = z.infer<typeof listQuerySchema>

export const detailQuerySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Instant for the status; default now' }),
})

export const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

const scheduleStatus = ownerStatusOutSchema.shape.presence.element

export const serviceDetailSchema = z
  .object({
    service: serviceSchema,
    office: officeSchema.nullable().openapi({ description: 'Null when the responsible office was deleted' }),
    unit: unitSchema.nullable(),
    locations: z.array(z.object({ office: officeSchema, counter: counterSchema.nullable() })),
    openNow: z.boolean().nullable().openapi({ description: 'Null when the office has no hours schedule' }),
    hours: scheduleStatus.nullable(),
    presence: z.array(scheduleStatus).openapi({ description: 'Officer presence schedules that cover this service' }),
    related: z.array(z.object({ id: z.string(), slug: z.string(), name: localizedTextOutput })),
  })
  .openapi('ServiceDetail')
