import type { TenantContext } from '@cerdas/core'
import { count } from 'drizzle-orm'
import { toCsv } from '../sheets'
import type { TenantDataset } from './datasets'

/** The file formats the platform makes of every dataset with rows. */
export const DATASET_FORMATS = {
  csv: { mediaType: 'text/csv', format: 'CSV', contentType: 'text/csv; charset=utf-8; header=present' },
  json: { mediaType: 'application/json', format: 'JSON', contentType: 'application/json; charset=utf-8' },
} as const
export type DatasetFormat = keyof typeof DATASET_FORMATS

/** What the JSON file says of itself before its items. */
export interface DatasetFileHead {
  modified: string | null
  licence: string
}

/**
 * A dataset's rows as a file, written a page at a time as the client reads: CSV (RFC 4180, UTF-8,
 * a header row, cells that a spreadsheet would run as formulas escaped as the console's sheets
 * do) or JSON (`{ dataset, modified, licence, items }`, each item as the public API shows it).
 * @example new Response(datasetFile(ctx, dataset, 'csv', head))
 */
export function datasetFile(
  ctx: TenantContext,
  dataset: TenantDataset,
  format: DatasetFormat,
  head: DatasetFileHead,
): ReadableStream<Uint8Array> {
  const table = dataset.table
  if (!table) throw new Error(`dataset ${dataset.id} has no rows`)
  const encoder = new TextEncoder()
  let cursor: string | null = null
  let started = false
  let first = true
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = ''
      if (!started) {
        started = true
        chunk +=
          format === 'csv'
            ? toCsv([table.columns])
            : `{"dataset":${JSON.stringify(dataset.id)},"modified":${JSON.stringify(head.modified)},"licence":${JSON.stringify(head.licence)},"items":[`
      }
      const page = await table.rows(ctx, cursor)
      for (const record of page.items) {
        if (format === 'csv') chunk += toCsv([table.cells(record)])
        else {
          chunk += `${first ? '' : ','}\n${JSON.stringify(record)}`
          first = false
        }
      }
      cursor = page.nextCursor
      if (!cursor && format === 'json') chunk += '\n]}\n'
      controller.enqueue(encoder.encode(chunk))
      if (!cursor) controller.close()
    },
  })
}

/**
 * Whether a dataset may hold more than `records` records: an entity's row count (drafts included,
 * so at most too cautious); a module's own rows are not counted, so they may.
 */
export async function datasetMayExceed(ctx: TenantContext, dataset: TenantDataset, records: number): Promise<boolean> {
  if (!dataset.entity) return true
  const [row] = await ctx.db.select({ n: count() }).from(dataset.entity.table)
  return (row?.n ?? 0) > records
}
