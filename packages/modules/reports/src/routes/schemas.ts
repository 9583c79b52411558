import { DIMENSION_IDS, localizedTextOutput } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { DUE_KINDS, EVENT_KINDS, REPORT_STATUSES, SOURCES } from '../statuses'

/** What the report routes answer, for the OpenAPI document (types.ts holds the same shapes in TypeScript). */
const status = z.enum(REPORT_STATUSES)
const point = z.object({ lat: z.number(), lon: z.number() })

const photo = z.object({
  id: z.string(),
  url: z.string().openapi({ description: 'A JPEG rendition at most 640 wide' }),
  alt: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
})

const event = z.object({
  at: z.string().openapi({ format: 'date-time' }),
  kind: z.enum(EVENT_KINDS),
  statusFrom: status.nullable(),
  statusTo: status.nullable(),
  body: z.string().nullable(),
})

const publicShape = {
  number: z.string().openapi({ example: 'LPR-2026-000042' }),
  category: z.object({ id: z.string(), slug: z.string(), name: localizedTextOutput }),
  status,
  statusLabel: localizedTextOutput,
  description: z
    .string()
    .nullable()
    .openapi({ description: 'Null when a moderator hid the text (hiddenReason says why)' }),
  hiddenReason: z.string().nullable(),
  kecamatan: z.string().nullable(),
  desa: z.string().nullable(),
  publicPoint: point
    .nullable()
    .openapi({ description: 'Rounded to ~100 m; null for a home or a report located by desa only' }),
  photos: z.array(photo).openapi({ description: 'Public photos only' }),
  dueAt: z.string().nullable().openapi({ format: 'date-time' }),
  dueKind: z.enum(DUE_KINDS).nullable(),
  overdue: z.boolean(),
  receivedAt: z.string().openapi({ format: 'date-time' }),
  updatedAt: z.string().openapi({ format: 'date-time' }),
  resolvedAt: z.string().nullable().openapi({ format: 'date-time' }),
  closedAt: z.string().nullable().openapi({ format: 'date-time' }),
  mergedInto: z.string().nullable().openapi({ description: 'The number of the report this one was merged into' }),
  statusReason: z.string().nullable(),
}

/** A report as anyone may see it: never the reporter's contact, exact point or landmark. */
export const publicReportSchema = z
  .object({ ...publicShape, timeline: z.array(event).openapi({ description: 'Public events only' }) })
  .openapi('PublicReport')

/** A report as its team sees it: routing, all photos, the full timeline; the contact only through the audited reveal. */
export const staffReportSchema = z
  .object({
    ...publicShape,
    id: z.string(),
    officeId: z.string().nullable(),
    unitId: z.string().nullable(),
    dimension: z.enum(DIMENSION_IDS),
    atHome: z.boolean(),
    source: z.enum(SOURCES),
    reopenedCount: z.number().int(),
    photosPublic: z.boolean(),
    photos: z.array(photo).openapi({ description: 'All photos' }),
    timeline: z.array(event.extend({ id: z.string(), public: z.boolean(), actorName: z.string().nullable() })),
    hasContact: z.boolean(),
    anonymisedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('StaffReport')

/** A report as its reporter sees it with the tracking code. */
export const trackedReportSchema = publicReportSchema
  .extend({ canConfirm: z.boolean(), canReopen: z.boolean(), hasEmail: z.boolean() })
  .openapi('TrackedReport')

const page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
    .openapi(name)
export const publicReportPageSchema = page(publicReportSchema, 'PublicReportPage')
export const staffReportPageSchema = page(staffReportSchema, 'StaffReportPage')

export const submitResultSchema = z
  .object({
    report: publicReportSchema,
    trackingCode: z.string().nullable().openapi({
      description: 'Shown once; null when the clientKey was sent before (replayed)',
      example: 'K7QM-4XD2-9HPA',
    }),
    replayed: z.boolean(),
    duplicates: z.array(publicReportSchema).openapi({ description: 'Open reports of the category nearby' }),
  })
  .openapi('ReportSubmitted')

export const overdueSchema = z
  .object({
    groups: z.array(
      z.object({
        dimension: z.enum(DIMENSION_IDS),
        count: z.number().int(),
        items: z.array(staffReportSchema).openapi({ description: 'The most overdue first, at most 20' }),
      }),
    ),
  })
  .openapi('OverdueReports')

export const contactSchema = z
  .object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    exactPoint: point.nullable(),
    landmark: z.string().nullable(),
  })
  .openapi('ReporterContact')

/**
 * A submission's body. Its fields' finer rules (lengths, a location inside Indonesia, an email's
 * form) are the module's reportInputSchema, checked in submitReport so each refusal names its field in Indonesian.
 */
export const reportBodySchema = z
  .strictObject({
    category: z.string().max(200).openapi({ description: 'Category id or slug', example: 'sampah-tidak-diangkut' }),
    description: z.string().max(2000),
    point: z.object({ lat: z.number(), lon: z.number() }).nullable().optional(),
    kecamatan: z.string().max(100).optional(),
    desa: z.string().max(100).optional(),
    landmark: z.string().max(300).optional(),
    atHome: z.boolean().optional().openapi({ description: 'The point is the reporter’s home: shown only as the desa' }),
    name: z.string().max(100).optional(),
    phone: z.string().max(30).optional(),
    email: z.string().max(200).optional(),
    photos: z
      .array(z.union([z.string().max(64), z.object({ id: z.string().max(64), width: z.number(), height: z.number() })]))
      .max(3)
      .optional()
      .openapi({ description: 'Photos already uploaded: their ids, or ids with their sizes' }),
    clientKey: z.string().max(64).optional().openapi({ description: 'A UUID made when the form was filled' }),
    delayToken: z.string().max(200).optional(),
  })
  .openapi('ReportSubmission')
