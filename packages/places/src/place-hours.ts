import { dataSnapshot, type Locale, type TenantContext } from '@cerdas/core'
import { hoursPanel, statusForOwners } from '@cerdas/module-schedules'

/**
 * What a place's page shows of its hours: the status now (open, until, next opening), the week
 * with holidays applied and schema.org hours for the JSON-LD; all null-safe for a place without
 * an hours schedule.
 * @example const hours = await placeHours(ctx, placeOwner('tourism', 'attraction', a), { from, locale })
 */
export async function placeHours(
  ctx: TenantContext,
  owner: { module: string; type: string; id: string },
  options: { from?: string | null | undefined; locale: Locale },
) {
  const snapshot = await dataSnapshot(ctx)
  const [status] = await statusForOwners(ctx, [owner], undefined, snapshot)
  const hours = status?.hours ?? null
  const panel = await hoursPanel(ctx, hours?.schedule ?? null, { ...options, snapshot })
  return { status: hours?.status ?? null, presence: status?.presence ?? [], ...panel }
}
