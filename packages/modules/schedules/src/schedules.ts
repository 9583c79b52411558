import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  newId,
  problem,
  type TenantContext,
  verificationOf,
  verificationStamp,
} from '@cerdas/core'
import {
  dayNumber,
  formatDay,
  type HolidayCalendar,
  type LocalDate,
  localDateOf,
  type OpeningHoursWarning,
  parseOpeningHours,
  type ScheduleDefinition,
  type SchemaOrgHours,
  scheduleSchema,
  statusAt,
  toICalendar,
  toOpeningHours,
  toOpeningHoursSpecification,
  weekView,
} from '@cerdas/schedules'
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm'
import { tenantHolidayCalendar } from './holidays'
import type { ScheduleKind } from './kinds'
import { canonicalOwner } from './owners'
import { describeReason } from './reasons'
import { schedules } from './schema'
import type {
  CreateScheduleInput,
  DefinitionInput,
  ImportScheduleInput,
  ListQuery,
  OwnerRef,
  OwnerStatus,
  Schedule,
  ScheduleStatusView,
  UpdateScheduleInput,
  WeekView,
} from './validation'

type ScheduleRow = typeof schedules.$inferSelect

const ENTITY = 'schedules.schedule'
/** Longest range an iCalendar export covers. */
const MAX_ICAL_DAYS = 3 * 366

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/**
 * Parsed definitions by their stored JSON text: the engine caches its compiled form per definition
 * object, so handing every read of unchanged hours the same (frozen) object skips validating and
 * compiling them again on each request. Keyed by content, so tenants never see each other's data.
 */
const parsedDefinitions = new Map<string, { definition: ScheduleDefinition; openingHours: string }>()
const PARSED_DEFINITIONS_MAX = 2000

function parsedDefinition(text: string): { definition: ScheduleDefinition; openingHours: string } {
  const hit = parsedDefinitions.get(text)
  if (hit) {
    // Least recently used goes first: re-insert on every hit.
    parsedDefinitions.delete(text)
    parsedDefinitions.set(text, hit)
    return hit
  }
  const definition = deepFreeze(JSON.parse(text) as ScheduleDefinition)
  const parsed = { definition, openingHours: toOpeningHours(definition) }
  parsedDefinitions.set(text, parsed)
  if (parsedDefinitions.size > PARSED_DEFINITIONS_MAX) {
    const oldest = parsedDefinitions.keys().next().value
    if (oldest !== undefined) parsedDefinitions.delete(oldest)
  }
  return parsed
}

