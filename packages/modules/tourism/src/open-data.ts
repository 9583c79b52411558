import type { ModuleOpenData } from '@cerdas/core'

/** Events as open data: also the iCalendar feed calendar apps subscribe to. */
export const tourismOpenData: ModuleOpenData = {
  keywords: ['pariwisata'],
  entities: {
    event: {
      links: [
        {
          path: '/api/v1/tourism/events.ics',
          mediaType: 'text/calendar',
          format: 'iCalendar',
          title: { id: 'Kalender acara (iCalendar)', en: 'Events calendar (iCalendar)' },
          conformsTo: 'https://www.rfc-editor.org/rfc/rfc5545',
          download: true,
        },
      ],
    },
  },
}
