import type { Locale, TenantContext } from '@cerdas/core'
import {
  type Counter,
  findOffice,
  listCountersOfOffice,
  listOffices,
  listUnitsOfOffice,
  type Office,
  officeOwner,
  type Unit,
} from '@cerdas/module-directory'
import { listSchedulesForOwner, type Schedule } from '@cerdas/module-schedules'
import { hsdsId, isHsdsId } from './hsds-ids'
import type { Service } from './service'
import { service, serviceColumns } from './service'
import { findService } from './services'

export interface HsdsOptions {
  /** Origin of the public pages and API, e.g. `https://tobakab.go.id`; default `https://<primary host>`. */
  origin?: string | undefined
  /** Language of the text fields; default the tenant's default language. */
  locale?: Locale | undefined
}

/** An office with what its HSDS organization and location show. */
export interface OfficeBundle {
  office: Office
  units: Unit[]
  counters: Counter[]
  schedules: Schedule[]
}

/** Reads what an export needs once per request, through the directory's and schedules' exported functions. */
export class HsdsLoader {
  readonly locale: Locale
  readonly origin: string
  readonly now: Date
  private offices: Promise<Office[]> | undefined
  private readonly bundles = new Map<string, Promise<OfficeBundle | null>>()
  private serviceIds: Promise<Set<string>> | undefined

  constructor(
    readonly ctx: TenantContext,
    options: HsdsOptions,
  ) {
    this.locale = options.locale ?? ctx.tenant.defaultLocale
    this.origin = (options.origin ?? `https://${ctx.tenant.primaryHost}`).replace(/\/+$/, '')
    this.now = ctx.now()
  }

  /** Every office, by name (a regency has hundreds at most). */
  allOffices(): Promise<Office[]> {
    this.offices ??= (async () => {
      const out: Office[] = []
      let cursor: string | undefined
      do {
        const page = await listOffices(this.ctx, { limit: 100, ...(cursor ? { cursor } : {}) })
        out.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return out
    })()
    return this.offices
  }

  office(id: string): Promise<OfficeBundle | null> {
    let bundle = this.bundles.get(id)
    if (!bundle) {
      bundle = (async () => {
        const office = await findOffice(this.ctx, id)
        if (!office) return null
        const [units, counters, schedules] = await Promise.all([
          listUnitsOfOffice(this.ctx, office.id),
          listCountersOfOffice(this.ctx, office.id),
          listSchedulesForOwner(this.ctx, officeOwner(office)),
        ])
        return { office, units, counters, schedules }
      })()
      this.bundles.set(id, bundle)
    }
    return bundle
  }

  /** Ids of every service of the tenant (to drop links to deleted services). */
  existingServiceIds(): Promise<Set<string>> {
    this.serviceIds ??= this.ctx.db
      .select({ id: serviceColumns.id })
      .from(service.table)
      .then((rows) => new Set(rows.map((r) => r.id as string)))
    return this.serviceIds
  }

  /** An office by HSDS id, Cerdas id or slug. */
  async resolveOffice(ref: string): Promise<Office | null> {
    if (isHsdsId(ref)) {
      const wanted = ref.toLowerCase()
      return (await this.allOffices()).find((o) => hsdsId('organization', o.id) === wanted) ?? null
    }
    return findOffice(this.ctx, ref)
  }

  /** A service by HSDS id, Cerdas id or slug. */
  async resolveService(ref: string): Promise<Service | null> {
    if (isHsdsId(ref)) {
      const wanted = ref.toLowerCase()
      const id = [...(await this.existingServiceIds())].find((s) => hsdsId('service', s) === wanted)
      return id ? findService(this.ctx, id) : null
    }
    return findService(this.ctx, ref)
  }
}
