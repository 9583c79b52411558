import { type ApiKit, DIMENSION_IDS, type ModuleRouter, problem, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { issueDelayToken } from '../delay-token'
import { findDuplicates } from '../duplicates'
import { REPORT_MESSAGES } from '../messages'
import { overdueReports } from '../overdue'
import { eraseReporterData, exportReporterData, requestDataCode } from '../privacy'
import { getPublicReport, listPublicReports } from '../public-reports'
import { getStaffReport, listReportQueue, revealContact } from '../staff'
import { REPORT_STATUSES } from '../statuses'
import { submitReport } from '../submit'
import { confirmReport, getTrackedReport, reopenReport } from '../tracking'
import { addReportReply, assignReport, changeReportStatus, hideReportText, mergeReport } from '../workflow'
import {
  contactSchema,
  overdueSchema,
  publicReportPageSchema,
  publicReportSchema,
  reportBodySchema,
  staffReportPageSchema,
  staffReportSchema,
  submitResultSchema,
  trackedReportSchema,
} from './schemas'

const tags = ['Reports']
const json = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } })
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } })
const statusFilter = z.enum(['open', 'closed', ...REPORT_STATUSES]).optional()
const number = z.object({
  number: z
    .string()
    .max(40)
    .openapi({ param: { name: 'number', in: 'path' }, example: 'LPR-2026-000042' }),
})
const code = z.object({
  code: z
    .string()
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'K7QM-4XD2-9HPA' }),
})
const id = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

/** The validated JSON body (the route's schema checked it before the handler). */
const validJson = (c: unknown): any => (c as { req: { valid: (t: 'json') => unknown } }).req.valid('json')

