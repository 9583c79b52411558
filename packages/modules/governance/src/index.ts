import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { member } from './member'
import { migrations } from './migrations'
import { regulation } from './regulation'
import { seedData, seedGovernance } from './seed'
import { teamMember } from './team-member'

export * from './member'
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
  entities: [regulation, member, teamMember],
  migrations,
  seed: { data: seedData, run: seedGovernance },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    // The smart-city page; its nav entry also puts it in the sitemap.
    routes: [{ path: 'kota-cerdas', file: 'web/smart-city.tsx' }],
    nav: [{ path: '/kota-cerdas', title: { id: 'Smart City', en: 'Smart City' } }],
  },
})

export default governanceModule
