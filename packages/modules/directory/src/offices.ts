import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  likeEscape,
  newId,
  problem,
  type SearchDocument,
  slugify,
  type TenantContext,
  verificationOf,
  verificationStamp,
} from '@cerdas/core'
import {
  deleteSchedule,
  hoursStatusForOwners,
  listSchedulesForOwner,
  type OwnerStatus,
  statusForOwner,
} from '@cerdas/module-schedules'
import { and, eq, or, sql } from 'drizzle-orm'
import { listCountersOfOffice } from './counters'
import { listPositionsOfOffice } from './positions'
import { counters, offices, positions, units } from './schema'
import { invalid, text, textOrNull, type WriteOptions } from './shared'
import { listUnitsOfOffice } from './units'
import type {
  Counter,
  CreateOfficeInput,
  ListOfficesQuery,
  Office,
  OfficeType,
  OpenNowQuery,
  Position,
  Unit,
  UpdateOfficeInput,
  VerifyInput,
} from './validation'
import { RESERVED_OFFICE_SLUGS } from './validation'

type OfficeRow = typeof offices.$inferSelect
const ENTITY = 'directory.office'
/** Search rank of offices: above announcements (0), below services. */
export const OFFICE_SEARCH_BOOST = 2

export function officeFromRow(row: OfficeRow): Office {
  return {
    id: row.id,
    slug: row.slug,
    type: row.type as OfficeType,
    name: text(row.nameIndonesian, row.nameEnglish),
    shortName: row.shortName ?? null,
    parentId: row.parentId ?? null,
    address: row.address ?? null,
    kecamatan: row.kecamatan ?? null,
    coordinates: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    contacts: {
      phone: row.phone ?? null,
      whatsapp: row.whatsapp ?? null,
      email: row.email ?? null,
      website: row.website ?? null,
    },
    description: textOrNull(row.descriptionIndonesian, row.descriptionEnglish),
    verification: verificationOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** The schedules owner reference of an office: `directory` / `office` / its slug. */
export function officeOwner(office: { slug: string }) {
  return { module: 'directory', type: 'office', id: office.slug }
}

export function officeUrl(office: { slug: string }) {
  return `/direktori/${office.slug}`
}

async function findRow(ctx: TenantContext, ref: string): Promise<OfficeRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(offices)
    .where(or(eq(offices.id, ref), eq(offices.slug, ref)))
    .limit(1)
  return row
}

/** An office by id or slug, or null: what other modules call to validate an office reference. */
export async function findOffice(ctx: TenantContext, ref: string): Promise<Office | null> {
  const row = await findRow(ctx, ref)
  return row ? officeFromRow(row) : null
}

/** An office by id or slug; 404 when there is none. */
export async function getOffice(ctx: TenantContext, ref: string): Promise<Office> {
  const row = await findRow(ctx, ref)
  if (!row) throw problem('notFound', `No office ${ref}`)
  return officeFromRow(row)
}

/** Offices by id, for joining (unknown ids are left out). */
export async function officesByIds(ctx: TenantContext, ids: string[]): Promise<Map<string, Office>> {
  const unique = [...new Set(ids)]
  const out = new Map<string, Office>()
  if (unique.length === 0) return out
  const rows = await ctx.db
    .select()
    .from(offices)
    .where(
      sql`${offices.id} IN (${sql.join(
        unique.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
  for (const row of rows) out.set(row.id, officeFromRow(row))
  return out
}

/** Offices by name, filtered by type, kecamatan and words, one cursor page at a time. */
export async function listOffices(
  ctx: TenantContext,
  query: ListOfficesQuery,
): Promise<{ items: Office[]; nextCursor: string | null }> {
  const where = []
  if (query.type) where.push(eq(offices.type, query.type))
  if (query.kecamatan) where.push(sql`lower(${offices.kecamatan}) = lower(${query.kecamatan})`)
  if (query.q) {
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${likeEscape(word)}%`
      where.push(
        sql`(lower(${offices.nameIndonesian}) LIKE ${like} ESCAPE '\\' OR lower(coalesce(${offices.nameEnglish}, '')) LIKE ${like} ESCAPE '\\'
          OR lower(coalesce(${offices.shortName}, '')) LIKE ${like} ESCAPE '\\' OR ${offices.slug} LIKE ${like} ESCAPE '\\')`,
      )
    }
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    if (cursor?.length !== 2 || typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string')
      throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where.push(
      sql`(${offices.nameIndonesian} > ${cursor[0]} OR (${offices.nameIndonesian} = ${cursor[0]} AND ${offices.id} > ${cursor[1]}))`,
    )
  }
  const rows = await ctx.db
    .select()
    .from(offices)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(offices.nameIndonesian, offices.id)
    .limit(query.limit + 1)
  const items = rows.slice(0, query.limit).map(officeFromRow)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.name.id, last.id]) : null }
}

