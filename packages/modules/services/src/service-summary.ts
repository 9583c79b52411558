import { type EntityRecord, listRecordSummaries, type TenantContext } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import type { SQL } from 'drizzle-orm'
import { service } from './service'

/**
 * The fields a list of services carries: enough to name, sort, filter and link each service
 * (and say what it costs and where it belongs). Requirements, procedure, places, legal basis,
 * complaints and related services stay on the service's own route, so a page of twenty is a
 * fraction of the bytes and reads none of those columns.
 */
export const SERVICE_SUMMARY_FIELDS = [
  'name',
  'category',
  'summary',
  'product',
  'onlineUrl',
  'officeId',
  'unitId',
  'fee',
  'processingTime',
] as const

type SummaryField = (typeof SERVICE_SUMMARY_FIELDS)[number]

const outputShape = service.schemas.output.shape as Record<string, z.ZodType>
const SUMMARY_KEYS = ['id', 'slug', ...SERVICE_SUMMARY_FIELDS, 'verification', 'createdAt', 'updatedAt']

export const serviceSummarySchema = z
  .object(Object.fromEntries(SUMMARY_KEYS.map((key) => [key, outputShape[key] as z.ZodType])))
  .openapi('ServiceSummary', {
    description:
      'A service in a list: its name, category, summary, product, online link, responsible office and unit, fee and processing time. The full record (requirements, procedure, places, legal basis, complaints, related services) is at GET /services/{id}, or in the list with fields=full.',
  })

export type ServiceSummary = Pick<
  EntityRecord<typeof service.declaration.fields>,
  SummaryField | 'id' | 'verification' | 'createdAt' | 'updatedAt'
> & { slug: string }

/** A page of public services in the summary shape, within `where`. */
export async function serviceSummaries(
  ctx: TenantContext,
  query: { cursor?: string | undefined; limit: number; category?: string | undefined },
  where: SQL[],
): Promise<{ items: ServiceSummary[]; nextCursor: string | null }> {
  return (await listRecordSummaries(ctx, service, SERVICE_SUMMARY_FIELDS, query, where)) as {
    items: ServiceSummary[]
    nextCursor: string | null
  }
}
