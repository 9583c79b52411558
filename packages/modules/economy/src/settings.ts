import { z } from 'zod'

export const settings = z.object({
  /** Places per page on the public lists. */
  pageSize: z.number().int().min(1).max(100).default(24),
})

export type EconomySettings = z.infer<typeof settings>
