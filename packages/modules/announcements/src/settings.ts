import { z } from 'zod'

export const settings = z.object({
  /** Announcements per page on the public list. */
  pageSize: z.number().int().min(1).max(100).default(10),
  /** How many of the newest announcements the home page shows (0 hides them). */
  homeCount: z.number().int().min(0).max(10).default(3),
})

export type AnnouncementSettings = z.infer<typeof settings>
