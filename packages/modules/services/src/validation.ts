import { localizedText } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { PROCESSING_UNITS, SERVICE_CATEGORIES } from './labels'

/** An id or slug of a record another module or this one owns, as a client names it. */
export const recordRef = z.string().trim().min(1).max(64)

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

export const listQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  office: z.string().max(64).optional().openapi({ description: 'Responsible office id or slug' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Words in the name or synonyms' }),
  fields: z.enum(['summary', 'full']).default('summary').openapi({
    description:
      'summary (the default): each service with its name, category, summary, product, online link, office, unit, fee and processing time; full: every field, as GET /services/{id} gives the service',
  }),
})
export type ListQuery = z.infer<typeof listQuerySchema>

export const detailQuerySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Instant for the status; default now' }),
})
