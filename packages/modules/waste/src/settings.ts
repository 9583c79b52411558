import { z } from 'zod'

export const settings = z.object({
  /** Drop points per page on the public list. */
  pageSize: z.number().int().min(1).max(100).default(30),
  /** Next collections an area's answer lists. */
  nextCount: z.number().int().min(1).max(20).default(4),
  /** Days an iCalendar feed covers when the client does not say. */
  feedDays: z.number().int().min(7).max(92).default(60),
})

export type WasteSettings = z.infer<typeof settings>
