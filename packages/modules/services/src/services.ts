import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  type FieldError,
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
  countersByIds,
  findCounter,
  findOffice,
  findUnit,
  type Office,
  officeOwner,
  officesByIds,
} from '@cerdas/module-directory'
import { deleteSchedule, listSchedulesForOwner, type OwnerStatus, statusForOwners } from '@cerdas/module-schedules'
import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { services } from './schema'
import type {
  Audience,
  CreateServiceInput,
  ListQuery,
  Service,
  ServiceCategory,
  UpdateServiceInput,
} from './validation'

type ServiceRow = typeof services.$inferSelect
type Text = { id: string; en?: string }
const ENTITY = 'services.service'
/** Search rank of services: the highest, so "ktp" answers with the service before its office or news. */
export const SERVICE_SEARCH_BOOST = 5

const text = (id: string, en: string | null | undefined): Text => ({ id, ...(en ? { en } : {}) })
const textOrNull = (id: string | null, en: string | null) => (id ? text(id, en) : null)

export function serviceFromRow(row: ServiceRow): Service {
  return {
    id: row.id,
    slug: row.slug,
    name: text(row.nameIndonesian, row.nameEnglish),
    summary: textOrNull(row.summaryIndonesian, row.summaryEnglish),
    synonyms: JSON.parse(row.synonyms) as string[],
    category: row.category as ServiceCategory,
    audience: JSON.parse(row.audience) as Audience[],
    officeId: row.officeId,
    unitId: row.unitId ?? null,
    locations: JSON.parse(row.locations) as Service['locations'],
    requirements: JSON.parse(row.requirements) as Service['requirements'],
    procedure: JSON.parse(row.procedure) as Text[],
    fee: {
      free: row.feeFree === 1,
      amount: row.feeAmount ?? null,
      note: textOrNull(row.feeNoteIndonesian, row.feeNoteEnglish),
      legalBasis: row.feeLegalBasis ?? null,
    },
    processingTime:
      row.processingValue !== null && row.processingUnit
        ? {
            value: row.processingValue,
            unit: row.processingUnit as NonNullable<Service['processingTime']>['unit'],
            ...(row.processingNoteIndonesian
              ? { note: text(row.processingNoteIndonesian, row.processingNoteEnglish) }
              : {}),
          }
        : null,
    product: textOrNull(row.productIndonesian, row.productEnglish),
    legalBasis: JSON.parse(row.legalBasis) as string[],
    complaint: row.complaint ? (JSON.parse(row.complaint) as Service['complaint']) : null,
    onlineUrl: row.onlineUrl ?? null,
    related: JSON.parse(row.related) as string[],
    verification: verificationOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export const serviceUrl = (s: { slug: string }) => `/layanan/${s.slug}`
/** The schedules owner of a service's own hours or presence: `services` / `service` / its slug. */
export const serviceOwner = (s: { slug: string }) => ({ module: 'services', type: 'service', id: s.slug })

async function findRow(ctx: TenantContext, ref: string): Promise<ServiceRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(services)
    .where(or(eq(services.id, ref), eq(services.slug, ref)))
    .limit(1)
  return row
}

export async function getService(ctx: TenantContext, ref: string): Promise<Service> {
  const row = await findRow(ctx, ref)
  if (!row) throw problem('notFound', `No service ${ref}`)
  return serviceFromRow(row)
}

export async function findService(ctx: TenantContext, ref: string): Promise<Service | null> {
  const row = await findRow(ctx, ref)
  return row ? serviceFromRow(row) : null
}

/** Services by name, filtered by category, responsible office and words (name or synonyms). */
export async function listServices(
  ctx: TenantContext,
  query: ListQuery,
): Promise<{ items: Service[]; nextCursor: string | null }> {
  const where = []
  if (query.category) where.push(eq(services.category, query.category))
  if (query.office) {
    const office = await findOffice(ctx, query.office)
    if (!office) return { items: [], nextCursor: null }
    where.push(eq(services.officeId, office.id))
  }
  if (query.q) {
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${likeEscape(word)}%`
      where.push(
        sql`(lower(${services.nameIndonesian}) LIKE ${like} ESCAPE '\\' OR lower(coalesce(${services.nameEnglish}, '')) LIKE ${like} ESCAPE '\\'
          OR lower(${services.synonyms}) LIKE ${like} ESCAPE '\\')`,
      )
    }
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    if (cursor?.length !== 2 || typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string')
      throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where.push(
      sql`(${services.nameIndonesian} > ${cursor[0]} OR (${services.nameIndonesian} = ${cursor[0]} AND ${services.id} > ${cursor[1]}))`,
    )
  }
  const rows = await ctx.db
    .select()
    .from(services)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(services.nameIndonesian, services.id)
    .limit(query.limit + 1)
  const items = rows.slice(0, query.limit).map(serviceFromRow)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.name.id, last.id]) : null }
}

/** How many services each category has, for filters that only offer what exists. */
export async function serviceCategoryCounts(ctx: TenantContext): Promise<Partial<Record<ServiceCategory, number>>> {
  const rows = await ctx.db
    .select({ category: services.category, count: sql<number>`count(*)` })
    .from(services)
    .groupBy(services.category)
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.count)]))
}

/** Services an office is responsible for or offers at its counters, by name (at most 200). */
export async function listServicesAtOffice(ctx: TenantContext, officeId: string): Promise<Service[]> {
  const needle = `%"officeId":"${likeEscape(officeId)}"%`
  const rows = await ctx.db
    .select()
    .from(services)
    .where(or(eq(services.officeId, officeId), sql`${services.locations} LIKE ${needle} ESCAPE '\\'`))
    .orderBy(services.nameIndonesian, services.id)
    .limit(200)
  return rows.map(serviceFromRow)
}

export function serviceSearchDocument(s: Service): SearchDocument {
  return {
    id: s.id,
    module: 'services',
    kind: 'service',
    title: s.name,
    ...(s.summary ? { body: s.summary } : {}),
    // The office's name is not a keyword: asking for "disdukcapil" answers with the office, whose page lists its services.
    keywords: [...s.synonyms, s.category, s.slug],
    url: serviceUrl(s),
    boost: SERVICE_SEARCH_BOOST,
  }
}

interface References {
  officeId: string
  unitId: string | null
  locations: { officeId: string; counterId: string | null }[]
  related: string[]
}

/**
 * Checks every reference through the directory's exported functions (and this module's own
 * services), reporting all problems at once as a 422 with pointers.
 */
async function resolveReferences(
  ctx: TenantContext,
  input: {
    officeId: string
    unitId?: string | null | undefined
    locations?: { officeId: string; counterId?: string | undefined }[] | undefined
    related?: string[] | undefined
  },
  selfId: string | null,
): Promise<References> {
  const errors: FieldError[] = []
  const office = await findOffice(ctx, input.officeId)
  if (!office) errors.push({ pointer: '/officeId', message: `no office ${input.officeId}` })
  let unitId: string | null = null
  if (input.unitId) {
    const unit = await findUnit(ctx, input.unitId)
    if (!unit) errors.push({ pointer: '/unitId', message: `no unit ${input.unitId}` })
    else if (office && unit.officeId !== office.id)
      errors.push({ pointer: '/unitId', message: 'the unit belongs to another office' })
    else unitId = unit.id
  }
  const locations: References['locations'] = []
  for (const [i, location] of (input.locations ?? []).entries()) {
    const where = await findOffice(ctx, location.officeId)
    if (!where) {
      errors.push({ pointer: `/locations/${i}/officeId`, message: `no office ${location.officeId}` })
      continue
    }
    let counterId: string | null = null
    if (location.counterId) {
      const counter = await findCounter(ctx, location.counterId)
      if (!counter || counter.officeId !== where.id)
        errors.push({ pointer: `/locations/${i}/counterId`, message: 'no such counter in that office' })
      else counterId = counter.id
    }
    locations.push({ officeId: where.id, counterId })
  }
  const related: string[] = []
  for (const [i, ref] of (input.related ?? []).entries()) {
    const other = await findRow(ctx, ref)
    if (!other) errors.push({ pointer: `/related/${i}`, message: `no service ${ref}` })
    else if (other.id === selfId)
      errors.push({ pointer: `/related/${i}`, message: 'a service cannot relate to itself' })
    else if (!related.includes(other.id)) related.push(other.id)
  }
  if (errors.length > 0)
    throw problem('validation', errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), { errors })
  return { officeId: (office as Office).id, unitId, locations, related }
}

function feeColumns(fee: CreateServiceInput['fee']) {
  return {
    feeFree: fee.free ? 1 : 0,
    feeAmount: fee.free ? null : fee.amount,
    feeNoteIndonesian: fee.note?.id ?? null,
    feeNoteEnglish: fee.note?.en ?? null,
    feeLegalBasis: fee.legalBasis ?? null,
  }
}

function processingColumns(time: CreateServiceInput['processingTime']) {
  return {
    processingValue: time?.value ?? null,
    processingUnit: time?.unit ?? null,
    processingNoteIndonesian: time?.note?.id ?? null,
    processingNoteEnglish: time?.note?.en ?? null,
  }
}

async function freeSlug(ctx: TenantContext, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await findRow(ctx, candidate))) return candidate
  }
  throw problem('conflict', `No free slug for ${base}`)
}

async function indexService(ctx: TenantContext, service: Service) {
  await ctx.search.upsert([serviceSearchDocument(service)])
}

export async function createService(
  ctx: TenantContext,
  input: CreateServiceInput,
  options: { seedKey?: string; verification?: { at: string; by: string; source: string | null } } = {},
): Promise<Service> {
  return ctx.transaction(async (ctx) => {
    if (input.slug && (await findRow(ctx, input.slug))) throw problem('conflict', `The slug ${input.slug} is taken`)
    const refs = await resolveReferences(ctx, input, null)
    const now = ctx.now().toISOString()
    const row: ServiceRow = {
      id: newId('svc'),
      seedKey: options.seedKey ?? null,
      slug: input.slug ?? (await freeSlug(ctx, slugify(input.name.id, 'layanan'))),
      nameIndonesian: input.name.id,
      nameEnglish: input.name.en ?? null,
      summaryIndonesian: input.summary?.id ?? null,
      summaryEnglish: input.summary?.en ?? null,
      synonyms: JSON.stringify(input.synonyms ?? []),
      category: input.category,
      audience: JSON.stringify(input.audience ?? []),
      officeId: refs.officeId,
      unitId: refs.unitId,
      locations: JSON.stringify(refs.locations),
      requirements: JSON.stringify(input.requirements ?? []),
      procedure: JSON.stringify(input.procedure ?? []),
      ...feeColumns(input.fee),
      ...processingColumns(input.processingTime),
      productIndonesian: input.product?.id ?? null,
      productEnglish: input.product?.en ?? null,
      legalBasis: JSON.stringify(input.legalBasis ?? []),
      complaint: input.complaint ? JSON.stringify(input.complaint) : null,
      onlineUrl: input.onlineUrl ?? null,
      related: JSON.stringify(refs.related),
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(services).values(row)
    const created = serviceFromRow(row)
    await ctx.audit({ action: 'create', entity: ENTITY, entityId: row.id, after: created })
    await indexService(ctx, created)
    return created
  })
}

export async function updateService(ctx: TenantContext, ref: string, input: UpdateServiceInput): Promise<Service> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, ref)
    if (!before) throw problem('notFound', `No service ${ref}`)
    const current = serviceFromRow(before)
    const officeChanged = input.officeId !== undefined
    const refs = await resolveReferences(
      ctx,
      {
        officeId: input.officeId ?? current.officeId,
        // A unit belongs to one office: moving the service to another office drops the old unit unless a new one is given.
        unitId: input.unitId !== undefined ? input.unitId : officeChanged ? null : current.unitId,
        locations:
          input.locations ??
          current.locations.map((l) => ({ officeId: l.officeId, ...(l.counterId ? { counterId: l.counterId } : {}) })),
        related: input.related ?? current.related,
      },
      before.id,
    )
    let next: ServiceRow = {
      ...before,
      ...(input.name ? { nameIndonesian: input.name.id, nameEnglish: input.name.en ?? null } : {}),
      ...(input.summary !== undefined
        ? { summaryIndonesian: input.summary?.id ?? null, summaryEnglish: input.summary?.en ?? null }
        : {}),
      ...(input.synonyms ? { synonyms: JSON.stringify(input.synonyms) } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.audience ? { audience: JSON.stringify(input.audience) } : {}),
      officeId: refs.officeId,
      unitId: refs.unitId,
      locations: JSON.stringify(refs.locations),
      ...(input.requirements ? { requirements: JSON.stringify(input.requirements) } : {}),
      ...(input.procedure ? { procedure: JSON.stringify(input.procedure) } : {}),
      ...(input.fee ? feeColumns(input.fee) : {}),
      ...(input.processingTime !== undefined ? processingColumns(input.processingTime) : {}),
      ...(input.product !== undefined
        ? { productIndonesian: input.product?.id ?? null, productEnglish: input.product?.en ?? null }
        : {}),
      ...(input.legalBasis ? { legalBasis: JSON.stringify(input.legalBasis) } : {}),
      ...(input.complaint !== undefined ? { complaint: input.complaint ? JSON.stringify(input.complaint) : null } : {}),
      ...(input.onlineUrl !== undefined ? { onlineUrl: input.onlineUrl } : {}),
      related: JSON.stringify(refs.related),
      updatedAt: ctx.now().toISOString(),
    }
    next = clearStaleVerification(before, next)
    await ctx.db.update(services).set(next).where(eq(services.id, before.id))
    const updated = serviceFromRow(next)
    await ctx.audit({ action: 'update', entity: ENTITY, entityId: before.id, before: current, after: updated })
    await indexService(ctx, updated)
    return updated
  })
}

/** Deletes a service and its own schedules; other services' links to it are left out of their details. */
export async function deleteService(ctx: TenantContext, ref: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, ref)
    if (!before) throw problem('notFound', `No service ${ref}`)
    for (const schedule of await listSchedulesForOwner(ctx, serviceOwner(before)))
      await deleteSchedule(ctx, schedule.id)
    await ctx.db.delete(services).where(eq(services.id, before.id))
    await ctx.audit({ action: 'delete', entity: ENTITY, entityId: before.id, before: serviceFromRow(before) })
    await ctx.search.remove([before.id])
  })
}

export async function verifyService(
  ctx: TenantContext,
  ref: string,
  input: { source?: string | undefined },
): Promise<Service> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, ref)
    if (!before) throw problem('notFound', `No service ${ref}`)
    const _now = ctx.now().toISOString()
    const next: ServiceRow = {
      ...before,
      ...verificationStamp(ctx, input.source, before.verificationSource),
    }
    await ctx.db.update(services).set(next).where(eq(services.id, before.id))
    const updated = serviceFromRow(next)
    await ctx.audit({
      action: 'verify',
      entity: ENTITY,
      entityId: before.id,
      before: serviceFromRow(before),
      after: updated,
    })
    return updated
  })
}

type ScheduleStatusEntry = OwnerStatus['presence'][number]

export interface ServiceDetail {
  service: Service
  office: Office | null
  unit: Awaited<ReturnType<typeof findUnit>>
  locations: { office: Office; counter: Awaited<ReturnType<typeof findCounter>> }[]
  openNow: boolean | null
  hours: ScheduleStatusEntry | null
  presence: ScheduleStatusEntry[]
  related: { id: string; slug: string; name: Text }[]
}

/**
 * Everything journey 1 shows on one screen: the service with its office, bidang, counters, whether
 * it is open now (the service's own hours if it has any, else the office's; holiday- and
 * break-aware) and when the officers for this service are present (presence schedules of the
 * office, the places it is offered or the service itself whose service references name it).
 */
export async function getServiceDetail(ctx: TenantContext, ref: string, at?: Date): Promise<ServiceDetail> {
  const service = await getService(ctx, ref)
  const officeIds = [service.officeId, ...service.locations.map((l) => l.officeId)]
  const officeMap = await officesByIds(ctx, officeIds)
  const office = officeMap.get(service.officeId) ?? null
  const unit = service.unitId ? await findUnit(ctx, service.unitId) : null
  // Everything the page names is fetched by batches, so its queries do not grow with the lists.
  const counterMap = await countersByIds(
    ctx,
    service.locations.flatMap((l) => (l.counterId ? [l.counterId] : [])),
  )
  const locations: ServiceDetail['locations'] = []
  for (const location of service.locations) {
    const where = officeMap.get(location.officeId)
    if (!where) continue
    locations.push({ office: where, counter: location.counterId ? (counterMap.get(location.counterId) ?? null) : null })
  }
  const owners = [serviceOwner(service), ...[...officeMap.values()].map(officeOwner)]
  const statuses = await statusForOwners(ctx, owners, at)
  const [own, ...offices] = statuses as [OwnerStatus, ...OwnerStatus[]]
  const officeStatus = office ? offices[[...officeMap.keys()].indexOf(office.id)] : undefined
  const hours = own.hours ?? officeStatus?.hours ?? null
  const covers = (entry: ScheduleStatusEntry) =>
    entry.schedule.services.includes(service.id) || entry.schedule.services.includes(service.slug)
  const seen = new Set<string>()
  const presence = [...own.presence, ...offices.flatMap((s) => s.presence.filter(covers))].filter((entry) => {
    if (seen.has(entry.schedule.id)) return false
    seen.add(entry.schedule.id)
    return true
  })
  const relatedRows =
    service.related.length === 0
      ? []
      : await ctx.db
          .select()
          .from(services)
          .where(or(inArray(services.id, service.related), inArray(services.slug, service.related)))
  const related: ServiceDetail['related'] = service.related.flatMap((ref) => {
    const other = relatedRows.find((row) => row.id === ref || row.slug === ref)
    return other ? [{ id: other.id, slug: other.slug, name: text(other.nameIndonesian, other.nameEnglish) }] : []
  })
  return {
    service,
    office,
    unit,
    locations,
    openNow: hours ? hours.status.open : null,
    hours,
    presence,
    related,
  }
}

export async function listServicesForEditing(ctx: TenantContext, page: { cursor?: string | undefined; limit: number }) {
  return listServices(ctx, { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) })
}

/** Every service as search documents. */
export async function serviceSearchDocuments(ctx: TenantContext): Promise<SearchDocument[]> {
  const rows = await ctx.db.select().from(services)
  return rows.map((row) => serviceSearchDocument(serviceFromRow(row)))
}
