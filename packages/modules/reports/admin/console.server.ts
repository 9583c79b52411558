import {
  DIMENSION_IDS,
  type DimensionId,
  type Grant,
  hasPermission,
  isProblemError,
  type Locale,
  type PermissionEntry,
  type TenantContext,
} from '@cerdas/core'
import { type AdminScreen, adminScreen, formatInstant } from '@cerdas/core/web'
import { localDateOf, tenantWorkingDaysBetween } from '@cerdas/module-schedules'
import { getStaffReport } from '../src/index'
import type { StaffReport } from '../src/types'
import { type ReportAdminMessageKey, reportsT } from './messages'

export type ReportAction = 'read' | 'update' | 'read_contact'

/**
 * The console screen of reports: the console's session, form token and notices come from the
 * category entity's screen (a login redirect without a session, 404 when the module is off);
 * report permissions are checked here, on every loader and action, against each report's team.
 */
export interface ReportsScreen extends AdminScreen {
  /** Whether the person holds the permission for this report (its team), or for some report. */
  may: (action: ReportAction, report?: Pick<StaffReport, 'dimension'>) => boolean
  /** Refuses with 403 unless `may(action, report)`. */
  requireReport: (action: ReportAction, report?: Pick<StaffReport, 'dimension'>) => void
  /** The teams whose reports the person may read; null when not limited to any. */
  teams: DimensionId[] | null
}

/** The permission entry of a report action: held by a dimension-limited team for its own dimension's reports. */
function entryOf(ctx: TenantContext, action: ReportAction): PermissionEntry | undefined {
  const key = `reports.report:${action}`
  const definition = ctx.modules.find((m) => m.id === 'reports')?.permissions?.[key]
  if (!definition) return undefined
  return {
    key,
    title: definition.title,
    roles: definition.roles,
    module: 'reports',
    dimension: 'environment',
    // A report belongs to its category's team, as a record to its owner's (ADR 0110).
    followsOwner: true,
    ownerDimensions: [...DIMENSION_IDS],
  }
}

export function mayOnReport(
  ctx: TenantContext,
  action: ReportAction,
  report?: Pick<StaffReport, 'dimension'>,
): boolean {
  const grants: readonly Grant[] | undefined = ctx.actor?.grants
  // The CLI and the system act with full rights, as everywhere else.
  if (!grants) return true
  return hasPermission(grants, entryOf(ctx, action), report?.dimension)
}

/** The dimensions of a limited person's grants that hold `read`; null when one grant is unlimited. */
function teamsOf(ctx: TenantContext): DimensionId[] | null {
  const grants = ctx.actor?.grants
  if (!grants || grants.some((g) => g.dimension === null)) return null
  const entry = entryOf(ctx, 'read')
  return DIMENSION_IDS.filter((d) => entry && grants.some((g) => g.dimension === d && hasPermission([g], entry, d)))
}

/** Opens the report screens for the signed-in person; 403 without `reports.report:read`. */
export function reportsScreen(context: unknown, request: Request): ReportsScreen {
  const screen = adminScreen(context, request, {
    module: 'reports',
    entity: 'category',
    permission: 'reports.report:read',
  })
  const { ctx } = screen
  const may = (action: ReportAction, report?: Pick<StaffReport, 'dimension'>) => mayOnReport(ctx, action, report)
  const requireReport = (action: ReportAction, report?: Pick<StaffReport, 'dimension'>) => {
    if (!may(action, report)) throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  }
  requireReport('read')
  return { ...screen, may, requireReport, teams: teamsOf(ctx) }
}

/** The report, if the person may open it: another team's report is not found (404), not forbidden. */
export async function reportOr404(screen: ReportsScreen, id: string): Promise<StaffReport> {
  let report: StaffReport | null
  try {
    report = await getStaffReport(screen.ctx, id)
  } catch (error) {
    if (isProblemError(error) && (error.problem.status === 404 || error.problem.status === 403)) report = null
    else throw error
  }
  if (!report || !screen.may('read', report)) throw new Response('Not found', { status: 404 })
  return report
}

/** A posted text value, or '' when absent or a file. */
export const formText = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** "terlambat 2 hari kerja" / "sisa 3 hari kerja" / "batas hari ini" for a report's deadline. */
export async function deadlineText(
  ctx: TenantContext,
  report: Pick<StaffReport, 'dueAt' | 'overdue'>,
  locale: Locale,
): Promise<{ text: string; overdue: boolean; date: string | null }> {
  const t = reportsT(locale)
  if (!report.dueAt) return { text: t('noDeadline'), overdue: false, date: null }
  const zone = ctx.tenant.timezone
  const today = localDateOf(ctx.now(), zone)
  const due = localDateOf(new Date(report.dueAt), zone)
  const date = formatInstant(report.dueAt, ctx.tenant, locale, { dateStyle: 'medium' })
  if (report.overdue) {
    // Past the end of the due day: at least one day late, even when only a weekend has passed since.
    const days = Math.max(1, await tenantWorkingDaysBetween(ctx, due, today))
    return { text: t('overdueBy', { days }), overdue: true, date }
  }
  const left = due <= today ? 0 : await tenantWorkingDaysBetween(ctx, today, due)
  return { text: left === 0 ? t('dueToday') : t('dueIn', { days: left }), overdue: false, date }
}

const SOURCE_KEYS: Record<string, ReportAdminMessageKey> = {
  web: 'sourceWeb',
  api: 'sourceApi',
  open311: 'sourceOpen311',
  console: 'sourceConsole',
}

export const sourceText = (source: string, locale: Locale): string =>
  SOURCE_KEYS[source] ? reportsT(locale)(SOURCE_KEYS[source]) : source
