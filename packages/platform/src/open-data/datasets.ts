import {
  type AnyEntity,
  type AnyModule,
  type DatasetFrequency,
  type DatasetLink,
  type DatasetRows,
  DIMENSION_EU_THEMES,
  type DimensionId,
  type EuDataTheme,
  type IndicatorMetadata,
  type LocalizedText,
  type TenantContext,
} from '@cerdas/core'
import { entityColumns, entityRowCells } from './entity-columns'

/** Records read per query while a dataset is written out: a big table never sits in memory whole. */
export const DATASET_PAGE_SIZE = 200

/** One dataset of the tenant, whichever module or entity it comes from. */
export interface TenantDataset {
  /** `<module>-<entity or dataset id>`: stable, part of its URLs. */
  id: string
  module: string
  moduleTitle: LocalizedText
  dimension: DimensionId
  title: LocalizedText
  description: LocalizedText
  theme: EuDataTheme
  frequency: DatasetFrequency
  keywords: string[]
  /** The office that publishes it, when the module or its settings name one. */
  publisherOffice: LocalizedText | null
  /** Audit log entity names whose writes change it. */
  auditEntities: string[]
  /** The entity, when the dataset is one (for instants at which its public records change). */
  entity: AnyEntity | null
  /** Its rows for CSV and JSON, or null when only the module's own forms exist. */
  table: {
    columns: string[]
    rows: (ctx: TenantContext, cursor: string | null) => Promise<DatasetRows>
    cells: (record: Record<string, unknown>) => string[]
  } | null
  links: DatasetLink[]
  indicators: ((ctx: TenantContext) => Promise<IndicatorMetadata[]>) | null
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/** The office a module's settings name (`publisherOffice`), else the one its declaration names. */
function publisherOf(ctx: TenantContext, mod: AnyModule): LocalizedText | null {
  const setting = ctx.tenant.modules[mod.id]?.settings.publisherOffice
  if (typeof setting === 'string' && setting.trim() !== '') return { id: setting.trim() }
  return mod.openData?.publisherOffice ?? null
}

/** The public entities of a module (those with an API), each as a dataset. */
function entityDatasets(ctx: TenantContext, mod: AnyModule): TenantDataset[] {
  const open = mod.openData
  return (mod.entities ?? []).flatMap((entity): TenantDataset[] => {
    const d = entity.declaration
    const options = open?.entities?.[entity.name] ?? {}
    if (!d.api || options.exclude) return []
    const columns = entityColumns(d)
    return [
      {
        id: `${mod.id}-${entity.name.replaceAll('_', '-')}`,
        module: mod.id,
        moduleTitle: mod.title,
        dimension: mod.dimension,
        title: d.title,
        description: options.description ?? {
          id: `Semua ${d.noun?.id ?? d.title.id.toLowerCase()} yang dipublikasikan, dari modul ${mod.title.id}.`,
          en: `Every published record of ${d.noun?.en ?? (d.title.en ?? d.title.id).toLowerCase()}, from the ${mod.title.en ?? mod.title.id} module.`,
        },
        theme: open?.theme ?? DIMENSION_EU_THEMES[mod.dimension],
        frequency: options.frequency ?? open?.frequency ?? 'irregular',
        keywords: [...new Set([...(open?.keywords ?? []), ...(options.keywords ?? [])])],
        publisherOffice: publisherOf(ctx, mod),
        auditEntities: [entity.qualifiedName],
        entity,
        table: {
          columns,
          rows: (c, cursor) => entity.list(c, { limit: DATASET_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
          cells: (record) => entityRowCells(d, record),
        },
        links: options.links ?? [],
        indicators: null,
      },
    ]
  })
}

/** The datasets a module declares besides its entities. */
function ownDatasets(ctx: TenantContext, mod: AnyModule): TenantDataset[] {
  const open = mod.openData
  return (open?.datasets ?? []).map((dataset) => ({
    id: `${mod.id}-${dataset.id.replaceAll('_', '-')}`,
    module: mod.id,
    moduleTitle: mod.title,
    dimension: mod.dimension,
    title: dataset.title,
    description: dataset.description,
    theme: open?.theme ?? DIMENSION_EU_THEMES[mod.dimension],
    frequency: dataset.frequency ?? open?.frequency ?? 'irregular',
    keywords: [...new Set([...(open?.keywords ?? []), ...(dataset.keywords ?? [])])],
    publisherOffice: publisherOf(ctx, mod),
    auditEntities: dataset.auditEntities,
    entity: null,
    table: dataset.table
      ? {
          columns: dataset.table.columns,
          rows: dataset.table.rows,
          cells: (record) => (dataset.table?.columns ?? []).map((column) => text(record[column])),
        }
      : null,
    links: dataset.links ?? [],
    indicators: dataset.indicators ?? null,
  }))
}

/**
 * Every dataset of the tenant: each public entity of its enabled modules, then what modules add,
 * in the platform's module order. Nothing is stored: the list follows the modules and settings.
 * @example const datasets = tenantDatasets(ctx)
 */
export function tenantDatasets(ctx: TenantContext): TenantDataset[] {
  return ctx.modules
    .filter((mod) => ctx.tenant.modules[mod.id])
    .flatMap((mod) => [...entityDatasets(ctx, mod), ...ownDatasets(ctx, mod)])
}

/** One dataset of the tenant by id, or undefined (an unknown id, or a module the tenant has not enabled). */
export function findDataset(ctx: TenantContext, id: string): TenantDataset | undefined {
  return tenantDatasets(ctx).find((dataset) => dataset.id === id)
}
