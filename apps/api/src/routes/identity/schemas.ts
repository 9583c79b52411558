import { DIMENSION_IDS, ROLE_IDS } from '@cerdas/core'
import { z } from '@hono/zod-openapi'

export const grantSchema = z
  .strictObject({
    role: z.enum(ROLE_IDS),
    dimension: z.enum(DIMENSION_IDS).nullable().default(null),
  })
  .openapi('Grant')

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(['active', 'disabled']),
    hasPassword: z.boolean(),
    mustChangePassword: z.boolean(),
    grants: z.array(z.object({ role: z.enum(ROLE_IDS), dimension: z.enum(DIMENSION_IDS).nullable() })),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('User')

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    grants: z.array(z.object({ role: z.enum(ROLE_IDS), dimension: z.enum(DIMENSION_IDS).nullable() })),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken')

export const userIdParam = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})
