import type {
  DatasetFrequency,
  DimensionId,
  EuDataTheme,
  IndicatorMetadata,
  LocalizedText,
  TenantContext,
} from '@cerdas/core'
import { DATASET_FORMATS } from './dataset-files'
import { datasetTimes } from './dataset-modified'
import { tenantDatasets } from './datasets'
import { dataLicenceOf } from './licence'

/** Where the platform serves datasets, under the tenant's host. */
export const OPEN_DATA_PATH = '/api/v1/data'
export const CATALOGUE_PATH = `${OPEN_DATA_PATH}/catalog.jsonld`

/** One form of a dataset, with its path on the tenant's host. */
export interface CatalogueDistribution {
  path: string
  mediaType: string
  format: string
  title: LocalizedText
  conformsTo: string | null
  download: boolean
}

export interface CatalogueDataset {
  id: string
  module: string
  moduleTitle: LocalizedText
  dimension: DimensionId
  title: LocalizedText
  description: LocalizedText
  theme: EuDataTheme
  frequency: DatasetFrequency
  keywords: string[]
  publisherOffice: LocalizedText | null
  issued: string | null
  modified: string | null
  distributions: CatalogueDistribution[]
  indicators: IndicatorMetadata[]
}

/** The tenant's open data as the /data page and the DCAT catalogue show it. */
export interface OpenDataCatalogue {
  tenant: { name: string; slug: string }
  licence: { url: string; title: string }
  /** The latest `modified` of any dataset. */
  modified: string | null
  datasets: CatalogueDataset[]
}

/** The file a dataset's CSV or JSON is at. */
export const datasetFilePath = (id: string, format: keyof typeof DATASET_FORMATS) => `${OPEN_DATA_PATH}/${id}.${format}`

/**
 * Every dataset of the tenant with its times, licence and forms: what the /data page lists and
 * the DCAT catalogue describes. Two queries, whatever the number of datasets.
 * @example const catalogue = await openDataCatalogue(ctx)
 */
export async function openDataCatalogue(ctx: TenantContext): Promise<OpenDataCatalogue> {
  const datasets = tenantDatasets(ctx)
  const times = await datasetTimes(ctx, datasets)
  const out: CatalogueDataset[] = []
  for (const dataset of datasets) {
    const files: CatalogueDistribution[] = dataset.table
      ? (['csv', 'json'] as const).map((format) => ({
          path: datasetFilePath(dataset.id, format),
          mediaType: DATASET_FORMATS[format].mediaType,
          format: DATASET_FORMATS[format].format,
          title: {
            id: `${dataset.title.id} (${DATASET_FORMATS[format].format})`,
            en: `${dataset.title.en ?? dataset.title.id} (${DATASET_FORMATS[format].format})`,
          },
          conformsTo: format === 'csv' ? 'https://www.rfc-editor.org/rfc/rfc4180' : null,
          download: true,
        }))
      : []
    const links = dataset.links.map((link) => ({
      path: link.path,
      mediaType: link.mediaType,
      format: link.format,
      title: link.title ?? {
        id: `${dataset.title.id} (${link.format})`,
        en: `${dataset.title.en ?? dataset.title.id} (${link.format})`,
      },
      conformsTo: link.conformsTo ?? null,
      download: link.download,
    }))
    const time = times.get(dataset.id)
    out.push({
      id: dataset.id,
      module: dataset.module,
      moduleTitle: dataset.moduleTitle,
      dimension: dataset.dimension,
      title: dataset.title,
      description: dataset.description,
      theme: dataset.theme,
      frequency: dataset.frequency,
      keywords: dataset.keywords,
      publisherOffice: dataset.publisherOffice,
      issued: time?.issued ?? null,
      modified: time?.modified ?? null,
      distributions: [...files, ...links],
      indicators: dataset.indicators ? await dataset.indicators(ctx) : [],
    })
  }
  const modified = out.reduce<string | null>(
    (latest, d) => (d.modified && (!latest || d.modified > latest) ? d.modified : latest),
    null,
  )
  return {
    tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug },
    licence: dataLicenceOf(ctx.tenant.branding),
    modified,
    datasets: out,
  }
}
