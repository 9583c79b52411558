import { DIMENSIONS, type DimensionId } from '@cerdas/core'
import { type Locale, pickText, type TenantSite } from '@cerdas/core/web'

/** One enabled module as the smart-city page shows it: its title, its page and its live counts. */
export interface ModuleOffer {
  id: string
  title: string
  url: string | null
  /** Public records per entity that has a public page, e.g. 12 attractions, 4 events. */
  counts: { entity: string; title: string; count: number; url: string }[]
}

/** A dimension with what the tenant offers in it today. */
export interface DimensionOffer {
  id: DimensionId
  title: string
  summary: string
  modules: ModuleOffer[]
}

/**
 * The six dimensions with the tenant's enabled modules in each and how many public records each
 * module's entities hold now: counted through each entity's own `count`, never by reading
 * another module's tables.
 */
export async function dimensionOffers(site: TenantSite, locale: Locale): Promise<DimensionOffer[]> {
  const { ctx } = site
  const enabled = site.definitions.filter((m) => ctx.tenant.modules[m.id])
  const offers: ModuleOffer[] = []
  const dimensionOf = new Map<string, DimensionId>()
  for (const mod of enabled) {
    const counts: ModuleOffer['counts'] = []
    for (const entity of mod.entities ?? []) {
      if (!entity.declaration.page) continue
      counts.push({
        entity: entity.name,
        title: pickText(entity.declaration.title, locale),
        count: await entity.count(ctx),
        url: entity.urls.list,
      })
    }
    offers.push({ id: mod.id, title: pickText(mod.title, locale), url: mod.web?.nav?.[0]?.path ?? null, counts })
    dimensionOf.set(mod.id, mod.dimension)
  }
  return DIMENSIONS.map((d) => ({
    id: d.id,
    title: pickText(d.title, locale),
    summary: pickText(d.summary, locale),
    modules: offers.filter((o) => dimensionOf.get(o.id) === d.id),
  }))
}
