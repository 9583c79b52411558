import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { agenda } from './agenda'
import { registerAgendaRoutes } from './agenda-routes'
import { kpi } from './kpi'
import { registerKpiRoutes } from './kpi-routes'
import { kpiValues } from './kpi-tables'
import { member } from './member'
import { migrations } from './migrations'
import { programme } from './programme'
import { regulation } from './regulation'
import { seedData, seedGovernance } from './seed'
import { teamMember } from './team-member'

export * from './agenda'
export { agendaBetween, agendaFeed, oneAgendaICalendar, upcomingAgenda } from './agenda-calendar'
export * from './kpi'
export * from './kpi-periods'
export * from './kpi-values'
export * from './member'
export * from './programme'
export * from './programme-groups'
export * from './programme-labels'
export * from './regulation'
export type { GovernanceSeed } from './seed'
export * from './team-member'

/**
 * Smart-city governance: the regulations that set up the council (dewan) and implementation team
 * (tim pelaksana), their seats, and the six dimension teams whose members edit their dimension.
 */
const governanceModule = defineModule({
  id: 'governance',
  dimension: 'governance',
  title: { id: 'Tata kelola kota cerdas', en: 'Smart-city governance' },
  requires: ['directory'],
  entities: [regulation, member, teamMember, programme, kpi, agenda],
  schema: { kpiValues },
  migrations,
  seed: { data: seedData, run: seedGovernance },
  api: (router, kit) => {
    registerAgendaRoutes(router)
    registerKpiRoutes(router, kit)
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
