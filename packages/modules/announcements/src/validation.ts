import { localizedText } from '@cerdas/core'
import { z } from '@hono/zod-openapi'

import { CATEGORIES } from './categories'

export { CATEGORIES, type Category } from './categories'

export const verificationSchema = z
  .object({
    verified: z.boolean(),
    verifiedAt: z.string().nullable().openapi({ description: 'When a person last confirmed this record (UTC)' }),
    verifiedBy: z.string().nullable(),
    source: z.string().nullable().openapi({ description: 'Public source the record was checked against' }),
  })
  .openapi('Verification')

export const announcementSchema = z
  .object({
    id: z.string().openapi({ example: 'ann_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    title: z.object({ id: z.string(), en: z.string().optional() }),
    body: z.object({ id: z.string(), en: z.string().optional() }),
    category: z.enum(CATEGORIES),
    officeRef: z.string().nullable(),
    link: z.string().nullable(),
    publishAt: z.string(),
    expiresAt: z.string().nullable(),
    expired: z.boolean(),
    verification: verificationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Announcement')

export type Announcement = z.infer<typeof announcementSchema>

const isoInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-01T00:00:00+07:00' })

const fields = {
  title: localizedText(200),
  body: localizedText(10_000),
  category: z.enum(CATEGORIES),
  officeRef: z.string().max(64).nullable().optional(),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  publishAt: isoInstant.optional(),
  expiresAt: isoInstant.nullable().optional(),
}

const expiryAfterPublish = (value: { publishAt?: string | undefined; expiresAt?: string | null | undefined }) =>
  !value.publishAt || !value.expiresAt || Date.parse(value.expiresAt) > Date.parse(value.publishAt)

const expiryIssue = { message: 'expiresAt must be after publishAt', path: ['expiresAt'] }

export const createAnnouncementSchema = z
  .strictObject(fields)
  .refine(expiryAfterPublish, expiryIssue)
  .openapi('AnnouncementCreate')

export const updateAnnouncementSchema = z
  .strictObject({
    title: fields.title.optional(),
    body: fields.body.optional(),
    category: fields.category.optional(),
    officeRef: fields.officeRef,
    link: fields.link,
    publishAt: fields.publishAt,
    expiresAt: fields.expiresAt,
  })
  .refine(expiryAfterPublish, expiryIssue)
  .refine((value) => Object.keys(value).length > 0, { message: 'nothing to update' })
  .openapi('AnnouncementUpdate')

export const verifyAnnouncementSchema = z
  .strictObject({
    source: z.string().trim().min(1).max(2000).optional().openapi({ description: 'Where it was checked' }),
  })
  .openapi('AnnouncementVerify')

export type CreateAnnouncementInput = z.infer<typeof createAnnouncementSchema>
export type UpdateAnnouncementInput = z.infer<typeof updateAnnouncementSchema>

export const listQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  category: z.enum(CATEGORIES).optional(),
})

export type ListQuery = z.infer<typeof listQuerySchema>

export const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})
