import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { servicesIndicators } from './indicators'
import { migrations } from './migrations'
import { servicesOpenData } from './open-data'
import { serviceAsOwnerSection } from './owner-section'
import { registerRoutes } from './routes/index'
import { seedData, seedServices } from './seed'
import { service } from './service'
import { servicesAtOfficeSection, servicesHomeSection } from './service-page'
import { settings } from './settings'

export { serviceJsonLd } from './json-ld'
export * from './labels'
export type { ServiceSeed } from './seed'
export * from './service'
export { servicePageData, servicesAtOfficeSection, servicesHomeSection } from './service-page'
export * from './service-summary'
export * from './services'
export type { ServiceSettings } from './settings'
export * from './validation'

/**
 * Layanan publik: the regency's public services as structured Standar Pelayanan (Law 25/2009):
 * requirements, procedure, fee, processing time, product, legal basis, complaints, with the
 * responsible office and bidang from the directory and open-now / officer presence from schedules.
 */
export default defineModule({
  id: 'services',
  dimension: 'governance',
  title: { id: 'Layanan publik', en: 'Public services' },
  description: {
    id: 'Standar pelayanan: persyaratan, prosedur, biaya, waktu, dan tempat layanan',
    en: 'Service standards: requirements, procedure, fee, time and place',
  },
  requires: ['directory', 'schedules'],
  entities: [service],
  migrations,
  settings,
  api: registerRoutes,
  // The template names the directory's records by their keys, so the seed is written by hand.
  seed: { data: seedData, run: seedServices },
  indicators: servicesIndicators,
  openData: servicesOpenData,
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'layanan', file: 'web/service-list.tsx' },
      { path: 'layanan/:slug', file: 'web/service-page.tsx' },
      { path: 'layanan/:slug/cetak', file: 'web/service-checklist.tsx' },
    ],
    nav: [{ path: '/layanan', title: { id: 'Layanan', en: 'Services' } }],
    home: servicesHomeSection,
    sections: {
      'directory.office': servicesAtOfficeSection,
      // The schedule page links to the service that owns it.
      'schedules.owner:services.service': serviceAsOwnerSection,
    },
  },
})
