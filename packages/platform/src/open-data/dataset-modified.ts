import type { TenantContext } from '@cerdas/core'
import { sql } from 'drizzle-orm'
import type { TenantDataset } from './datasets'

/** When a dataset first had data and when it last changed: UTC instants, or null when never. */
export interface DatasetTimes {
  issued: string | null
  modified: string | null
}

/**
 * Audit actions that record someone reading a record, not changing it (a reporter's contact shown
 * to a handler, a copy of their data): they do not move a dataset's `modified`.
 */
const READ_ACTIONS = ['reveal_contact', 'export']
const READ_ACTION_PREFIX = 'data_code_'

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)

/**
 * The issued and modified instants of datasets, from the tenant's audit log: the first and the
 * latest write (create, update, verify, delete, status changes...) of their records, in one query.
 * An entity whose public records appear or expire at set instants (an announcement's publishAt)
 * has also changed at the latest such instant already past. Read from the database every time,
 * so no copy can outlive a write.
 * @example const times = await datasetTimes(ctx, tenantDatasets(ctx))
 */
export async function datasetTimes(
  ctx: TenantContext,
  datasets: readonly TenantDataset[],
): Promise<Map<string, DatasetTimes>> {
  const entities = [...new Set(datasets.flatMap((d) => d.auditEntities))]
  const byEntity = new Map<string, DatasetTimes>()
  if (entities.length > 0) {
    const placeholders = entities.map(() => '?').join(', ')
    const result = await ctx.db.$client.execute({
      sql: `SELECT entity, min(at) AS issued, max(at) AS modified FROM cerdas_audit_log
        WHERE entity IN (${placeholders}) AND action NOT IN (${READ_ACTIONS.map(() => '?').join(', ')})
          AND substr(action, 1, ${READ_ACTION_PREFIX.length}) != ?
        GROUP BY entity`,
      args: [...entities, ...READ_ACTIONS, READ_ACTION_PREFIX],
    })
    for (const row of result.rows)
      byEntity.set(String(row.entity), {
        issued: (row.issued as string | null) ?? null,
        modified: (row.modified as string | null) ?? null,
      })
  }
  const now = ctx.now().toISOString()
  const out = new Map<string, DatasetTimes>()
  for (const dataset of datasets) {
    let issued: string | null = null
    let modified: string | null = null
    for (const name of dataset.auditEntities) {
      const times = byEntity.get(name)
      if (!times) continue
      if (times.issued !== null && (issued === null || times.issued < issued)) issued = times.issued
      modified = later(modified, times.modified)
    }
    modified = later(modified, await lastVisibilityChange(ctx, dataset, now))
    out.set(dataset.id, { issued, modified })
  }
  return out
}

/** The latest instant, up to now, at which one of the entity's records became public or stopped being listed. */
async function lastVisibilityChange(ctx: TenantContext, dataset: TenantDataset, now: string): Promise<string | null> {
  const entity = dataset.entity
  const columns = entity?.declaration.visibilityChangesAt?.(entity.table as never) ?? []
  if (!entity || columns.length === 0) return null
  const instants = Object.fromEntries(
    columns.flatMap((column, i) => [
      [`past${i}`, sql<string | null>`max(case when ${column} <= ${now} then ${column} end)`],
      [`next${i}`, sql<string | null>`min(case when ${column} > ${now} then ${column} end)`],
    ]),
  )
  const [row] = await ctx.db.select(instants).from(entity.table)
  let out: string | null = null
  for (const [key, instant] of Object.entries(row ?? {})) {
    if (typeof instant !== 'string') continue
    // A cached answer that shows this `modified` lasts until the next such instant (ADR 0106).
    if (key.startsWith('next')) ctx.changesAt?.(new Date(instant))
    else out = later(out, new Date(instant).toISOString())
  }
  return out
}
