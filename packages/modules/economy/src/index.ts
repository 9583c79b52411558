import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { business } from './business'
import { eatery } from './eatery'
import { lodging } from './lodging'
import { migrations } from './migrations'
import { registerEconomyRoutes } from './routes'
import { seedData, seedEconomy } from './seed'
import { settings } from './settings'

export { type Business, business } from './business'
export { type Eatery, eatery, eateryStatementProblems } from './eatery'
export * from './json-ld'
export * from './labels'
export * from './lists'
export { type Lodging, lodging, lodgingProblems } from './lodging'
export * from './prices'
export type { EconomySeed } from './seed'
export type { EconomySettings } from './settings'

/**
 * Ekonomi (Smart Economy): culinary places, lodgings and small businesses (UMKM) as places, with
 * location, contacts, photos, price level, facilities and hours (schedules owner
 * `economy/<entity>/<slug>`). Editable by the economy team and admins.
 */
const economy = defineModule({
  id: 'economy',
  dimension: 'economy',
  title: { id: 'Kuliner, penginapan & UMKM', en: 'Food, lodging & small businesses' },
  description: {
    id: 'Tempat kuliner, penginapan, dan UMKM daerah',
    en: 'Culinary places, lodgings and small businesses of the regency',
  },
  requires: ['schedules'],
  entities: [eatery, lodging, business],
  migrations,
  settings,
  api: registerEconomyRoutes,
  seed: { data: seedData, run: seedEconomy },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'kuliner', file: 'web/eatery-list.tsx' },
      { path: 'kuliner/:slug', file: 'web/eatery-page.tsx' },
      { path: 'penginapan', file: 'web/lodging-list.tsx' },
      { path: 'penginapan/:slug', file: 'web/lodging-page.tsx' },
      { path: 'umkm', file: 'web/business-list.tsx' },
      { path: 'umkm/:slug', file: 'web/business-page.tsx' },
    ],
    nav: [
      { path: '/kuliner', title: { id: 'Kuliner', en: 'Food' } },
      { path: '/penginapan', title: { id: 'Penginapan', en: 'Lodging' } },
      { path: '/umkm', title: { id: 'UMKM', en: 'Local businesses' } },
    ],
  },
})

export default economy
