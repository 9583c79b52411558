import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { nextDeparturesHomeSection } from './home-section'
import { migrations } from './migrations'
import { route } from './route'
import { registerTransportRoutes } from './routes'
import { settings } from './settings'

export * from './labels'
export { type Contacts, type Route, route } from './route'
export * from './route-departures'
export type { TransportSettings } from './settings'
export { HOLIDAY_RULE_LABELS, type TimetableInput, timetableInputSchema } from './timetable'

/**
 * Transportasi: ferry crossings, buses and travel vans with their departure timetables, holiday-
 * aware through the tenant's holiday calendar (schedules module), with "next departure" on the page.
 */
const transport = defineModule({
  id: 'transport',
  dimension: 'living',
  title: { id: 'Transportasi', en: 'Transport' },
  description: {
    id: 'Jadwal kapal penyeberangan, bus, dan travel',
    en: 'Ferry, bus and travel van timetables',
  },
  requires: ['schedules'],
  entities: [route],
  // Ferry and bus timetables: the EU's transport theme rather than Smart Living's default.
  openData: { theme: 'TRAN' },
  migrations,
  settings,
  api: registerTransportRoutes,
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'transportasi', file: 'web/route-list.tsx' },
      { path: 'transportasi/:slug', file: 'web/route-page.tsx' },
    ],
    nav: [{ path: '/transportasi', title: { id: 'Transportasi', en: 'Transport' } }],
    home: nextDeparturesHomeSection,
  },
})

export default transport