function fromRow(row: ScheduleRow): Schedule {
  const { definition, openingHours } = parsedDefinition(row.definition)
  return {
    id: row.id,
    owner: { module: row.ownerModule, type: row.ownerType, id: row.ownerId },
    kind: row.kind as ScheduleKind,
    label: { id: row.labelIndonesian, ...(row.labelEnglish ? { en: row.labelEnglish } : {}) },
    role: row.roleIndonesian ? { id: row.roleIndonesian, ...(row.roleEnglish ? { en: row.roleEnglish } : {}) } : null,
    services: JSON.parse(row.services) as string[],
    definition,
    openingHours,
    verification: verificationOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

const pointer = (path: PropertyKey[]) =>
  `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/**
 * Completes an admin's definition with the tenant zone and holiday default, then validates it with
 * the engine (overlaps, unknown zone, overnight mistakes): a 422 with `/definition/...` pointers.
 */
export function buildDefinition(ctx: TenantContext, input: DefinitionInput, base = '/definition'): ScheduleDefinition {
  const byDefault = ctx.tenant.modules.schedules?.settings.closedOnHolidaysByDefault
  const candidate = {
    zone: input.zone ?? ctx.tenant.timezone,
    closedOnHolidays: input.closedOnHolidays ?? (typeof byDefault === 'boolean' ? byDefault : true),
    ...Object.fromEntries(
      Object.entries(input).filter(([k, v]) => k !== 'zone' && k !== 'closedOnHolidays' && v !== undefined),
    ),
  }
  const parsed = scheduleSchema.safeParse(candidate)
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      pointer: `${base}${pointer(issue.path)}`,
      message: issue.message,
    }))
    throw problem('validation', errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), { errors })
  }
  return parsed.data
}

/** The definition as the engine evaluates it, with the label for exports. */
function engineDefinition(schedule: Schedule): ScheduleDefinition {
  return { ...schedule.definition, label: schedule.label }
}

async function findRow(ctx: TenantContext, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await ctx.db.select().from(schedules).where(eq(schedules.id, id))
  return row
}

export async function getSchedule(ctx: TenantContext, id: string): Promise<Schedule> {
  const row = await findRow(ctx, id)
  if (!row) throw problem('notFound', `No schedule with id ${id}`)
  return fromRow(row)
}

/** Schedules, optionally filtered by owner and kind, oldest first, one cursor page at a time. */
export async function listSchedules(
  ctx: TenantContext,
  query: ListQuery,
): Promise<{ items: Schedule[]; nextCursor: string | null }> {
  const where: SQL[] = []
  if (query.ownerModule) where.push(eq(schedules.ownerModule, query.ownerModule))
  if (query.ownerType) where.push(eq(schedules.ownerType, query.ownerType))
  if (query.ownerId) where.push(eq(schedules.ownerId, query.ownerId))
  if (query.kind) where.push(eq(schedules.kind, query.kind))
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    if (cursor?.length !== 1 || typeof cursor[0] !== 'string')
      throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where.push(gt(schedules.id, cursor[0]))
  }
  const rows = await ctx.db
    .select()
    .from(schedules)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(schedules.id))
    .limit(query.limit + 1)
  const items = rows.slice(0, query.limit).map(fromRow)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null }
}

/** Every schedule of one owner (hours first, then presence), at most 100. */
export async function listSchedulesForOwner(ctx: TenantContext, owner: OwnerRef): Promise<Schedule[]> {
  const rows = await ctx.db
    .select()
    .from(schedules)
    .where(
      and(
        eq(schedules.ownerModule, owner.module),
        eq(schedules.ownerType, owner.type),
        eq(schedules.ownerId, owner.id),
      ),
    )
    .orderBy(asc(schedules.kind), asc(schedules.id))
    .limit(100)
  return rows.map(fromRow)
}

export async function createSchedule(
  ctx: TenantContext,
  input: CreateScheduleInput,
  options: { seedKey?: string; verification?: { at: string; by: string; source: string | null } } = {},
): Promise<Schedule> {
  return ctx.transaction(async (ctx) => {
    const definition = buildDefinition(ctx, input.definition)
    // Seeds run before the owning modules' seeds (dependency order) and name owners by key already.
    const owner = options.seedKey ? input.owner : await canonicalOwner(ctx, input.owner)
    const now = ctx.now().toISOString()
    const row: ScheduleRow = {
      id: newId('sch'),
      seedKey: options.seedKey ?? null,
      ownerModule: owner.module,
      ownerType: owner.type,
      ownerId: owner.id,
      kind: input.kind,
      labelIndonesian: input.label.id,
      labelEnglish: input.label.en ?? null,
      roleIndonesian: input.role?.id ?? null,
      roleEnglish: input.role?.en ?? null,
      services: JSON.stringify(input.services ?? []),
      definition: JSON.stringify(definition),
      closedOnHolidays: definition.closedOnHolidays ? 1 : 0,
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(schedules).values(row)
    const created = fromRow(row)
    await ctx.audit({ action: 'create', entity: ENTITY, entityId: row.id, after: created })
    return created
  })
}

/**
 * Imports an OSM opening_hours value as a new schedule. A value the engine cannot read is a 422
 * whose error names the character position (also as `position` and `snippet` extensions).
 */
export async function importSchedule(
  ctx: TenantContext,
  input: ImportScheduleInput,
): Promise<{ schedule: Schedule; warnings: OpeningHoursWarning[] }> {
  const zone = input.zone ?? ctx.tenant.timezone
  const parsed = parseOpeningHours(input.openingHours, { zone })
  if (!parsed.ok) {
    const { position, message, snippet } = parsed.error
    const text = `${message} (at position ${position})`
    throw problem('validation', `opening_hours: ${text}`, {
      errors: [{ pointer: '/openingHours', message: text }],
      position,
      snippet,
    })
  }
  const { label: _label, ...definition } = parsed.schedule
  const schedule = await createSchedule(ctx, {
    owner: input.owner,
    kind: input.kind,
    label: input.label,
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.services ? { services: input.services } : {}),
    definition,
  })
  return { schedule, warnings: parsed.warnings }
}

export async function updateSchedule(ctx: TenantContext, id: string, input: UpdateScheduleInput): Promise<Schedule> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No schedule with id ${id}`)
    const definition = input.definition ? buildDefinition(ctx, input.definition) : undefined
    const owner = input.owner ? await canonicalOwner(ctx, input.owner) : undefined
    const now = ctx.now().toISOString()
    let next: ScheduleRow = {
      ...before,
      ...(owner ? { ownerModule: owner.module, ownerType: owner.type, ownerId: owner.id } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.label ? { labelIndonesian: input.label.id, labelEnglish: input.label.en ?? null } : {}),
      ...(input.role !== undefined
        ? { roleIndonesian: input.role?.id ?? null, roleEnglish: input.role?.en ?? null }
        : {}),
      ...(input.services ? { services: JSON.stringify(input.services) } : {}),
      ...(definition
        ? { definition: JSON.stringify(definition), closedOnHolidays: definition.closedOnHolidays ? 1 : 0 }
        : {}),
      updatedAt: now,
    }
    // Other hours, another owner, a new name or holder: not what the verifier checked.
    next = clearStaleVerification(before, next)
    await ctx.db.update(schedules).set(next).where(eq(schedules.id, id))
    const updated = fromRow(next)
    await ctx.audit({ action: 'update', entity: ENTITY, entityId: id, before: fromRow(before), after: updated })
    return updated
  })
}

