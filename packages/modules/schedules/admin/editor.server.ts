import { isProblemError, type Locale, pickText, type TenantContext } from '@cerdas/core'
import { type AdminScreen, adminScreen, orNotFound, translator } from '@cerdas/core/web'
import { isLocalDate, localDateOf, type ScheduleDefinition } from '@cerdas/schedules'
import { type EditorCheck, type EditorIssue, type FormValues, mapProblemPointers } from '../src/editor-form'
import { tenantHolidayCalendar } from '../src/holidays'
import { schedule as scheduleEntity } from '../src/schedule'
import { statusView, weekViewOf } from '../src/schedule-status'
import { getSchedule } from '../src/schedules'
import type { Schedule } from '../src/validation'
import { scheduleAdminMessages } from './messages'

/** The console screen of schedules (404 when the module is off, 403 when the person may not open them). */
export const scheduleScreen = (context: unknown, request: Request): AdminScreen =>
  adminScreen(context, request, { module: 'schedules', entity: 'schedule' })

export const holidayScreen = (context: unknown, request: Request): AdminScreen =>
  adminScreen(context, request, { module: 'schedules', entity: 'holiday' })

/** The schedule, if there is one the caller may open: a team sees its own modules' owners' schedules (ADR 0110). */
export async function scheduleOr404(ctx: TenantContext, id: string): Promise<Schedule> {
  const found = await orNotFound(getSchedule(ctx, id))
  if (!scheduleEntity.visibleTo(ctx, found)) throw new Response('Not found', { status: 404 })
  return found
}

/** A posted text value, or '' when absent or a file. */
export const formText = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Every posted value except the console's own (`_csrf`, `_intent`, ...), for reading and re-rendering. */
export function postedValues(form: FormData): FormValues {
  const values: FormValues = {}
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !name.startsWith('_')) values[name] = value
  }
  return values
}

/** The week to preview: `from` when it is a real date, else today in the zone. */
export function previewStart(from: string | null | undefined, zone: string, now: Date): string {
  return from && isLocalDate(from) ? from : localDateOf(now, zone)
}

export type Preview = ReturnType<typeof previewOf> extends Promise<infer P> ? P : never

/** The week from `from` and the status now for a definition, saved or not. */
export async function previewOf(
  ctx: TenantContext,
  schedule: Pick<Schedule, 'id' | 'kind'>,
  definition: ScheduleDefinition,
  from: string,
) {
  const calendar = await tenantHolidayCalendar(ctx)
  const now = ctx.now()
  const status = statusView({ ...schedule, definition } as Schedule, now, calendar)
  const week = weekViewOf(schedule.id, definition, from, calendar)
  return { from, today: localDateOf(now, definition.zone), timezone: definition.zone, status, days: week.days }
}

/** Issues in the page's language, by input name. */
export function localizeIssues(errors: Record<string, EditorIssue>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, issue]) => [name, pickText(issue, locale)]))
}

export interface EditorAnswer {
  intent: string
  values: FormValues
  errors: Record<string, string>
  formErrors: string[]
  preview: Preview | null
}

/**
 * A business function's validation problem (pointers under `/definition/` and outside it) as the
 * editor's issues; undefined for anything that is not a 4xx problem (rethrown by the caller).
 */
export function problemIssues(
  error: unknown,
  checked: Pick<EditorCheck, 'paths'>,
  locale: Locale,
): { errors: Record<string, string>; formErrors: string[]; status: number } | undefined {
  if (!isProblemError(error) || error.problem.status >= 500) return undefined
  // An owner of another team's module (ADR 0110): said in the page's language, next to nothing.
  if (error.problem.status === 403)
    return { errors: {}, formErrors: [translator(scheduleAdminMessages, locale)('otherTeam')], status: 403 }
  const pointers = error.problem.errors ?? []
  if (pointers.length === 0)
    return { errors: {}, formErrors: [error.problem.detail ?? error.problem.title], status: error.problem.status }
  const mapped = mapProblemPointers(pointers, checked.paths)
  return {
    errors: localizeIssues({ ...mapped.outside, ...mapped.errors }, locale),
    formErrors: mapped.formErrors.map((issue) => pickText(issue, locale)),
    status: error.problem.status,
  }
}
