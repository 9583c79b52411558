import { WEEKDAYS } from '@cerdas/schedules'
import { z } from 'zod'

export const settings = z.object({
  /** Days off every week for working-day counts (SP4N-LAPOR deadlines, processing times). */
  weekend: z.array(z.enum(WEEKDAYS)).min(1).max(6).default(['sa', 'su']),
  /** Default for new schedules that do not say whether they close on holidays. */
  closedOnHolidaysByDefault: z.boolean().default(true),
  /** How many upcoming holidays the home page lists (0 hides them). */
  homeCount: z.number().int().min(0).max(10).default(3),
})

export type ScheduleSettings = z.infer<typeof settings>
