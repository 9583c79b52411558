import { type Locale, problem, type TenantContext } from '@cerdas/core'
import { listOffices, type Office } from '@cerdas/module-directory'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import { HSDS_VERSION } from './hsds-ids'
import { HsdsLoader, type HsdsOptions } from './hsds-loader'
import type { HsdsOrganization } from './hsds-organization-schemas'
import { hsdsOrganization } from './hsds-organizations'
import type { HsdsPage, HsdsRoot } from './hsds-page-schemas'
import type {
  HsdsDetailQuery,
  HsdsOrganizationsQuery,
  HsdsServiceAtLocationsQuery,
  HsdsServicesQuery,
} from './hsds-query-schemas'
import { hsdsServiceAtLocation, type Place, placesOf } from './hsds-service-at-locations'
import type { HsdsService, HsdsServiceAtLocation } from './hsds-service-schemas'
import { hsdsService } from './hsds-services'
import { pick } from './hsds-wording'
import { serviceColumns as columns, service as entity, type Service } from './service'
import { serviceWordConditions } from './services'

/**
 * Open Referral HSDS 3 export of the regency's directory and services (docs/interoperability-hsds.md).
 *
 * Offices become HSDS organizations, each with itself as its one physical location; services become
 * HSDS services with their responsible organization, the places they are offered
 * (service_at_location, one per office and counter), required documents, cost option, contacts,
 * category and schedules. Cerdas data HSDS has no field for travels in `x_cerdas_*` properties.
 *
 * This file holds the export's public functions (the lists with HSDS paging and the single
 * records); `hsds-organizations.ts`, `hsds-services.ts`, `hsds-service-at-locations.ts` and
 * `hsds-schedules.ts` build the HSDS objects, `hsds-ids.ts` makes their ids, and `hsds-loader.ts`
 * reads what one request needs once. The single-record routes accept the HSDS id as well as the
 * Cerdas id or slug.
 */

export type { HsdsOptions } from './hsds-loader'

/** The HSDS API list envelope for one page of `perPage` items out of `total`. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage)
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: total === 0,
    contents,
  }
}

/** The filters of a services query, or null when it names an organization that does not exist. */
async function serviceFilters(
  loader: HsdsLoader,
  query: { search?: string | undefined; organization_id?: string | undefined },
): Promise<SQL | undefined | null> {
  const where = serviceWordConditions(query.search)
  if (query.organization_id) {
    const office = await loader.resolveOffice(query.organization_id)
    if (!office) return null
    where.push(eq(columns.officeId, office.id))
  }
  return where.length > 0 ? and(...where) : undefined
}

/** Services matching `where`, by name, one page of them when asked. */
async function servicesWhere(
  ctx: TenantContext,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
): Promise<Service[]> {
  const ordered = ctx.db
    .select({ id: columns.id })
    .from(entity.table)
    .where(where)
    .orderBy(columns.nameIndonesian, columns.id)
  const rows = await (page ? ordered.limit(page.limit).offset(page.offset) : ordered)
  const found = await entity.byKeys(
    ctx,
    rows.map((r) => r.id as string),
  )
  return rows.flatMap((r) => (found.get(r.id as string) as Service | undefined) ?? [])
}

const optionsOf = (query: { lang?: Locale | undefined }, options: HsdsOptions): HsdsOptions => ({
  ...options,
  ...(query.lang ? { locale: query.lang } : {}),
})

/** A page of fully nested HSDS services, by name, filtered by words and responsible organization. */
export async function listHsdsServices(
  ctx: TenantContext,
  query: HsdsServicesQuery,
  options: HsdsOptions = {},
): Promise<HsdsPage<HsdsService>> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const where = await serviceFilters(loader, query)
  if (where === null) return hsdsPage([], 0, query.page, query.per_page)
  const [count] = await ctx.db.select({ n: sql<number>`count(*)` }).from(entity.table).where(where)
  const found = await servicesWhere(ctx, where, { limit: query.per_page, offset: (query.page - 1) * query.per_page })
  const contents: HsdsService[] = []
  for (const service of found) contents.push(await hsdsService(service, loader))
  return hsdsPage(contents, Number(count?.n ?? 0), query.page, query.per_page)
}

