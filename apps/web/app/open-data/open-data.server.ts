import { type DatasetFrequency, DIMENSIONS, type Locale } from '@cerdas/core'
import { pickText, tenantContext } from '@cerdas/core/web'
import { CATALOGUE_PATH, openDataCatalogue } from '@cerdas/platform'
import { formatLocalDate, zonedParts } from '@cerdas/ui'
import type { LoaderFunctionArgs } from '@remix-run/node'

/** The message key of each frequency, as the page names it. */
const FREQUENCY_KEYS: Record<DatasetFrequency, `frequency${string}`> = {
  continuous: 'frequencyContinuous',
  daily: 'frequencyDaily',
  weekly: 'frequencyWeekly',
  monthly: 'frequencyMonthly',
  quarterly: 'frequencyQuarterly',
  semiannual: 'frequencySemiannual',
  annual: 'frequencyAnnual',
  irregular: 'frequencyIrregular',
}

/** The /data page: the tenant's datasets by dimension, in the visitor's language, dates in the tenant zone. */
export async function openDataLoader({ context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale: Locale = context.locale
  const catalogue = await openDataCatalogue(ctx)
  const text = (value: { id: string; en?: string | undefined }) => pickText(value, locale)
  const date = (instant: string | null) =>
    instant
      ? formatLocalDate(zonedParts(instant, ctx.tenant.timezone).date, locale, {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        })
      : null
  return {
    name: ctx.tenant.name,
    catalogue: CATALOGUE_PATH,
    licence: catalogue.licence,
    dimensions: DIMENSIONS.map((d) => ({
      id: d.id,
      title: text(d.title),
      datasets: catalogue.datasets
        .filter((dataset) => dataset.dimension === d.id)
        .map((dataset) => ({
          id: dataset.id,
          title: text(dataset.title),
          description: text(dataset.description),
          source: text(dataset.moduleTitle),
          frequency: FREQUENCY_KEYS[dataset.frequency],
          modified: dataset.modified,
          modifiedText: date(dataset.modified),
          publisher: dataset.publisherOffice ? text(dataset.publisherOffice) : null,
          distributions: dataset.distributions.map((dist) => ({
            path: dist.path,
            format: dist.format,
            mediaType: dist.mediaType,
          })),
          indicators: dataset.indicators.map((i) => ({
            id: i.id,
            name: text(i.name),
            definition: text(i.definition),
            unit: i.unit,
            method: text(i.method),
            producer: i.producer ? text(i.producer) : null,
            period: i.period ?? null,
          })),
        })),
    })).filter((d) => d.datasets.length > 0),
  }
}
