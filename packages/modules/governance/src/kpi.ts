import {
  DIMENSION_IDS,
  defineEntity,
  type EntityRecord,
  type FieldError,
  type FieldOption,
  field,
  findIndicator,
  type LocalizedText,
  type TenantContext,
  tenantIndicators,
} from '@cerdas/core'
import { officeOptions } from '@cerdas/module-directory'
import { eq } from 'drizzle-orm'
import { frequencyOfPeriod, KPI_FREQUENCIES, KPI_FREQUENCY_LABELS } from './kpi-periods'
import { kpiValues } from './kpi-tables'
import { label } from './labels'
import { DIMENSION_LABELS } from './team-member'

/** Largest magnitude of a KPI figure: a regency's budgets fit, and charts keep a finite scale. */
export const KPI_VALUE_LIMIT = 1e12

export const KPI_DIRECTIONS = ['higher', 'lower'] as const
export type KpiDirection = (typeof KPI_DIRECTIONS)[number]
export const KPI_DIRECTION_LABELS: Record<KpiDirection, LocalizedText> = {
  higher: label('Makin tinggi makin baik', 'Higher is better'),
  lower: label('Makin rendah makin baik', 'Lower is better'),
}

/** The indicators the tenant's modules compute, as choices for `computedFrom`. */
async function indicatorChoices(ctx: TenantContext): Promise<FieldOption[]> {
  return tenantIndicators(ctx).map((i) => ({ value: i.key, label: i.indicator.title, group: i.moduleTitle }))
}

const year = (name: string) =>
  field.number({ label: label(name, name === 'Tahun' ? 'Year' : name), integer: true, min: 2000, maxValue: 2100 })

const fields = {
  name: field.localizedText({ label: label('Nama indikator', 'Name'), required: true, max: 300, search: 'title' }),
  dimension: field.enum(DIMENSION_IDS, DIMENSION_LABELS, {
    label: label('Dimensi', 'Dimension'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
    help: label('Tim dimensi ini yang mengisi capaian.', "This dimension's team records the values."),
  }),
  unit: field.text({
    label: label('Satuan', 'Unit'),
    required: true,
    max: 50,
    listed: true,
    help: label('Misalnya %, hari, unit, orang.', 'E.g. %, days, units, people.'),
  }),
  direction: field.enum(KPI_DIRECTIONS, KPI_DIRECTION_LABELS, {
    label: label('Arah', 'Direction'),
    required: true,
    default: 'higher',
  }),
  frequency: field.enum(KPI_FREQUENCIES, KPI_FREQUENCY_LABELS, {
    label: label('Frekuensi pengukuran', 'Measured'),
    required: true,
    default: 'annual',
    filterable: true,
  }),
  definition: field.localizedText({
    label: label('Definisi dan cara menghitung', 'Definition and method'),
    max: 3000,
    long: true,
    search: 'body',
  }),
  sourceOffice: field.reference({
    label: label('Perangkat daerah sumber data', 'Office providing the data'),
    target: 'directory.office',
    options: officeOptions,
    filterable: true,
  }),
  baselineValue: field.number({
    label: label('Nilai dasar (baseline)', 'Baseline value'),
    min: -KPI_VALUE_LIMIT,
    maxValue: KPI_VALUE_LIMIT,
    section: label('Baseline dan target', 'Baseline and targets'),
  }),
  baselineYear: year('Tahun baseline'),
  targets: field.list({
    label: label('Target per tahun', 'Targets by year'),
    rowLabel: label('Target', 'Target'),
    maxValue: 30,
    of: {
      year: field.number({ label: label('Tahun', 'Year'), required: true, integer: true, min: 2000, maxValue: 2100 }),
      value: field.number({
        label: label('Target', 'Target'),
        required: true,
        min: -KPI_VALUE_LIMIT,
        maxValue: KPI_VALUE_LIMIT,
      }),
    },
  }),
  computedFrom: field.text({
    label: label('Dihitung otomatis dari', 'Computed from'),
    max: 80,
    options: indicatorChoices,
    help: label(
      'Indikator yang dihitung sebuah modul dari datanya sendiri; capaian periode berjalan dihitung saat dibaca.',
      "An indicator a module computes from its own data; the current period's value is computed when read.",
    ),
  }),
  sourceNote: field.longText({ label: label('Sumber data', 'Data source'), max: 1000, vouched: false }),
}

type Values = Record<string, unknown>

/** The console screen that records a KPI's values (the module's own admin route). */
export const kpiValuesPath = (id: string) => `/admin/kpi/${encodeURIComponent(id)}/nilai`

/** A KPI whose frequency no longer fits its recorded periods, or that names an unknown indicator. */
async function checkKpi(ctx: TenantContext, values: Values, id: string | null): Promise<FieldError[]> {
  const errors: FieldError[] = []
  if (typeof values.computedFrom === 'string' && !findIndicator(ctx, values.computedFrom))
    errors.push({
      pointer: '/computedFrom',
      message: `no indicator "${values.computedFrom}" among the enabled modules`,
    })
  if (id && typeof values.frequency === 'string') {
    const recorded = await ctx.db
      .select({ period: kpiValues.period })
      .from(kpiValues)
      .where(eq(kpiValues.kpiId, id))
      .limit(1)
    const period = recorded[0]?.period
    if (period && frequencyOfPeriod(period) !== values.frequency)
      errors.push({ pointer: '/frequency', message: 'cannot change while values of other periods are recorded' })
  }
  return errors
}

/**
 * Indikator kinerja (KPI) of the smart-city masterplan: unit, direction, baseline, yearly targets,
 * how it is measured and by whom; its values per period live in `governance_kpi_values`. The
 * dimension decides which team edits it and records its values.
 */
export const kpi = defineEntity({
  module: 'governance',
  name: 'kpi',
  table: 'governance_kpis',
  idPrefix: 'kpi',
  title: label('Indikator kinerja (KPI)', 'Key performance indicators'),
  noun: label('indikator kinerja', 'KPIs'),
  fields,
  order: { field: 'createdAt', direction: 'asc' },
  api: { path: '/governance/kpis', tag: 'Smart-city governance', schema: 'GovernanceKpi' },
  // Each dimension's team edits its own (ADR 0117).
  dimensionField: 'dimension',
  rules: [
    {
      field: 'targets',
      message: 'has one target per year',
      holds: (v: Values) =>
        !Array.isArray(v.targets) ||
        new Set((v.targets as { year: number }[]).map((t) => t.year)).size === v.targets.length,
    },
  ],
  // Values are recorded on a screen of their own, linked from the KPI's page and row.
  admin: (generated) => ({
    ...generated,
    links: (item) => [{ label: label('Catat nilai', 'Record values'), url: kpiValuesPath(String(item.id)) }],
  }),
  hooks: {
    check: checkKpi,
    // Values are the KPI's own: they go with it (the audit trail keeps what they were).
    beforeDelete: async (ctx, id) => {
      await ctx.db.delete(kpiValues).where(eq(kpiValues.kpiId, id))
    },
  },
})

export type Kpi = EntityRecord<typeof fields>
