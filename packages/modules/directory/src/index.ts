import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { counter } from './counters'
import { migrations } from './migrations'
import { office } from './office'
import { officeAsOwnerSection } from './owner-section'
import { position } from './positions'
import { registerOfficeRoutes } from './routes'
import { seedData, seedDirectory } from './seed'
import { settings } from './settings'
import { unit } from './units'

export * from './counters'
export { officeJsonLd } from './json-ld'
export { OFFICE_TYPE_LABELS, UNIT_KIND_LABELS } from './labels'
export * from './office'
export * from './offices'
export * from './positions'
export type { DirectorySeed } from './seed'
export type { DirectorySettings } from './settings'
export * from './units'
export * from './validation'

/** The records of each entity as the API answers them, for other modules' schemas. */
export const officeSchema = office.schemas.output
export const unitSchema = unit.schemas.output
export const counterSchema = counter.schemas.output
export const positionSchema = position.schemas.output

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
  entities: [office, unit, counter, position],
  migrations,
  settings,
  api: registerOfficeRoutes,
  seed: { data: seedData, run: seedDirectory },
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
  },
})