/** How many offices each type has, for filters that only offer what exists. */
export async function officeTypeCounts(ctx: TenantContext): Promise<Partial<Record<OfficeType, number>>> {
  const rows = await ctx.db
    .select({ type: offices.type, count: sql<number>`count(*)` })
    .from(offices)
    .groupBy(offices.type)
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.count)]))
}

export interface OfficeSummary {
  id: string
  slug: string
  type: OfficeType
  name: { id: string; en?: string }
  shortName: string | null
}

export const officeSummary = (o: Office): OfficeSummary => ({
  id: o.id,
  slug: o.slug,
  type: o.type,
  name: o.name,
  shortName: o.shortName,
})

export interface OfficeDetail {
  office: Office
  parent: OfficeSummary | null
  children: OfficeSummary[]
  units: Unit[]
  counters: Counter[]
  positions: Position[]
  /** Null when the office has no hours schedule. */
  openNow: boolean | null
  hours: OwnerStatus['hours']
  presence: OwnerStatus['presence']
}

/** An office with its units, counters, positions and whether it is open (holiday- and break-aware). */
export async function getOfficeDetail(ctx: TenantContext, ref: string, at?: Date): Promise<OfficeDetail> {
  const office = await getOffice(ctx, ref)
  const [parent, children, unitList, counterList, positionList, status] = await Promise.all([
    office.parentId ? findOffice(ctx, office.parentId) : Promise.resolve(null),
    ctx.db.select().from(offices).where(eq(offices.parentId, office.id)).orderBy(offices.nameIndonesian),
    listUnitsOfOffice(ctx, office.id),
    listCountersOfOffice(ctx, office.id),
    listPositionsOfOffice(ctx, office.id),
    statusForOwner(ctx, officeOwner(office), at),
  ])
  return {
    office,
    parent: parent ? officeSummary(parent) : null,
    children: children.map((row) => officeSummary(officeFromRow(row))),
    units: unitList,
    counters: counterList,
    positions: positionList,
    openNow: status.hours ? status.hours.status.open : null,
    hours: status.hours,
    presence: status.presence,
  }
}

/**
 * Offices open at an instant (default now), by name; the closed ones by their next opening;
 * offices without hours are counted, so a page can say how many it could not tell about.
 * At most 500 are checked.
 */
export async function listOfficesOpenNow(
  ctx: TenantContext,
  query: OpenNowQuery,
): Promise<{
  at: string
  items: { office: Office; hours: NonNullable<OwnerStatus['hours']> }[]
  closed: { office: Office; hours: NonNullable<OwnerStatus['hours']> }[]
  withoutHours: number
}> {
  const at = query.at ? new Date(query.at) : ctx.now()
  const where = []
  if (query.type) where.push(eq(offices.type, query.type))
  if (query.kecamatan) where.push(sql`lower(${offices.kecamatan}) = lower(${query.kecamatan})`)
  const rows = await ctx.db
    .select()
    .from(offices)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(offices.nameIndonesian, offices.id)
    .limit(500)
  const list = rows.map(officeFromRow)
  const hours = await hoursStatusForOwners(
    ctx,
    'directory',
    'office',
    list.map((o) => o.slug),
    at,
  )
  const items: { office: Office; hours: NonNullable<OwnerStatus['hours']> }[] = []
  const closed: { office: Office; hours: NonNullable<OwnerStatus['hours']> }[] = []
  for (const office of list) {
    const status = hours.get(office.slug)
    if (status) (status.status.open ? items : closed).push({ office, hours: status })
  }
  // Closed offices by when they open next: the soonest is what someone waiting wants to know.
  closed.sort((a, b) => (a.hours.status.nextOpen ?? '~').localeCompare(b.hours.status.nextOpen ?? '~'))
  return { at: at.toISOString(), items, closed, withoutHours: list.length - hours.size }
}

