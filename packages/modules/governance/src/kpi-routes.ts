import {
  type ApiKit,
  DIMENSION_IDS,
  localizedTextOutput,
  type ModuleRouter,
  problemResponses,
  tenantIndicators,
} from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { kpi } from './kpi'
import {
  kpiActualSchema,
  kpiSeries,
  kpiSeriesOne,
  kpiSeriesSchema,
  kpiValueInputSchema,
  recordKpiValue,
} from './kpi-values'

const tags = ['Smart-city governance']
const json = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } })
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } })
const validJson = (c: unknown): any => (c as { req: { valid: (t: 'json') => unknown } }).req.valid('json')

const idParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'kpi_01JDXYZABCDEFGHJKMNPQRSTVW' }),
})

const indicatorSchema = z
  .object({
    key: z.string().openapi({ example: 'reports.resolved-on-time' }),
    module: z.string(),
    title: localizedTextOutput,
    unit: z.string(),
    description: localizedTextOutput.nullable(),
  })
  .openapi('ModuleIndicator')

const recordedSchema = z
  .object({ actual: kpiActualSchema, created: z.boolean().openapi({ description: 'A new period was added' }) })
  .openapi('GovernanceKpiValueRecorded')

/** KPI series, the indicators modules compute, and recording values (by the KPI's dimension team). */
export function registerKpiRoutes(router: ModuleRouter, kit: ApiKit): void {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/governance/indicators',
      tags,
      summary: 'Indicators the enabled modules compute from their own data, which a KPI may be computed from',
      responses: { 200: json('Indicators', z.object({ items: z.array(indicatorSchema) })) },
    }),
    (c) =>
      c.json(
        {
          items: tenantIndicators(c.var.ctx).map((i) => ({
            key: i.key,
            module: i.module,
            title: i.indicator.title,
            unit: i.indicator.unit,
            description: i.indicator.description ?? null,
          })),
        },
        200,
      ),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/governance/kpi-series',
      tags,
      summary: 'Every KPI with its baseline, targets by year and values by period (of one dimension, if asked)',
      request: { query: z.strictObject({ dimension: z.enum(DIMENSION_IDS).optional() }) },
      responses: {
        200: json('KPI series', z.object({ items: z.array(kpiSeriesSchema) }).openapi('GovernanceKpiSeriesList')),
        ...problemResponses(422),
      },
    }),
    async (c) => c.json({ items: await kpiSeries(c.var.ctx, c.req.valid('query')) } as never, 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/governance/kpis/{id}/series',
      tags,
      summary:
        'A KPI with its baseline, targets by year, values by period with their history, and the computed current value',
      request: { params: idParam },
      responses: { 200: json('The KPI series', kpiSeriesSchema), ...problemResponses(404, 422) },
    }),
    async (c) => c.json((await kpiSeriesOne(c.var.ctx, c.req.valid('param').id)) as never, 200),
  )
  const writeResponses = {
    200: json("Another value replaced the period's, or the same value was given again", recordedSchema),
    201: json('The first value of the period', recordedSchema),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  }
  router.openapi(
    kit.guard({
      ...createRoute({
        method: 'post',
        path: '/governance/kpis/{id}/values',
        tags,
        summary: "Record a KPI's value for a period (the KPI's dimension team); an earlier value stays in its history",
        request: { params: idParam, ...body(kpiValueInputSchema) },
        responses: writeResponses,
      }),
      security: [{ bearer: [] }],
      'x-permission': kpi.permission('update'),
    }),
    async (c) => {
      const recorded = await recordKpiValue(c.var.ctx, c.req.valid('param').id, validJson(c))
      return c.json(recorded as never, recorded.created ? 201 : 200)
    },
  )
}
