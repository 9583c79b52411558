import { z } from 'zod'

export const settings = z.object({
  /** Routes per page on the public list. */
  pageSize: z.number().int().min(1).max(100).default(30),
  /** Next departures a route's page lists. */
  nextCount: z.number().int().min(1).max(20).default(5),
  /** Routes with their next departure on the home page (0 hides the section). */
  homeCount: z.number().int().min(0).max(10).default(3),
})

export type TransportSettings = z.infer<typeof settings>
