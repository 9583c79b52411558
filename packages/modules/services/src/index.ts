import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { serviceAdmin } from './admin'
import { migrations } from './migrations'
import { serviceAsOwnerSection } from './owner-section'
import { permissions } from './permissions'
import { serviceReference } from './references'
import { registerRoutes } from './routes/index'
import { schema } from './schema'
import { seedData, seedServices } from './seed'
import { servicesAtOfficeSection, servicesHomeSection } from './service-page'
import { serviceSearchDocuments } from './services'
import { settings } from './settings'
import { serviceSitemap } from './sitemap'

export { CATEGORY_LABELS, serviceAdmin } from './admin'
export { serviceJsonLd } from './json-ld'
export type { ServiceSeed } from './seed'
export { servicePageData, servicesAtOfficeSection, servicesHomeSection } from './service-page'
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
  schema,
  migrations,
  settings,
  permissions,
  references: { service: serviceReference },
  api: registerRoutes,
  search: serviceSearchDocuments,
  seed: { data: seedData, run: seedServices },
  admin: { entities: [serviceAdmin] },
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
    sitemap: serviceSitemap,
  },
})
