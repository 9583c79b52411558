import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { area } from './area'
import { dropPoint } from './droppoint'
import { migrations } from './migrations'
import { registerWasteRoutes } from './routes'
import { settings } from './settings'

export { type Area, area } from './area'
export * from './area-collections'
export { type CollectionRuleInput, collectionRuleInputSchema } from './collection-rule'
export { type DropPoint, dropPoint, dropPointOwner } from './droppoint'
export * from './droppoints'
export * from './labels'
export type { WasteSettings } from './settings'

/**
 * Sampah: waste-collection areas with their collection days (holiday-shifted through the tenant's
 * holiday calendar, ADR 0113) and drop points (TPS, TPS3R, bank sampah) as places with hours.
 */
const waste = defineModule({
  id: 'waste',
  dimension: 'environment',
  title: { id: 'Pengangkutan sampah', en: 'Waste collection' },
  description: {
    id: 'Jadwal pengangkutan sampah per desa dan tempat pembuangan sampah',
    en: 'Waste collection days by village and drop points',
  },
  requires: ['schedules', 'directory'],
  entities: [area, dropPoint],
  migrations,
  settings,
  api: registerWasteRoutes,
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'sampah', file: 'web/collections-page.tsx' },
      { path: 'sampah/area', file: 'web/area-index.tsx' },
      { path: 'sampah/area/:slug', file: 'web/area-page.tsx' },
      { path: 'sampah/tempat', file: 'web/droppoint-list.tsx' },
      { path: 'sampah/tempat/:slug', file: 'web/droppoint-page.tsx' },
    ],
    nav: [{ path: '/sampah', title: { id: 'Sampah', en: 'Waste' } }],
    // The drop-point list besides the nav path; record pages come from the entities.
    sitemap: async () => [{ path: '/sampah/tempat' }],
  },
})

export default waste
export * from './json-ld'
