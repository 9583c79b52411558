import { type ApiEnv, problem, problemResponses } from '@cerdas/core'
import {
  DATASET_FORMATS,
  type DatasetFormat,
  dataLicenceOf,
  datasetFile,
  datasetMayExceed,
  datasetTimes,
  dcatCatalogue,
  findDataset,
  openDataCatalogue,
} from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { visitorOrigin } from '../middleware/read-cache'

/** A dataset bigger than this many records streams past the read cache instead of being held whole. */
const CACHED_RECORDS = 2000

export const catalogueRoute = createRoute({
  method: 'get',
  path: '/data/catalog.jsonld',
  tags: ['Open data'],
  summary: 'The DCAT catalogue of every dataset the regency publishes (DCAT-AP style JSON-LD)',
  responses: {
    200: {
      description: 'A dcat:Catalog with its datasets and their distributions; absolute URLs on this host',
      content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
})

export const datasetFileRoute = createRoute({
  method: 'get',
  path: '/data/{file}',
  tags: ['Open data'],
  summary: 'Every public record of a dataset as CSV or JSON: `<dataset id>.csv` or `<dataset id>.json`',
  description:
    'CSV: RFC 4180, UTF-8, header row, translated text as `<field>_id` and `<field>_en` columns. JSON: ' +
    '`{ dataset, modified, licence, items }`, each item as the public API shows it. ETag and Last-Modified ' +
    "follow the dataset's `modified` (a conditional request gets a 304).",
  request: {
    params: z.strictObject({
      file: z.string().max(120).openapi({ example: 'announcements-announcement.csv' }),
    }),
  },
  responses: {
    200: {
      description: 'The dataset',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': { schema: z.object({ dataset: z.string(), items: z.array(z.unknown()) }) },
      },
    },
    304: { description: 'The copy the client has is current' },
    ...problemResponses(404, 422),
  },
})

/** An HTTP date at whole seconds, as Last-Modified carries it. */
const httpDate = (iso: string) => new Date(iso).toUTCString()

/** Whether the client's copy (by ETag, else by date) is still the dataset's current one. */
function clientHasCurrent(headers: Headers, etag: string, modified: string | null): boolean {
  const match = headers.get('if-none-match')
  if (match) return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  const since = headers.get('if-modified-since')
  if (!since || !modified) return false
  const sinceMs = Date.parse(since)
  return Number.isFinite(sinceMs) && Math.floor(Date.parse(modified) / 1000) * 1000 <= sinceMs
}

/**
 * The open data routes: the DCAT catalogue and every dataset as CSV and JSON (docs/open-data.md).
 * @example registerOpenData(v1, { trustProxy: false })
 */
export function registerOpenData(router: OpenAPIHono<ApiEnv>, options: { trustProxy: boolean }) {
  router.openapi(catalogueRoute, async (c) => {
    const catalogue = await openDataCatalogue(c.var.ctx)
    return c.json(dcatCatalogue(catalogue, visitorOrigin(c, options.trustProxy)), 200, {
      'Content-Type': 'application/ld+json; charset=utf-8',
    })
  })

  router.openapi(datasetFileRoute, async (c) => {
    const { file } = c.req.valid('param')
    const dot = file.lastIndexOf('.')
    const id = dot > 0 ? file.slice(0, dot) : file
    const format = dot > 0 ? file.slice(dot + 1) : ''
    const ctx = c.var.ctx
    const dataset = findDataset(ctx, id)
    if (!dataset) throw problem('notFound', `There is no dataset "${id}" here; the catalogue lists them.`)
    if (!Object.hasOwn(DATASET_FORMATS, format) || !dataset.table)
      throw problem('notFound', `Dataset "${id}" has no ${format || 'such'} file; the catalogue lists its forms.`)
    const kind = format as DatasetFormat
    const times = (await datasetTimes(ctx, [dataset])).get(dataset.id)
    const modified = times?.modified ?? null
    const etag = `"${dataset.id}.${kind}.${modified ? Date.parse(modified).toString(36) : '0'}.${dataset.table.columns.length}"`
    const headers: Record<string, string> = {
      'Content-Type': DATASET_FORMATS[kind].contentType,
      'Content-Disposition': `inline; filename="${dataset.id}.${kind}"`,
      ETag: etag,
      ...(modified ? { 'Last-Modified': httpDate(modified) } : {}),
    }
    if (clientHasCurrent(c.req.raw.headers, etag, modified)) return c.body(null, 304, headers)
    // A big dataset is sent as it is read, a page at a time; the read cache would hold it whole.
    if (await datasetMayExceed(ctx, dataset, CACHED_RECORDS)) headers['Cache-Control'] = 'private, no-cache'
    const stream = datasetFile(ctx, dataset, kind, { modified, licence: dataLicenceOf(ctx.tenant.branding).url })
    return c.body(stream, 200, headers)
  })
}
