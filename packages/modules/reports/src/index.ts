import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { latestReports } from '../web/home-section'
import { category } from './category'
import { reportsDashboard } from './dashboard'
import { reportsIndicators } from './indicators'
import { anonymiseExpired, autoCloseResolved } from './jobs'
import { migrations } from './migrations'
import { reportsOpenData } from './open-data'
import { OPEN311_PREFIX, registerOpen311Routes } from './open311/routes'
import { registerReportRoutes } from './routes/index'
import { seedData, seedReports } from './seed'
import { settings } from './settings'

// The service worker's part of the report form's offline queue, served by the web app at /sw.js.
export { OUTBOX_WORKER } from '../web/offline-script'
export * from './category'
export { reportsDashboard } from './dashboard'
export * from './delay-token'
export * from './duplicates'
export * from './input'
export * from './jobs'
export * from './messages'
export * from './overdue'
export * from './privacy'
export * from './public-reports'
export type { ReportsSeed } from './seed'
export { type ReportsSettings, reportsSettings } from './settings'
export * from './staff'
export * from './statuses'
export * from './submit'
export * from './tracking'
export * from './types'
export * from './workflow'

/**
 * Laporan warga: residents report cleanliness and waste problems without an account, follow them
 * with a tracking code, and the responsible team works them through SP4N-LAPOR!'s deadlines in
 * working days. Contact details and exact home locations never leave the staff's audited reveal.
 */
export default defineModule({
  id: 'reports',
  dimension: 'environment',
  title: { id: 'Laporan warga', en: 'Citizen reports' },
  description: {
    id: 'Laporan kebersihan dan sampah dari warga, dengan kode pelacakan dan batas waktu penanganan',
    en: 'Cleanliness and waste reports from residents, with tracking codes and handling deadlines',
  },
  requires: ['directory', 'schedules'],
  entities: [category],
  migrations,
  settings,
  seed: { data: seedData, run: seedReports },
  indicators: reportsIndicators,
  openData: reportsOpenData,
  // The team of a report is its category's (copied to the report): a limited grant works its own dimension's.
  permissions: {
    'reports.report:read': {
      title: { id: 'Membaca laporan warga', en: 'Read citizen reports' },
      roles: ['admin', 'editor', 'verifier', 'viewer'],
      followsOwner: true,
    },
    'reports.report:update': {
      title: { id: 'Menangani laporan warga', en: 'Work citizen reports' },
      roles: ['admin', 'editor', 'verifier'],
      followsOwner: true,
    },
    'reports.report:read_contact': {
      title: { id: 'Melihat kontak dan lokasi persis pelapor', en: "See reporters' contact and exact location" },
      roles: ['admin'],
      followsOwner: true,
    },
    'reports.report:create': {
      title: { id: 'Mengirim laporan lewat API', en: 'Submit reports through the API' },
      roles: ['admin'],
    },
  },
  api: registerReportRoutes,
  // Open311 GeoReport v2 (docs/open311.md): form bodies in, JSON or XML out.
  http: { prefix: OPEN311_PREFIX, routes: registerOpen311Routes },
  jobs: [
    { id: 'auto-close', everyMinutes: 15, run: async (ctx) => ({ changed: await autoCloseResolved(ctx) }) },
    { id: 'retention', everyMinutes: 24 * 60, run: async (ctx) => ({ changed: await anonymiseExpired(ctx) }) },
  ],
  admin: {
    entities: [],
    dashboard: reportsDashboard,
    routes: [
      {
        path: 'laporan',
        file: 'admin/report-queue.tsx',
        // Every team works its own categories' reports: the queue is open to whoever reads reports for some team.
        nav: {
          title: { id: 'Laporan warga', en: 'Citizen reports' },
          entity: 'category',
          permission: 'reports.report:read',
        },
      },
      { path: 'laporan/:id', file: 'admin/report-detail.tsx' },
    ],
  },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'lapor', file: 'web/report-form.tsx' },
      { path: 'lapor/kirim', file: 'web/report-submit.ts' },
      { path: 'lapor/lacak', file: 'web/report-track.tsx' },
      { path: 'lapor/privasi', file: 'web/report-privacy.tsx' },
      { path: 'lapor/data-saya', file: 'web/report-data.tsx' },
      { path: 'lapor/data-saya/unduh', file: 'web/report-data-download.ts' },
      { path: 'laporan', file: 'web/report-list.tsx' },
      { path: 'laporan/:number', file: 'web/report-page.tsx' },
    ],
    nav: [{ path: '/lapor', title: { id: 'Lapor', en: 'Report' } }],
    home: latestReports,
  },
})
