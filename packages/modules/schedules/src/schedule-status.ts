import { type DataSnapshot, dataSnapshot, type TenantContext } from '@cerdas/core'
import {
  type HolidayCalendar,
  type LocalDate,
  localDateOf,
  type ScheduleDefinition,
  statusAt,
  weekView,
} from '@cerdas/schedules'
import { eq, inArray } from 'drizzle-orm'
import { tenantHolidayCalendar } from './holidays'
import { describeReason } from './reasons'
import { scheduleColumns as c, type Schedule, schedule as scheduleEntity } from './schedule'
import { byKind, getSchedule } from './schedules'
import type { OwnerRef, OwnerStatus, ScheduleStatusView, WeekView } from './validation'

/** Owners a page asks about at once: far fewer than the schedules one read may hold. */
const MANY = 5000

/** What a schedule says at an instant and over a week: open or closed, until when, which hours. */

/**
 * The state of a schedule at an instant, pure: open/closed, next change, next opening, the reason
 * with a readable label, and the hours of that local date.
 */
export function statusView(schedule: Schedule, at: Date, calendar: HolidayCalendar): ScheduleStatusView {
  const definition = schedule.definition
  const status = statusAt(definition, at, calendar)
  const [today] = weekView(definition, localDateOf(at, definition.zone), calendar)
  if (!today) throw new Error('weekView returned no day')
  return {
    scheduleId: schedule.id,
    kind: schedule.kind,
    timezone: definition.zone,
    at: at.toISOString(),
    open: status.open,
    until: status.until?.toISOString() ?? null,
    nextOpen: status.nextOpen?.toISOString() ?? null,
    reason: describeReason(status.reason, status.open),
    today: {
      date: today.date,
      intervals: today.intervals.map((iv) => ({ start: iv.start, end: iv.end, overnight: iv.overnight })),
      reason: describeReason(today.reason, today.intervals.length > 0),
    },
  }
}

/**
 * The status at `at`, noting for a response that may be cached the instant it stops being true
 * (its next change; the hours of "today" change at midnight, which a cached response never outlives).
 */
function viewFor(ctx: TenantContext, schedule: Schedule, at: Date, calendar: HolidayCalendar): ScheduleStatusView {
  const view = statusView(schedule, at, calendar)
  if (view.until) ctx.changesAt?.(new Date(view.until))
  return view
}

/**
 * Is it open (or is the officer present) now or at an instant, holiday- and break-aware.
 * @example const s = await statusOf(ctx, 'sch_...'); s.open ? `until ${s.until}` : `opens ${s.nextOpen}`
 */
export async function statusOf(ctx: TenantContext, id: string, at?: Date): Promise<ScheduleStatusView> {
  const schedule = await getSchedule(ctx, id)
  return viewFor(ctx, schedule, at ?? ctx.now(), await tenantHolidayCalendar(ctx))
}

/**
 * What other modules call for an office, service or place: the hours status plus every presence
 * schedule's status ("open now, officer present 08:30–12:00"). `hours` is null when the owner has
 * no hours schedule; with several, the oldest one counts.
 * @example const { hours, presence } = await statusForOwner(ctx, { module: 'directory', type: 'office', id })
 */
export async function statusForOwner(ctx: TenantContext, owner: OwnerRef, at?: Date): Promise<OwnerStatus> {
  return (await statusForOwners(ctx, [owner], at))[0] as OwnerStatus
}

/** Owners whose schedules are kept together per data version at most (a page's service and offices). */
const KEPT_OWNERS = 50

/** The schedules of the owners by `module/type/id`, in {@link byKind} order: one query per module and type. */
async function schedulesOfOwners(ctx: TenantContext, owners: OwnerRef[]): Promise<Map<string, Schedule[]>> {
  const byOwner = new Map<string, Schedule[]>()
  const groups = new Map<string, { module: string; type: string; ids: Set<string> }>()
  for (const owner of owners) {
    const group = groups.get(`${owner.module}/${owner.type}`) ?? {
      module: owner.module,
      type: owner.type,
      ids: new Set(),
    }
    group.ids.add(owner.id)
    groups.set(`${owner.module}/${owner.type}`, group)
  }
  for (const group of groups.values()) {
    const ids = [...group.ids]
    // SQLite allows 32766 parameters; a page asks for a handful of owners.
    for (let i = 0; i < ids.length; i += 500) {
      const { items } = await scheduleEntity.list(ctx, { limit: MANY }, [
        eq(c.ownerModule, group.module),
        eq(c.ownerType, group.type),
        inArray(c.ownerId, ids.slice(i, i + 500)),
      ])
      for (const schedule of items.sort(byKind)) {
        const key = `${schedule.owner.module}/${schedule.owner.type}/${schedule.owner.id}`
        byOwner.set(key, [...(byOwner.get(key) ?? []), schedule])
      }
    }
  }
  return byOwner
}

