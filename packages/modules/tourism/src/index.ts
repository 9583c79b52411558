import { fileURLToPath } from 'node:url'
import { defineModule, type HomeSection, type TenantContext } from '@cerdas/core'
import { attraction } from './attraction'
import { event } from './event'
import { tourismIndicators } from './indicators'
import { migrations } from './migrations'
import { tourismOpenData } from './open-data'
import { registerTourismRoutes } from './routes'
import { eventsAtOffice, eventsThisWeek } from './sections'
import { seedData, seedTourism } from './seed'
import { settings } from './settings'

export * from './attraction'
export * from './attractions'
export * from './event'
export { eventJsonLd, localDateTime } from './event-json-ld'
export * from './events-calendar'
export { eventsFeed, oneEventICalendar } from './events-feed'
export { eventsToICalendar } from './events-icalendar'
export * from './labels'
export * from './occurrences'
export type { TourismSeed } from './seed'
export type { TourismSettings } from './settings'
export * from './venues'

/** This week's events on the home page, as many as the tenant's settings say. */
function thisWeek(ctx: TenantContext): Promise<HomeSection | null> {
  return eventsThisWeek(ctx, tourism.settingsOf(ctx).homeCount)
}

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
  indicators: tourismIndicators,
  openData: tourismOpenData,
  seed: { data: seedData, run: seedTourism },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'wisata', file: 'web/attraction-list.tsx' },
      { path: 'wisata/:slug', file: 'web/attraction-page.tsx' },
      { path: 'acara', file: 'web/event-calendar.tsx' },
      { path: 'acara/:slug', file: 'web/event-page.tsx' },
    ],
    nav: [
      { path: '/wisata', title: { id: 'Wisata', en: 'Attractions' } },
      { path: '/acara', title: { id: 'Acara', en: 'Events' } },
    ],
    home: thisWeek,
    sections: { 'directory.office': eventsAtOffice },
  },
})

export default tourism
