import { fileURLToPath } from 'node:url'
import { defineModule, type TenantContext } from '@cerdas/core'
import { counterAdmin } from './counter-admin'
import { migrations } from './migrations'
import { officeAdmin } from './office-admin'
import { officeSearchDocuments } from './offices'
import { officeAsOwnerSection } from './owner-section'
import { permissions } from './permissions'
import { positionAdmin } from './position-admin'
import { officeReference } from './references'
import { registerRoutes } from './routes/index'
import { schema } from './schema'
import { seedData, seedDirectory } from './seed'
import { settings } from './settings'
import { officeSitemap } from './sitemap'
import { unitAdmin } from './unit-admin'
import { unitSearchDocuments } from './units'

export * from './counters'
export { officeJsonLd } from './json-ld'
export { OFFICE_TYPE_LABELS, UNIT_KIND_LABELS } from './labels'
export * from './offices'
export * from './positions'
export { type DirectorySeed, seededCounterId, seededUnitId } from './seed'
export type { DirectorySettings } from './settings'
export * from './units'
export * from './validation'

async function directorySearchDocuments(ctx: TenantContext) {
  return [...(await officeSearchDocuments(ctx)), ...(await unitSearchDocuments(ctx))]
}

/**
 * Direktori: the regency's offices (OPD, kecamatan, puskesmas, RSUD, MPP), their bidang/seksi,
 * counters and positions, with contacts, location and whether each office is open now (hours from
 * the schedules module, owner `directory/office/<slug>`).
 */
export default defineModule({
  id: 'directory',
  dimension: 'governance',
  title: { id: 'Direktori perangkat daerah', en: 'Government directory' },
  description: {
    id: 'Kantor, bidang, loket, dan jabatan perangkat daerah',
    en: 'Government offices, divisions, counters and positions',
  },
  requires: ['schedules'],
  schema,
  migrations,
  settings,
  permissions,
  references: { office: officeReference },
  api: registerRoutes,
  search: directorySearchDocuments,
  seed: { data: seedData, run: seedDirectory },
  admin: { entities: [officeAdmin, unitAdmin, counterAdmin, positionAdmin] },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'direktori', file: 'web/office-list.tsx' },
      { path: 'direktori/buka-sekarang', file: 'web/offices-open-now.tsx' },
      { path: 'direktori/:slug', file: 'web/office-page.tsx' },
    ],
    nav: [{ path: '/direktori', title: { id: 'Direktori', en: 'Directory' } }],
    // The schedule page links to the office that owns it.
    sections: { 'schedules.owner:directory.office': officeAsOwnerSection },
    sitemap: officeSitemap,
  },
})
