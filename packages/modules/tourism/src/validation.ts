import { isLocalDate } from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'
import { attraction } from './attraction'
import { EVENT_CATEGORIES } from './labels'

const localDate = z
  .string()
  .refine(isLocalDate, { message: 'Expected a real date as YYYY-MM-DD' })
  .openapi({ example: '2026-12-01' })

/** The attractions list: the entity's filters, plus open now at an instant. */
export const attractionListQuerySchema = attraction.schemas.listQuery.extend({
  openNow: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'Only attractions open at `at` (holidays applied); at most 500 looked at, no cursor' }),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Instant the hours status is for; default now' }),
})
export type AttractionListQuery = z.infer<typeof attractionListQuerySchema>

export const eventWindowQuerySchema = z.strictObject({
  from: localDate.optional().openapi({ description: 'First local date; default today in the tenant zone' }),
  to: localDate
    .optional()
    .openapi({ description: 'Last local date (inclusive); default 30 days from `from`, at most 366' }),
  category: z.enum(EVENT_CATEGORIES).optional(),
  attraction: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Only events at this attraction (its slug)' }),
  kecamatan: z.string().trim().min(1).max(100).optional(),
})

export const feedQuerySchema = z.strictObject({
  category: z.enum(EVENT_CATEGORIES).optional(),
})

export const keyParamSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'festival-danau-toba' }),
})
