import { z } from 'zod'

export const settings = z.object({
  /** Services per page on the public list. */
  pageSize: z.number().int().min(1).max(100).default(20),
})

export type ServiceSettings = z.infer<typeof settings>
