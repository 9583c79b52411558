import type { LocalizedText } from './localized-text'
import type { TenantContext } from './tenant'

/** The span an indicator is computed over: UTC instants, `from` included, `to` excluded. */
export interface IndicatorPeriod {
  from: string
  to: string
}

/**
 * A measure a module can compute from its own data (the share of reports resolved within their
 * deadline): other modules (the smart-city KPIs) name it as `module.id` and ask for a value,
 * never reading the module's tables themselves.
 */
export interface ModuleIndicator {
  /** Lowercase id, unique in the module, e.g. `resolved-on-time`; named as `module.id`. */
  id: string
  title: LocalizedText
  /** What a value counts in, e.g. `%`. */
  unit: string
  /** How it is computed, in a sentence, for whoever links a KPI to it. */
  description?: LocalizedText
  /** The value over the period, or null when there is nothing to count (no reports at all). */
  compute(ctx: TenantContext, period: IndicatorPeriod): Promise<number | null>
}

/** An indicator with the module that declares it, as the tenant sees it. */
export interface TenantIndicator {
  /** `module.id`. */
  key: string
  module: string
  moduleTitle: LocalizedText
  indicator: ModuleIndicator
}

/** The indicators of the modules the tenant has enabled, in the platform's module order. */
export function tenantIndicators(ctx: TenantContext): TenantIndicator[] {
  return ctx.modules
    .filter((m) => ctx.tenant.modules[m.id])
    .flatMap((m) =>
      (m.indicators ?? []).map((indicator) => ({
        key: `${m.id}.${indicator.id}`,
        module: m.id,
        moduleTitle: m.title,
        indicator,
      })),
    )
}

/** One indicator by its `module.id` key, when the tenant has its module enabled; else undefined. */
export function findIndicator(ctx: TenantContext, key: string): TenantIndicator | undefined {
  return tenantIndicators(ctx).find((i) => i.key === key)
}

/** A share as a percentage with one decimal, or null when there is nothing to share. */
export function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10
}
