import { defineModule } from '@cerdas/core'
import { attraction } from './attraction'
import { event } from './event'
import { migrations } from './migrations'
import { registerTourismRoutes } from './routes'
import { seedData, seedTourism } from './seed'
import { settings } from './settings'

export * from './attraction'
export * from './attractions'
export * from './event'
export * from './events-calendar'
export { eventsFeed, oneEventICalendar } from './events-feed'
export { eventsToICalendar } from './events-icalendar'
export * from './labels'
export * from './occurrences'
export type { TourismSeed } from './seed'
export type { TourismSettings } from './settings'
export * from './venues'

/**
 * Wisata: the regency's attractions (with hours from the schedules module, owner
 * `tourism/attraction/<slug>`) and its events and festivals with an events calendar and
 * iCalendar feeds. Smart Branding: only the branding team and admins edit them.
 */
const tourism = defineModule({
  id: 'tourism',
  dimension: 'branding',
  title: { id: 'Wisata dan acara', en: 'Tourism and events' },
  description: {
    id: 'Tempat wisata, acara dan festival, dengan kalender acara',
    en: 'Attractions, events and festivals, with an events calendar',
  },
  requires: ['schedules'],
  entities: [attraction, event],
  migrations,
  settings,
  api: registerTourismRoutes,
  seed: { data: seedData, run: seedTourism },
})

export default tourism