/** The hours status now (or at `at`) of each office that has an hours schedule, by office id. */
export async function officeHoursNow(
  ctx: TenantContext,
  list: Office[],
  at?: Date,
): Promise<Map<string, NonNullable<OwnerStatus['hours']>['status']>> {
  const bySlug = await hoursStatusForOwners(
    ctx,
    'directory',
    'office',
    list.map((o) => o.slug),
    at,
  )
  const out = new Map<string, NonNullable<OwnerStatus['hours']>['status']>()
  for (const office of list) {
    const hours = bySlug.get(office.slug)
    if (hours) out.set(office.id, hours.status)
  }
  return out
}

export function officeSearchDocument(o: Office): SearchDocument {
  return {
    id: o.id,
    module: 'directory',
    kind: 'office',
    title: o.name,
    ...(o.description ? { body: o.description } : {}),
    keywords: [o.shortName, o.slug, o.kecamatan, o.type].filter((k): k is string => Boolean(k)),
    url: officeUrl(o),
    boost: OFFICE_SEARCH_BOOST,
  }
}

/** Checks the parent reference: it exists and does not make a cycle. Returns the parent's id. */
async function checkParent(ctx: TenantContext, parentRef: string, selfId: string | null): Promise<string> {
  const parent = await findRow(ctx, parentRef)
  if (!parent) throw invalid('/parentId', `no office ${parentRef}`)
  let current: OfficeRow | undefined = parent
  for (let depth = 0; current && depth < 50; depth++) {
    if (selfId && current.id === selfId) throw invalid('/parentId', 'an office cannot be inside itself')
    current = current.parentId ? await findRow(ctx, current.parentId) : undefined
  }
  return parent.id
}

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`
  return /UNIQUE/.test(text)
}

async function uniqueSlug(ctx: TenantContext, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (RESERVED_OFFICE_SLUGS.includes(candidate)) continue
    const [taken] = await ctx.db.select({ id: offices.id }).from(offices).where(eq(offices.slug, candidate))
    if (!taken) return candidate
  }
  throw problem('conflict', `No free slug for ${base}`)
}

function contactColumns(input: CreateOfficeInput['contacts']) {
  if (!input) return {}
  return {
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.whatsapp !== undefined ? { whatsapp: input.whatsapp } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
  }
}

export async function createOffice(
  ctx: TenantContext,
  input: CreateOfficeInput,
  options: WriteOptions = {},
): Promise<Office> {
  return ctx.transaction(async (ctx) => {
    let slug: string
    if (input.slug) {
      const [taken] = await ctx.db.select({ id: offices.id }).from(offices).where(eq(offices.slug, input.slug))
      if (taken) throw problem('conflict', `The slug ${input.slug} is taken`)
      slug = input.slug
    } else slug = await uniqueSlug(ctx, slugify(input.shortName ?? input.name.id, 'kantor'))
    const parentId = input.parentId ? await checkParent(ctx, input.parentId, null) : null
    const now = ctx.now().toISOString()
    const row: OfficeRow = {
      id: newId('off'),
      seedKey: options.seedKey ?? null,
      slug,
      type: input.type,
      nameIndonesian: input.name.id,
      nameEnglish: input.name.en ?? null,
      shortName: input.shortName ?? null,
      parentId,
      address: input.address ?? null,
      kecamatan: input.kecamatan ?? null,
      lat: input.coordinates?.lat ?? null,
      lon: input.coordinates?.lon ?? null,
      phone: null,
      whatsapp: null,
      email: null,
      website: null,
      ...contactColumns(input.contacts),
      descriptionIndonesian: input.description?.id ?? null,
      descriptionEnglish: input.description?.en ?? null,
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    // Two offices of the same name created at once can race for one generated slug: take the next.
    for (let attempt = 0; ; attempt++) {
      try {
        await ctx.db.insert(offices).values(row)
        break
      } catch (error) {
        if (input.slug || attempt >= 5 || !isUniqueViolation(error)) throw error
        row.slug = await uniqueSlug(ctx, slugify(input.shortName ?? input.name.id, 'kantor'))
      }
    }
    const created = officeFromRow(row)
    await ctx.audit({ action: 'create', entity: ENTITY, entityId: row.id, after: created })
    await ctx.search.upsert([officeSearchDocument(created)])
    return created
  })
}

export async function updateOffice(ctx: TenantContext, ref: string, input: UpdateOfficeInput): Promise<Office> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, ref)
    if (!before) throw problem('notFound', `No office ${ref}`)
    const parentId =
      input.parentId === undefined
        ? before.parentId
        : input.parentId === null
          ? null
          : await checkParent(ctx, input.parentId, before.id)
    let next: OfficeRow = {
      ...before,
      ...(input.type ? { type: input.type } : {}),
      ...(input.name ? { nameIndonesian: input.name.id, nameEnglish: input.name.en ?? null } : {}),
      ...(input.shortName !== undefined ? { shortName: input.shortName } : {}),
      parentId,
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.kecamatan !== undefined ? { kecamatan: input.kecamatan } : {}),
      ...(input.coordinates !== undefined
        ? { lat: input.coordinates?.lat ?? null, lon: input.coordinates?.lon ?? null }
        : {}),
      ...contactColumns(input.contacts),
      ...(input.description !== undefined
        ? { descriptionIndonesian: input.description?.id ?? null, descriptionEnglish: input.description?.en ?? null }
        : {}),
      updatedAt: ctx.now().toISOString(),
    }
    next = clearStaleVerification(before, next)
    await ctx.db.update(offices).set(next).where(eq(offices.id, before.id))
    const updated = officeFromRow(next)
    await ctx.audit({
      action: 'update',
      entity: ENTITY,
      entityId: before.id,
      before: officeFromRow(before),
      after: updated,
    })
    await ctx.search.upsert([officeSearchDocument(updated)])
    return updated
  })
}

/**
 * Deletes an office that has no units, counters, positions or child offices left (409 otherwise),
 * with its schedules. Services that name it keep a dangling reference the services module reports.
 */
export async function deleteOffice(ctx: TenantContext, ref: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, ref)
    if (!before) throw problem('notFound', `No office ${ref}`)
    const count = async (table: typeof units | typeof counters | typeof positions) =>
      (await ctx.db.select({ id: table.id }).from(table).where(eq(table.officeId, before.id)).limit(1)).length
    const children = (
      await ctx.db.select({ id: offices.id }).from(offices).where(eq(offices.parentId, before.id)).limit(1)
    ).length
    if (children + (await count(units)) + (await count(counters)) + (await count(positions)) > 0)
      throw problem('conflict', 'Delete or move the units, counters, positions and child offices of this office first.')
    for (const schedule of await listSchedulesForOwner(ctx, officeOwner(before))) await deleteSchedule(ctx, schedule.id)
    await ctx.db.delete(offices).where(eq(offices.id, before.id))
    await ctx.audit({ action: 'delete', entity: ENTITY, entityId: before.id, before: officeFromRow(before) })
    await ctx.search.remove([before.id])
  })
}

export async function verifyOffice(ctx: TenantContext, ref: string, input: VerifyInput): Promise<Office> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, ref)
    if (!before) throw problem('notFound', `No office ${ref}`)
    const next: OfficeRow = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
    await ctx.db.update(offices).set(next).where(eq(offices.id, before.id))
    const updated = officeFromRow(next)
    await ctx.audit({
      action: 'verify',
      entity: ENTITY,
      entityId: before.id,
      before: officeFromRow(before),
      after: updated,
    })
    return updated
  })
}

/** Every office, by name, for editors (same as the public list: offices have no drafts). */
export async function listOfficesForEditing(
  ctx: TenantContext,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: Office[]; nextCursor: string | null }> {
  return listOffices(ctx, { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) })
}

/** Every office as search documents. */
export async function officeSearchDocuments(ctx: TenantContext): Promise<SearchDocument[]> {
  const rows = await ctx.db.select().from(offices)
  return rows.map((row) => officeSearchDocument(officeFromRow(row)))
}
