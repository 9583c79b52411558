import { z } from '@hono/zod-openapi'

export const settings = z.object({
  /** Attractions per page on the public list. */
  pageSize: z.number().int().min(1).max(100).default(20),
  /** How many of this week's events the home page shows (0 hides them). */
  homeCount: z.number().int().min(0).max(20).default(5),
})
export type TourismSettings = z.infer<typeof settings>
