import type { ModuleOpenData, TenantContext } from '@cerdas/core'
import { OPEN311_PREFIX } from './open311/routes'
import { listPublicReports } from './public-reports'
import type { PublicReport } from './types'

const COLUMNS = [
  'number',
  'category',
  'category_name_id',
  'category_name_en',
  'status',
  'description',
  'kecamatan',
  'desa',
  'public_lat',
  'public_lon',
  'due_at',
  'overdue',
  'received_at',
  'updated_at',
  'resolved_at',
  'closed_at',
  'merged_into',
]

/** A public report as one CSV row: what the public list shows, the point only as published (never the exact one). */
function rowOf(report: PublicReport): Record<string, unknown> {
  return {
    number: report.number,
    category: report.category.slug,
    category_name_id: report.category.name.id,
    category_name_en: report.category.name.en ?? null,
    status: report.status,
    description: report.description,
    kecamatan: report.kecamatan,
    desa: report.desa,
    public_lat: report.publicPoint?.lat ?? null,
    public_lon: report.publicPoint?.lon ?? null,
    due_at: report.dueAt,
    overdue: report.overdue,
    received_at: report.receivedAt,
    updated_at: report.updatedAt,
    resolved_at: report.resolvedAt,
    closed_at: report.closedAt,
    merged_into: report.mergedInto,
  }
}

/** Residents' reports as open data: the public view through the platform's files and Open311. */
export const reportsOpenData: ModuleOpenData = {
  entities: {
    category: {
      links: [
        {
          path: `${OPEN311_PREFIX}/v2/services.json`,
          mediaType: 'application/json',
          format: 'Open311 GeoReport v2 (JSON)',
          conformsTo: 'https://wiki.open311.org/GeoReport_v2/',
          download: true,
        },
      ],
    },
  },
  datasets: [
    {
      id: 'requests',
      title: { id: 'Laporan warga', en: 'Citizen reports' },
      description: {
        id: 'Laporan kebersihan dan sampah dari warga beserta statusnya, tanpa data pribadi pelapor dan tanpa lokasi persis.',
        en: "Residents' cleanliness and waste reports with their status, without the reporter's personal data or exact location.",
      },
      frequency: 'continuous',
      keywords: ['laporan', 'pengaduan', 'sampah'],
      auditEntities: ['reports.report'],
      table: {
        columns: COLUMNS,
        // Pages by number, newest first, as the public list reads them.
        rows: async (ctx: TenantContext, cursor: string | null) => {
          const page = cursor ? Number(cursor) : 1
          const found = await listPublicReports(ctx, { page, pageSize: 100 })
          return {
            items: found.items.map(rowOf),
            nextCursor: page * found.pageSize < found.total ? String(page + 1) : null,
          }
        },
      },
      links: [
        {
          path: `${OPEN311_PREFIX}/v2/requests.json`,
          mediaType: 'application/json',
          format: 'Open311 GeoReport v2 (JSON)',
          conformsTo: 'https://wiki.open311.org/GeoReport_v2/',
          download: false,
        },
        {
          path: `${OPEN311_PREFIX}/v2/requests.xml`,
          mediaType: 'text/xml',
          format: 'Open311 GeoReport v2 (XML)',
          conformsTo: 'https://wiki.open311.org/GeoReport_v2/',
          download: false,
        },
      ],
    },
  ],
}
