import {
  type DatasetFrequency,
  findIndicator,
  type IndicatorMetadata,
  type ModuleOpenData,
  type TenantContext,
} from '@cerdas/core'
import { office } from '@cerdas/module-directory'
import { kpi } from './kpi'
import type { KpiFrequency } from './kpi-periods'
import { type KpiSeries, kpiSeries } from './kpi-values'

const FREQUENCIES: Record<KpiFrequency, DatasetFrequency> = {
  annual: 'annual',
  semester: 'semiannual',
  quarterly: 'quarterly',
  monthly: 'monthly',
}

const COLUMNS = [
  'kpi',
  'kpi_name_id',
  'kpi_name_en',
  'dimension',
  'unit',
  'period',
  'value',
  'target',
  'computed_from',
  'source',
  'recorded_at',
]

/** The recorded value of each period of each KPI, one row each (who recorded it stays out). */
function rowsOf(series: readonly KpiSeries[]): Record<string, unknown>[] {
  return series.flatMap((k) =>
    k.actuals.map((actual) => ({
      kpi: k.slug ?? k.id,
      kpi_name_id: k.name.id,
      kpi_name_en: k.name.en ?? null,
      dimension: k.dimension,
      unit: k.unit,
      period: actual.period,
      value: actual.value,
      target: actual.target,
      computed_from: actual.computedFrom,
      source: actual.source,
      recorded_at: actual.recordedAt,
    })),
  )
}

/**
 * Satu Data Indonesia's standard metadata of each KPI: definition, unit, method, frequency, the
 * office producing the data and the span of its recorded values.
 */
async function kpiIndicators(ctx: TenantContext): Promise<IndicatorMetadata[]> {
  const series = await kpiSeries(ctx)
  const offices = await office.byKeys(
    ctx,
    series.flatMap((k) => (k.sourceOffice ? [k.sourceOffice] : [])),
  )
  return series.map((k) => {
    const computed = k.computedFrom ? findIndicator(ctx, k.computedFrom) : undefined
    const periods = k.actuals.map((a) => a.period)
    const definition = k.definition ?? k.name
    return {
      id: k.slug ?? k.id,
      name: k.name,
      definition,
      unit: k.unit,
      method: computed
        ? (computed.indicator.description ?? {
            id: `Dihitung otomatis dari ${computed.indicator.title.id} (${computed.moduleTitle.id})`,
            en: `Computed from ${computed.indicator.title.en ?? computed.indicator.title.id}`,
          })
        : definition,
      frequency: FREQUENCIES[k.frequency as KpiFrequency] ?? 'annual',
      producer: k.sourceOffice ? offices.get(k.sourceOffice)?.name : undefined,
      period: periods.length > 0 ? `${periods[0]}/${periods.at(-1)}` : undefined,
    }
  })
}

/** The smart-city KPIs' values as open data, with each KPI's indicator metadata. */
export const governanceOpenData: ModuleOpenData = {
  datasets: [
    {
      id: 'kpi_values',
      title: { id: 'Capaian indikator kinerja kota cerdas', en: 'Smart-city KPI values' },
      description: {
        id: 'Nilai setiap indikator kinerja (KPI) kota cerdas per periode, dengan target tahunnya, satuan, dan metadata indikator.',
        en: "Each smart-city KPI's value per period, with the year's target, unit and indicator metadata.",
      },
      keywords: ['indikator kinerja', 'KPI', 'kota cerdas'],
      // Values are written with the KPI's audit entries.
      auditEntities: [kpi.qualifiedName],
      table: {
        columns: COLUMNS,
        // A regency has tens of KPIs with a value per period: one read holds them all.
        rows: async (ctx) => ({ items: rowsOf(await kpiSeries(ctx)), nextCursor: null }),
      },
      indicators: kpiIndicators,
    },
  ],
}
