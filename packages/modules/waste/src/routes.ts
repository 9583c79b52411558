import { localizedTextOutput, type ModuleRouter, problemResponses } from '@cerdas/core'
import { statusOutSchema } from '@cerdas/module-schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { areaICalendar, collectionsForPlace, MAX_FEED_DAYS, MAX_NEXT } from './area-collections'
import { dropPoint } from './droppoint'
import { dropPointListQuerySchema, listDropPoints } from './droppoints'

/** The routes the generated ones cannot be: collections by desa, an area's feed, drop points with hours. */

const tags = ['Waste']

const collectionsQuerySchema = z.strictObject({
  desa: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Desa/kelurahan (any case)', example: 'Sangkar Nihuta' }),
  kecamatan: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Kecamatan; alone, every area in it', example: 'Balige' }),
  after: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Collections whose window ends after this instant; default now' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_NEXT)
    .optional()
    .openapi({ description: `Next collections per area (at most ${MAX_NEXT})` }),
})

const collectionSchema = z
  .object({
    date: z.string().openapi({ description: 'Local date it happens (or would have, when not collected)' }),
    weekday: z.string(),
    start: z.string(),
    end: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: z.enum(['regular', 'shifted', 'extra', 'skipped', 'cancelled']),
    collected: z.boolean(),
    scheduledDate: z.string().openapi({ description: 'The weekly day it belongs to (differs from date when shifted)' }),
    holiday: z.object({ name: localizedTextOutput, kind: z.string(), verified: z.boolean() }).nullable(),
    note: localizedTextOutput.nullable().openapi({ description: 'Why it moved, was added or is missing' }),
  })
  .openapi('WasteCollection')

const areaCollectionsSchema = z
  .object({
    area: z.object({
      id: z.string(),
      slug: z.string(),
      name: localizedTextOutput,
      kecamatan: z.string(),
      desa: z.array(z.string()),
      route: localizedTextOutput.nullable(),
    }),
    timezone: z.string(),
    noSchedule: z.boolean().openapi({ description: 'No collection day published yet' }),
    days: z.array(z.string()),
    start: z.string(),
    end: z.string(),
    onHolidays: z.string(),
    next: z.array(collectionSchema),
    missed: z
      .array(collectionSchema)
      .openapi({ description: 'Skipped or cancelled days up to the last listed collection' }),
  })
  .openapi('WasteAreaCollections')

const placeCollectionsSchema = z
  .object({ desa: z.string().nullable(), kecamatan: z.string().nullable(), areas: z.array(areaCollectionsSchema) })
  .openapi('WastePlaceCollections')

const icalQuerySchema = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FEED_DAYS)
    .optional()
    .openapi({
      description: `Local dates covered from today (default in the module settings, at most ${MAX_FEED_DAYS})`,
    }),
})

const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'balige-kota' }),
})

const dropPointPageSchema = z
  .object({
    items: z.array(
      (dropPoint.schemas.output as unknown as z.ZodObject)
        .extend({ hours: statusOutSchema.nullable().openapi({ description: 'Null when the place has no hours yet' }) })
        .openapi('WasteDropPointListItem'),
    ),
    nextCursor: z.string().nullable(),
    withoutHours: z.number().int().optional(),
  })
  .openapi('WasteDropPointPage')

export function registerWasteRoutes(router: ModuleRouter) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/waste/collections',
      tags,
      summary: 'Next waste collections for a desa or kecamatan, holiday-shifted with reasons',
      description:
        'The areas serving the desa (or every area of the kecamatan; naming neither, every area of the regency) with their next collections after `after` (default now); a collection moved off a holiday says why. No area serving the place is an empty list.',
      request: { query: collectionsQuerySchema },
      responses: {
        200: { description: 'Collections', content: { 'application/json': { schema: placeCollectionsSchema } } },
        ...problemResponses(400, 422),
      },
    }),
    async (c) => c.json(await collectionsForPlace(c.var.ctx, c.req.valid('query')), 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/waste/areas/{id}/ical',
      tags,
      summary: "An area's collections for the coming days as an RFC 5545 iCalendar feed",
      request: { params: idParamSchema, query: icalQuerySchema },
      responses: {
        200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        ...problemResponses(400, 404, 422),
      },
    }),
    async (c) => {
      const ctx = c.var.ctx
      const { area, body } = await areaICalendar(ctx, c.req.valid('param').id, {
        days: c.req.valid('query').days,
        locale: ctx.locale === 'en' ? 'en' : 'id',
      })
      return c.body(body, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `inline; filename="sampah-${area.slug}.ics"`,
      })
    },
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/waste/droppoints',
      tags,
      summary: 'List drop points by name with whether each is open, filtered',
      request: { query: dropPointListQuerySchema },
      responses: {
        200: { description: 'A page of drop points', content: { 'application/json': { schema: dropPointPageSchema } } },
        ...problemResponses(400, 422),
      },
    }),
    async (c) => c.json((await listDropPoints(c.var.ctx, c.req.valid('query'))) as never, 200),
  )
}