/**
 * {@link statusForOwner} of several owners, in their order, with one query per
 * module and type of owner (a service page asks for the service and each of
 * its offices at once), however many owners there are.
 */
export async function statusForOwners(
  ctx: TenantContext,
  owners: OwnerRef[],
  at?: Date,
  snapshot?: DataSnapshot,
): Promise<OwnerStatus[]> {
  const instant = at ?? ctx.now()
  const keyOf = (o: OwnerRef) => `${o.module}/${o.type}/${o.id}`
  // The schedules of a page's owners change only with the data: read once per data version.
  const data = snapshot ?? (await dataSnapshot(ctx))
  const keys = [...new Set(owners.map(keyOf))].sort()
  const byOwner =
    keys.length <= KEPT_OWNERS
      ? await data.get(`schedules.owners:${keys.join('|')}`, () => schedulesOfOwners(ctx, owners))
      : await schedulesOfOwners(ctx, owners)
  const calendar = byOwner.size > 0 ? await tenantHolidayCalendar(ctx, data) : undefined
  return owners.map((owner) => {
    const list = byOwner.get(keyOf(owner)) ?? []
    const hours = list.find((s) => s.kind === 'hours')
    return {
      owner: { ...owner },
      at: instant.toISOString(),
      hours: hours && calendar ? { schedule: hours, status: viewFor(ctx, hours, instant, calendar) } : null,
      presence: calendar
        ? list
            .filter((s) => s.kind === 'presence')
            .map((schedule) => ({ schedule, status: viewFor(ctx, schedule, instant, calendar) }))
        : [],
    }
  })
}

/**
 * The hours status of many owners of one module and type at once (one query, not one per owner):
 * what lists such as "offices open now" use. Owners without an hours schedule are left out.
 * @example const byOffice = await hoursStatusForOwners(ctx, 'directory', 'office', slugs)
 */
export async function hoursStatusForOwners(
  ctx: TenantContext,
  module: string,
  type: string,
  ids: string[],
  at?: Date,
): Promise<Map<string, NonNullable<OwnerStatus['hours']>>> {
  const out = new Map<string, NonNullable<OwnerStatus['hours']>>()
  const unique = [...new Set(ids)]
  if (unique.length === 0) return out
  const instant = at ?? ctx.now()
  const calendar = await tenantHolidayCalendar(ctx)
  // SQLite allows 32766 parameters; lists here are pages of at most a few hundred owners.
  for (let i = 0; i < unique.length; i += 500) {
    const { items } = await scheduleEntity.list(ctx, { limit: MANY }, [
      eq(c.ownerModule, module),
      eq(c.ownerType, type),
      eq(c.kind, 'hours'),
      inArray(c.ownerId, unique.slice(i, i + 500)),
    ])
    for (const schedule of items) {
      // With several hours schedules the oldest counts, as in statusForOwner.
      if (out.has(schedule.owner.id)) continue
      out.set(schedule.owner.id, { schedule, status: viewFor(ctx, schedule, instant, calendar) })
    }
  }
  return out
}

/**
 * Seven local dates from `from` with the hours a definition gives them, pure: what the schedule
 * editor previews before saving and what `weekOf` serves.
 */
export function weekViewOf(
  scheduleId: string,
  definition: ScheduleDefinition,
  from: LocalDate,
  calendar: HolidayCalendar,
): WeekView {
  const days = weekView(definition, from, calendar)
  return {
    scheduleId,
    timezone: definition.zone,
    from,
    days: days.map((d) => ({
      date: d.date,
      weekday: d.weekday,
      intervals: d.intervals.map((iv) => ({
        start: iv.start,
        end: iv.end,
        overnight: iv.overnight,
        startsAt: iv.startsAt.toISOString(),
        endsAt: iv.endsAt.toISOString(),
      })),
      reason: describeReason(d.reason, d.intervals.length > 0),
      ...(d.holiday
        ? {
            holiday: {
              date: d.holiday.date,
              name: { ...d.holiday.name },
              kind: d.holiday.kind,
              ...(d.holiday.source ? { source: d.holiday.source } : {}),
              verified: d.holiday.verified,
            },
          }
        : {}),
    })),
  }
}

/** Seven local dates from `from` (default today in the schedule's zone) with the hours that apply. */
export async function weekOf(ctx: TenantContext, id: string, from?: LocalDate): Promise<WeekView> {
  const schedule = await getSchedule(ctx, id)
  const first = from ?? localDateOf(ctx.now(), schedule.definition.zone)
  return weekViewOf(id, schedule.definition, first, await tenantHolidayCalendar(ctx))
}
