import { moduleSettings, type TenantContext } from '@cerdas/core'
import { z } from 'zod'

export const settings = z.object({
  /** Working days to verify and forward a received report (SP4N-LAPOR!: 3). */
  verifyDays: z.number().int().min(1).max(60).default(3),
  /** Working days for the unit to plan its follow-up after forwarding (SP4N-LAPOR!: 5). */
  followUpDays: z.number().int().min(1).max(60).default(5),
  /** Working days to resolve a report once in progress. */
  resolveDays: z.number().int().min(1).max(120).default(10),
  /** Working days after resolution without a reply from the reporter before it closes (SP4N-LAPOR!: 10). */
  autoCloseDays: z.number().int().min(1).max(60).default(10),
  /** Days a closed or rejected report keeps the reporter's contact and exact location. */
  retentionDays: z.number().int().min(30).max(3650).default(365),
  /** Submissions one IP address may make in an hour. */
  perIpPerHour: z.number().int().min(1).max(100_000).default(10),
  /** Submissions one device may make in an hour. */
  perDevicePerHour: z.number().int().min(1).max(10_000).default(5),
  /** Submissions one IP address may make in an hour with an API token or Open311 key. */
  trustedPerIpPerHour: z.number().int().min(1).max(1_000_000).default(600),
  /** Seconds a form must be open before it is sent (the delay token's minimum age). */
  minFormSeconds: z.number().int().min(0).max(600).default(3),
  /** Open reports of a category within this distance are offered as duplicates. */
  duplicateRadiusMeters: z.number().int().min(10).max(5000).default(150),
  /** Whether Open311 accepts reports without an API key. */
  allowAnonymousOpen311: z.boolean().default(true),
  /** Reports per page on the public list and the queue. */
  pageSize: z.number().int().min(1).max(100).default(20),
})

export type ReportsSettings = z.infer<typeof settings>

/** The tenant's reports settings, every default applied. */
export function reportsSettings(ctx: TenantContext): ReportsSettings {
  return moduleSettings(ctx, 'reports', settings)
}
