import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { agenda } from './agenda'
import { registerAgendaRoutes } from './agenda-routes'
import { governanceDashboard } from './dashboard'
import { kpi } from './kpi'
import { registerKpiRoutes } from './kpi-routes'
import { kpiValues } from './kpi-tables'
import { recordFinishedComputedPeriods } from './kpi-values'
import { member } from './member'
import { migrations } from './migrations'
import { governanceOpenData } from './open-data'
import { programme } from './programme'
import { regulation } from './regulation'
import { registerRegulationDocumentRoutes } from './regulation-document-routes'
import { regulationDocuments } from './regulation-document-table'
import { REGULATION_DOCUMENT_MAX_BYTES, REGULATION_DOCUMENT_ROUTE } from './regulation-documents'
import { seedData, seedGovernance } from './seed'
import { refreshTeamGrants } from './team-grants'
import { teamMember } from './team-member'

export * from './agenda'
export { agendaBetween, agendaFeed, oneAgendaICalendar, recentAgenda, upcomingAgenda } from './agenda-calendar'
export * from './bodies'
export { addMonths, governanceDashboard, RENEWAL_NOTICE_MONTHS } from './dashboard'
export * from './kpi'
export * from './kpi-periods'
export * from './kpi-values'
export * from './member'
export * from './programme'
export * from './programme-groups'
export * from './programme-labels'
export * from './regulation'
export * from './regulation-documents'
export type { GovernanceSeed } from './seed'
export { refreshTeamGrants, syncTeamGrants, TEAM_GRANT_SOURCE } from './team-grants'
export * from './team-member'
export { termHolds, todayOf } from './today'

/**
 * Smart-city governance: the regulations that set up the council (dewan) and implementation team
 * (tim pelaksana), their seats, and the six dimension teams whose members edit their dimension.
 */
const governanceModule = defineModule({
  id: 'governance',
  dimension: 'governance',
  title: { id: 'Tata kelola kota cerdas', en: 'Smart-city governance' },
  // The directory's migrations need the schedules' tables, as a tenant migrates them.
  requires: ['schedules', 'directory'],
  entities: [regulation, member, teamMember, programme, kpi, agenda],
  schema: { kpiValues, regulationDocuments },
  migrations,
  seed: { data: seedData, run: seedGovernance },
  openData: governanceOpenData,
  // A regulation's signed PDF is sent as the body itself (ADR 0120).
  uploads: [{ method: 'put', path: REGULATION_DOCUMENT_ROUTE, maxBytes: REGULATION_DOCUMENT_MAX_BYTES }],
  // Terms end on dates nobody writes on: team roles follow the memberships that hold today.
  jobs: [
    { id: 'team-grants', everyMinutes: 60, run: refreshTeamGrants },
    // A computed KPI keeps each finished period's figure, recorded soon after the period ends.
    { id: 'kpi-computed-values', everyMinutes: 24 * 60, run: recordFinishedComputedPeriods },
  ],
  admin: {
    entities: [],
    dashboard: governanceDashboard,
    routes: [
      {
        path: 'siapa-boleh-mengubah',
        file: 'admin/who-may-edit.tsx',
        nav: {
          title: { id: 'Siapa boleh mengubah apa', en: 'Who may edit what' },
          entity: 'team_member',
          permission: 'cerdas.users:manage',
        },
      },
      // Reached from a KPI's console page and row (its `links`), not from the navigation.
      { path: 'kpi/:id/nilai', file: 'admin/kpi-values.tsx' },
      // Reached from a regulation's console page and row; its form carries the PDF.
      {
        path: 'peraturan/:id/dokumen',
        file: 'admin/regulation-document.tsx',
        upload: { maxBytes: REGULATION_DOCUMENT_MAX_BYTES },
      },
    ],
  },
  api: (router, kit) => {
    registerAgendaRoutes(router)
    registerKpiRoutes(router, kit)
    registerRegulationDocumentRoutes(router, kit)
  },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    // The smart-city page; its nav entry also puts it in the sitemap.
    routes: [{ path: 'kota-cerdas', file: 'web/smart-city.tsx' }],
    nav: [{ path: '/kota-cerdas', title: { id: 'Smart City', en: 'Smart City' } }],
  },
})

export default governanceModule
