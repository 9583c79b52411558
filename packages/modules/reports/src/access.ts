import { type DimensionId, hasPermission, permissionCatalog, problem, type TenantContext } from '@cerdas/core'
import { REPORT_MESSAGES as M } from './messages'
import type { ReportRow } from './tables'

export type ReportPermission =
  | 'reports.report:read'
  | 'reports.report:update'
  | 'reports.report:read_contact'
  | 'reports.report:create'

/**
 * Whether the caller holds a report permission for reports of a team (the category's dimension,
 * copied to the report): a grant limited to a dimension works only its own. Callers without
 * grants (the CLI, jobs, tests of module functions) act with full rights.
 */
export function mayForDimension(ctx: TenantContext, permission: ReportPermission, dimension?: DimensionId): boolean {
  const grants = ctx.actor?.grants
  if (!grants) return true
  const entry = permissionCatalog(ctx.modules).find((e) => e.key === permission)
  return hasPermission(grants, entry, dimension)
}

/** Refuses a report of another team as not found (it is not theirs to know of), and a missing right as 403. */
export function requireOnReport(ctx: TenantContext, permission: ReportPermission, row: ReportRow | null): ReportRow {
  if (!row || !mayForDimension(ctx, 'reports.report:read', row.dimension as DimensionId))
    throw problem('notFound', M.reportUnknown.id)
  if (!mayForDimension(ctx, permission, row.dimension as DimensionId)) throw problem('forbidden', M.notYourTeam.id)
  return row
}

/** The dimensions whose reports the caller may read, or null for all. */
export function readableDimensions(ctx: TenantContext): DimensionId[] | null {
  const grants = ctx.actor?.grants
  if (!grants || grants.some((g) => g.dimension === null)) return null
  return grants.flatMap((g) =>
    g.dimension && mayForDimension(ctx, 'reports.report:read', g.dimension) ? [g.dimension] : [],
  )
}