/** One fully nested HSDS service by HSDS id, Cerdas id or slug; 404 when there is none. */
export async function getHsdsService(
  ctx: TenantContext,
  ref: string,
  query: HsdsDetailQuery = {},
  options: HsdsOptions = {},
): Promise<HsdsService> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const service = await loader.resolveService(ref)
  if (!service) throw problem('notFound', `No service ${ref}`)
  return hsdsService(service, loader)
}

/** A page of HSDS organizations (every office of the directory), by name, filtered by words. */
export async function listHsdsOrganizations(
  ctx: TenantContext,
  query: HsdsOrganizationsQuery,
  options: HsdsOptions = {},
): Promise<HsdsPage<HsdsOrganization>> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  let offices: Office[]
  if (query.search) {
    offices = []
    let cursor: string | undefined
    do {
      const page = await listOffices(ctx, { limit: 100, q: query.search, ...(cursor ? { cursor } : {}) })
      offices.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  } else {
    offices = await loader.allOffices()
  }
  const start = (query.page - 1) * query.per_page
  const contents: HsdsOrganization[] = []
  for (const office of offices.slice(start, start + query.per_page)) {
    const bundle = await loader.office(office.id)
    if (bundle) contents.push(hsdsOrganization(bundle, loader))
  }
  return hsdsPage(contents, offices.length, query.page, query.per_page)
}

/** One HSDS organization by HSDS id, or the office's Cerdas id or slug; 404 when there is none. */
export async function getHsdsOrganization(
  ctx: TenantContext,
  ref: string,
  query: HsdsDetailQuery = {},
  options: HsdsOptions = {},
): Promise<HsdsOrganization> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const office = await loader.resolveOffice(ref)
  const bundle = office ? await loader.office(office.id) : null
  if (!bundle) throw problem('notFound', `No office ${ref}`)
  return hsdsOrganization(bundle, loader)
}

export type HsdsServiceAtLocationItem = HsdsServiceAtLocation & {
  x_cerdas_service_id: string
  x_cerdas_service_name: string
}

/** A page of HSDS service_at_location records (every place of every service, by service name). */
export async function listHsdsServiceAtLocations(
  ctx: TenantContext,
  query: HsdsServiceAtLocationsQuery,
  options: HsdsOptions = {},
): Promise<HsdsPage<HsdsServiceAtLocationItem>> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const where = await serviceFilters(loader, query)
  if (where === null) return hsdsPage([], 0, query.page, query.per_page)
  const all: { service: Service; place: Place }[] = []
  for (const service of await servicesWhere(ctx, where)) {
    for (const place of await placesOf(service, loader)) all.push({ service, place })
  }
  const start = (query.page - 1) * query.per_page
  const contents = all.slice(start, start + query.per_page).map(({ service, place }) => ({
    ...hsdsServiceAtLocation(service, place, loader),
    x_cerdas_service_id: service.id,
    x_cerdas_service_name: pick(service.name, loader.locale),
  }))
  return hsdsPage(contents, all.length, query.page, query.per_page)
}

/** The HSDS API root (`GET /`): version and where the OpenAPI document and the lists are. */
export function hsdsRoot(ctx: TenantContext, options: HsdsOptions = {}): HsdsRoot {
  const origin = (options.origin ?? `https://${ctx.tenant.primaryHost}`).replace(/\/+$/, '')
  const api = `${origin}/api/v1`
  return {
    version: HSDS_VERSION,
    openapi_url: `${origin}/api/openapi.json`,
    description: `Open Referral HSDS ${HSDS_VERSION} export of the public services and government offices of ${ctx.tenant.name}`,
    publisher: { name: ctx.tenant.name, website: origin },
    x_cerdas_endpoints: {
      services: `${api}/services/hsds/services`,
      service: `${api}/services/{id}/hsds`,
      organizations: `${api}/services/hsds/organizations`,
      organization: `${api}/directory/offices/{id}/hsds`,
      service_at_locations: `${api}/services/hsds/service_at_locations`,
    },
  }
}