/** The module's JSON API under /api/v1/reports (categories are the entity's generated routes). */
export function registerReportRoutes(router: ModuleRouter, kit: ApiKit): void {
  // Fixed paths before `/reports/{number}`.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/delay-token',
      tags,
      summary: 'A delay token for a report form',
      responses: { 200: json('The token', z.object({ delayToken: z.string() }).openapi('ReportDelayToken')) },
    }),
    async (c) => c.json({ delayToken: await issueDelayToken(c.var.ctx) }, 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/duplicates',
      tags,
      summary: 'Open reports of a category near a point or in a desa',
      request: {
        query: z.strictObject({
          category: z.string().max(200),
          lat: z.coerce.number().min(-90).max(90).optional(),
          lon: z.coerce.number().min(-180).max(180).optional(),
          kecamatan: z.string().max(100).optional(),
          desa: z.string().max(100).optional(),
        }),
      },
      responses: {
        200: json('Possible duplicates (public views)', z.object({ items: z.array(publicReportSchema) })),
        ...problemResponses(400, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const point = q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : null
      return c.json({ items: await findDuplicates(c.var.ctx, { ...q, point }) }, 200)
    },
  )
  router.openapi(
    kit.guard({
      ...createRoute({
        method: 'get',
        path: '/reports/queue',
        tags,
        summary: "The team's queue, overdue first",
        request: {
          query: z.strictObject({
            status: statusFilter,
            overdue: z.enum(['1', 'true', '0', 'false']).optional(),
            dimension: z.enum(DIMENSION_IDS).optional(),
            officeId: z.string().max(64).optional(),
            category: z.string().max(200).optional(),
            q: z.string().max(200).optional(),
            page: z.coerce.number().int().min(1).max(10_000).optional(),
          }),
        },
        responses: {
          200: json('A page of staff views', staffReportPageSchema),
          ...problemResponses(400, 401, 403, 422),
        },
      }),
      security: [{ bearer: [] }],
      'x-permission': 'reports.report:read',
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(await listReportQueue(c.var.ctx, { ...q, overdue: q.overdue === '1' || q.overdue === 'true' }), 200)
    },
  )
  router.openapi(
    kit.guard({
      ...createRoute({
        method: 'get',
        path: '/reports/overdue',
        tags,
        summary: 'Overdue reports per team',
        responses: { 200: json('Groups per dimension', overdueSchema), ...problemResponses(401, 403) },
      }),
      security: [{ bearer: [] }],
      'x-permission': 'reports.report:read',
    }),
    async (c) => c.json({ groups: await overdueReports(c.var.ctx) }, 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      tags,
      summary: 'Public reports, newest first',
      request: {
        query: z.strictObject({
          status: statusFilter,
          category: z.string().max(200).optional(),
          kecamatan: z.string().max(100).optional(),
          desa: z.string().max(100).optional(),
          since: z.string().max(40).optional(),
          page: z.coerce.number().int().min(1).max(10_000).optional(),
          pageSize: z.coerce.number().int().min(1).max(100).optional(),
        }),
      },
      responses: { 200: json('A page of public reports', publicReportPageSchema), ...problemResponses(400, 422) },
    }),
    async (c) => c.json(await listPublicReports(c.var.ctx, c.req.valid('query')), 200),
  )
  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports',
      tags,
      summary: 'Submit a report',
      'x-public': true,
      description:
        'Anonymous: with a `delayToken` (GET /reports/delay-token, at least minFormSeconds old) and an `X-Cerdas-Device` header; with a token holding `reports.report:create`, neither. Counted per IP and device per hour (429 with Retry-After). A `clientKey` sent again answers the first report with `replayed: true`. With `?duplicates=true` the answer also names open reports of the same category nearby (otherwise `duplicates` is empty: GET /reports/duplicates asks before sending).',
      request: {
        ...body(reportBodySchema),
        headers: z.object({ 'x-cerdas-device': z.string().max(100).optional() }),
        query: z.strictObject({
          duplicates: z.enum(['true', 'false']).optional().openapi({ description: 'Also name similar open reports' }),
        }),
      },
      responses: {
        201: json('The report, its tracking code (once) and possible duplicates', submitResultSchema),
        200: json('A replayed submission', submitResultSchema),
        ...problemResponses(400, 413, 415, 422, 429),
      },
    }),
    async (c) => {
      const ctx = c.var.ctx
      const { delayToken, ...input } = validJson(c) as Record<string, unknown>
      const trusted = ctx.actor !== null
      if (trusted) await kit.requirePermission('reports.report:create')(c, async () => {})
      const result = await submitReport(
        ctx,
        { ...input, source: trusted ? 'api' : 'web' } as never,
        {
          ip: kit.clientIp?.(c),
          device: c.req.header('x-cerdas-device'),
          delayToken: typeof delayToken === 'string' ? delayToken : undefined,
          trusted,
        },
        { duplicates: c.req.valid('query').duplicates === 'true' },
      )
      return c.json(result, result.replayed ? 200 : 201)
    },
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/track/{code}',
      tags,
      summary: 'A report by its tracking code',
      request: { params: code },
      responses: { 200: json('The tracked report', trackedReportSchema), ...problemResponses(404, 422) },
    }),
    async (c) => {
      const report = await getTrackedReport(c.var.ctx, c.req.valid('param').code)
      if (!report) throw problem('notFound', REPORT_MESSAGES.trackingUnknown.id)
      return c.json(report, 200)
    },
  )
  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports/track/{code}/confirm',
      tags,
      summary: 'The reporter confirms the fix',
      // Residents act with their tracking code, not an account.
      'x-public': true,
      request: { params: code },
      responses: { 200: json('Closed', trackedReportSchema), ...problemResponses(404, 409, 422) },
    }),
    async (c) => c.json(await confirmReport(c.var.ctx, c.req.valid('param').code), 200),
  )
  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports/track/{code}/reopen',
      tags,
      summary: 'The reporter reopens it',
      'x-public': true,
      request: { params: code, ...body(z.strictObject({ reason: z.string().max(2000) })) },
      responses: {
        200: json('In progress again', trackedReportSchema),
        ...problemResponses(400, 404, 409, 413, 415, 422),
      },
    }),
    async (c) => c.json(await reopenReport(c.var.ctx, c.req.valid('param').code, validJson(c).reason), 200),
  )
  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports/track/{code}/data-code',
      tags,
      summary: 'Send a one-time code to the reporter’s email for export or erasure',
      'x-public': true,
      request: { params: code, ...body(z.strictObject({ purpose: z.enum(['export', 'erase']) })) },
      responses: {
        200: json(
          'Where it went (masked), or null when erasure needs no code',
          z.object({ sentTo: z.string().nullable() }).openapi('ReportDataCodeSent'),
        ),
        ...problemResponses(400, 404, 413, 415, 422, 503),
      },
    }),
    async (c) => {
      const ctx = c.var.ctx
      const mail = (
        kit as {
          sendMail?: (ctx: unknown, m: { to: string; subject: string; text: string }) => Promise<{ sent: boolean }>
        }
      ).sendMail
      const result = await requestDataCode(
        ctx,
        c.req.valid('param').code,
        validJson(c).purpose,
        async (to, subject, text) => {
          const sent = mail ? await mail(ctx, { to, subject, text }) : { sent: false }
          if (!sent.sent) throw problem('unavailable', REPORT_MESSAGES.mailUnavailable.id)
        },
      )
      return c.json(result, 200)
    },
  )
  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports/track/{code}/export',
      tags,
      summary: 'Everything stored about the report, with the one-time code',
      'x-public': true,
      request: { params: code, ...body(z.strictObject({ code: z.string().max(10) })) },
      responses: {
        200: json(
          'The data',
          z
            .record(z.string(), z.unknown())
            .openapi({ description: 'Everything stored about the report, with the reporter’s contact' }),
        ),
        ...problemResponses(400, 404, 413, 415, 422, 429),
      },
    }),
    async (c) => c.json(await exportReporterData(c.var.ctx, c.req.valid('param').code, validJson(c).code), 200),
  )
  router.openapi(
    createRoute({
      method: 'post',
      path: '/reports/track/{code}/erase',
      tags,
      summary: "Erase the reporter's data (one-time code when an email is on file)",
      'x-public': true,
      request: { params: code, ...body(z.strictObject({ code: z.string().max(10).nullable().optional() })) },
      responses: {
        200: json('Erased', z.object({ erased: z.literal(true), number: z.string() }).openapi('ReportErased')),
        ...problemResponses(400, 404, 413, 415, 422, 429),
      },
    }),
    async (c) => c.json(await eraseReporterData(c.var.ctx, c.req.valid('param').code, validJson(c).code ?? null), 200),
  )
  const staff = <S extends z.ZodType>(
    path: string,
    summary: string,
    permission: string,
    schema: S | null,
    answer: z.ZodType = staffReportSchema,
  ) =>
    kit.guard({
      ...createRoute({
        method: schema ? 'post' : 'get',
        path,
        tags,
        summary,
        request: { params: id, ...(schema ? body(schema) : {}) },
        responses: {
          200: json('The report as staff see it', answer),
          ...problemResponses(...(schema ? [400, 413, 415] : []), 401, 403, 404, 409, 422),
        },
      }),
      security: [{ bearer: [] }],
      'x-permission': permission,
    })
  router.openapi(
    staff('/reports/staff/{id}', 'A report as the team sees it', 'reports.report:read', null),
    async (c) => {
      const report = await getStaffReport(c.var.ctx, c.req.valid('param').id)
      if (!report) throw problem('notFound', REPORT_MESSAGES.reportUnknown.id)
      return c.json(report, 200)
    },
  )
  const statusBody = z.strictObject({
    status: z.enum(REPORT_STATUSES),
    reason: z.string().max(1000).optional(),
    reply: z.string().max(2000).optional(),
    photosPublic: z.boolean().optional(),
  })
  router.openapi(
    staff('/reports/staff/{id}/status', 'Move a report along the workflow', 'reports.report:update', statusBody),
    async (c) =>
      c.json(
        await changeReportStatus(c.var.ctx, c.req.valid('param').id, validJson(c) as z.infer<typeof statusBody>),
        200,
      ),
  )
  const assignBody = z.strictObject({ officeId: z.string().max(64), unitId: z.string().max(64).nullable().optional() })
  router.openapi(
    staff('/reports/staff/{id}/assign', 'Route to an office and unit', 'reports.report:update', assignBody),
    async (c) =>
      c.json(await assignReport(c.var.ctx, c.req.valid('param').id, validJson(c) as z.infer<typeof assignBody>), 200),
  )
  const replyBody = z.strictObject({ body: z.string().max(2000), public: z.boolean() })
  router.openapi(
    staff('/reports/staff/{id}/replies', 'A public reply or an internal note', 'reports.report:update', replyBody),
    async (c) =>
      c.json(await addReportReply(c.var.ctx, c.req.valid('param').id, validJson(c) as z.infer<typeof replyBody>), 200),
  )
  const reasonBody = z.strictObject({ reason: z.string().max(300) })
  router.openapi(
    staff('/reports/staff/{id}/hide', 'Hide abusive text with a reason', 'reports.report:update', reasonBody),
    async (c) =>
      c.json(
        await hideReportText(c.var.ctx, c.req.valid('param').id, (validJson(c) as z.infer<typeof reasonBody>).reason),
        200,
      ),
  )
  const mergeBody = z.strictObject({ into: z.string().max(40) })
  router.openapi(
    staff('/reports/staff/{id}/merge', 'Merge into another report (by number)', 'reports.report:update', mergeBody),
    async (c) =>
      c.json(
        await mergeReport(c.var.ctx, c.req.valid('param').id, (validJson(c) as z.infer<typeof mergeBody>).into),
        200,
      ),
  )
  const purposeBody = z.strictObject({ purpose: z.string().max(500) })
  router.openapi(
    staff(
      '/reports/staff/{id}/contact',
      "Reveal the reporter's contact (audited)",
      'reports.report:read_contact',
      purposeBody,
      contactSchema,
    ),
    async (c) =>
      c.json(
        await revealContact(c.var.ctx, c.req.valid('param').id, (validJson(c) as z.infer<typeof purposeBody>).purpose),
        200,
      ),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/{number}',
      tags,
      summary: 'A public report by its number',
      request: { params: number },
      responses: { 200: json('The report', publicReportSchema), ...problemResponses(404, 422) },
    }),
    async (c) => {
      const report = await getPublicReport(c.var.ctx, c.req.valid('param').number)
      if (!report) throw problem('notFound', REPORT_MESSAGES.reportUnknown.id)
      return c.json(report, 200)
    },
  )
}
