import type { ModuleOpenData } from '@cerdas/core'

/** Holidays as open data: also the year's iCalendar feed. */
export const schedulesOpenData: ModuleOpenData = {
  entities: {
    holiday: {
      frequency: 'annual',
      keywords: ['hari libur', 'cuti bersama'],
      links: [
        {
          path: '/api/v1/holidays/ical',
          mediaType: 'text/calendar',
          format: 'iCalendar',
          title: { id: 'Hari libur tahun ini (iCalendar)', en: "This year's holidays (iCalendar)" },
          conformsTo: 'https://www.rfc-editor.org/rfc/rfc5545',
          download: true,
        },
      ],
    },
  },
}