export async function deleteSchedule(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No schedule with id ${id}`)
    await ctx.db.delete(schedules).where(eq(schedules.id, id))
    await ctx.audit({ action: 'delete', entity: ENTITY, entityId: id, before: fromRow(before) })
  })
}

/** Stamps the schedule as checked now by the acting person. */
export async function verifySchedule(
  ctx: TenantContext,
  id: string,
  input: { source?: string | undefined },
): Promise<Schedule> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No schedule with id ${id}`)
    const _now = ctx.now().toISOString()
    const next: ScheduleRow = {
      ...before,
      ...verificationStamp(ctx, input.source, before.verificationSource),
    }
    await ctx.db.update(schedules).set(next).where(eq(schedules.id, id))
    const updated = fromRow(next)
    await ctx.audit({ action: 'verify', entity: ENTITY, entityId: id, before: fromRow(before), after: updated })
    return updated
  })
}

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
 * Is it open (or is the officer present) now or at an instant, holiday- and break-aware.
 * @example const s = await statusOf(ctx, 'sch_...'); s.open ? `until ${s.until}` : `opens ${s.nextOpen}`
 */
export async function statusOf(ctx: TenantContext, id: string, at?: Date): Promise<ScheduleStatusView> {
  const schedule = await getSchedule(ctx, id)
  return statusView(schedule, at ?? ctx.now(), await tenantHolidayCalendar(ctx))
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

/**
 * {@link statusForOwner} of several owners, in their order, with one query per
 * module and type of owner (a service page asks for the service and each of
 * its offices at once), however many owners there are.
 */
export async function statusForOwners(ctx: TenantContext, owners: OwnerRef[], at?: Date): Promise<OwnerStatus[]> {
  const instant = at ?? ctx.now()
  const keyOf = (o: OwnerRef) => `${o.module}/${o.type}/${o.id}`
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
      const rows = await ctx.db
        .select()
        .from(schedules)
        .where(
          and(
            eq(schedules.ownerModule, group.module),
            eq(schedules.ownerType, group.type),
            inArray(schedules.ownerId, ids.slice(i, i + 500)),
          ),
        )
        .orderBy(asc(schedules.kind), asc(schedules.id))
      for (const row of rows) {
        const key = `${row.ownerModule}/${row.ownerType}/${row.ownerId}`
        byOwner.set(key, [...(byOwner.get(key) ?? []), fromRow(row)])
      }
    }
  }
  const calendar = byOwner.size > 0 ? await tenantHolidayCalendar(ctx) : undefined
  return owners.map((owner) => {
    const list = byOwner.get(keyOf(owner)) ?? []
    const hours = list.find((s) => s.kind === 'hours')
    return {
      owner: { ...owner },
      at: instant.toISOString(),
      hours: hours && calendar ? { schedule: hours, status: statusView(hours, instant, calendar) } : null,
      presence: calendar
        ? list
            .filter((s) => s.kind === 'presence')
            .map((schedule) => ({ schedule, status: statusView(schedule, instant, calendar) }))
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
    const rows = await ctx.db
      .select()
      .from(schedules)
      .where(
        and(
          eq(schedules.ownerModule, module),
          eq(schedules.ownerType, type),
          eq(schedules.kind, 'hours'),
          inArray(schedules.ownerId, unique.slice(i, i + 500)),
        ),
      )
      .orderBy(asc(schedules.id))
    for (const row of rows) {
      // With several hours schedules the oldest counts, as in statusForOwner.
      if (out.has(row.ownerId)) continue
      const schedule = fromRow(row)
      out.set(row.ownerId, { schedule, status: statusView(schedule, instant, calendar) })
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

function addDays(date: LocalDate, days: number): LocalDate {
  return formatDay(dayNumber(date) + days)
}

function range(ctx: TenantContext, zone: string, from?: LocalDate, to?: LocalDate): { from: LocalDate; to: LocalDate } {
  const first = from ?? localDateOf(ctx.now(), zone)
  const last = to ?? addDays(first, 365)
  if (dayNumber(last) < dayNumber(first)) throw problem('badRequest', 'to is before from')
  if (dayNumber(last) - dayNumber(first) > MAX_ICAL_DAYS)
    throw problem('badRequest', `A calendar covers at most ${MAX_ICAL_DAYS} days`)
  return { from: first, to: last }
}

/**
 * The schedule as an RFC 5545 iCalendar (weekly RRULEs with EXDATEs on holidays and special dates).
 * Reproducible: DTSTAMP is the schedule's last change.
 */
export async function scheduleICalendar(
  ctx: TenantContext,
  id: string,
  options: { from?: LocalDate | undefined; to?: LocalDate | undefined; locale?: 'id' | 'en' } = {},
): Promise<string> {
  const schedule = await getSchedule(ctx, id)
  const { from, to } = range(ctx, schedule.definition.zone, options.from, options.to)
  return toICalendar(engineDefinition(schedule), await tenantHolidayCalendar(ctx), {
    from,
    to,
    summary: schedule.label,
    locale: options.locale ?? 'id',
    uidPrefix: schedule.id,
    uidDomain: ctx.tenant.primaryHost,
    stamp: new Date(schedule.updatedAt),
  })
}

/** The schedule as an OSM opening_hours value. */
export async function scheduleOpeningHours(ctx: TenantContext, id: string): Promise<string> {
  return (await getSchedule(ctx, id)).openingHours
}

/**
 * schema.org OpeningHoursSpecification JSON-LD for the coming year (holidays, Ramadan hours and
 * closures as special hours), ready to embed in a Place's JSON-LD.
 */
export async function scheduleSchemaOrg(
  ctx: TenantContext,
  id: string,
  locale: 'id' | 'en' = 'id',
): Promise<SchemaOrgHours & { '@context': 'https://schema.org'; '@type': 'Place'; name: string }> {
  const schedule = await getSchedule(ctx, id)
  const { from, to } = range(ctx, schedule.definition.zone)
  const hours = toOpeningHoursSpecification(schedule.definition, await tenantHolidayCalendar(ctx), {
    from,
    to,
    locale,
  })
  return {
    '@context': 'https://schema.org',
    '@type': 'Place',
    name: (locale === 'en' ? schedule.label.en : undefined) ?? schedule.label.id,
    ...hours,
  }
}
