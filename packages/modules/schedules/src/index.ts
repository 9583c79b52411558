import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { upcomingScheduleChanges } from './dashboard'
import { holiday } from './holiday'
import { holidaysHomeSection } from './holidays'
import { migrations } from './migrations'
import { schedulesOpenData } from './open-data'
import { registerRoutes } from './routes/index'
import { schedule } from './schedule'
import { seedData, seedSchedules } from './seed'
import { settings } from './settings'

export type { SchemaOrgHours } from '@cerdas/schedules'
// The engine's calendar and zone helpers, for modules that render schedules in other formats (e.g. HSDS).
export { dayNumber, groupWeekdays, localDateOf, WEEKDAYS, weekdayIndex, zoneOffset } from '@cerdas/schedules'
export { type HolidayRecord, holiday } from './holiday'
export * from './holidays'
export { hoursPanel } from './hours-panel'
export * from './kinds'
export { UNKNOWN_OWNER, UNKNOWN_OWNER_TYPE } from './owner-messages'
export { canonicalOwner } from './owners'
export { describeReason } from './reasons'
export { type Schedule, schedule } from './schedule'
export * from './schedule-exports'
export * from './schedule-status'
export * from './schedules'
export type { ScheduleSeed } from './seed'
export type { ScheduleSettings } from './settings'
export * from './validation'

/**
 * Jadwal: opening hours and officer presence of any entity of any module (by owner reference),
 * and the tenant's holiday calendar (national days, cuti bersama, regional holidays) that every
 * schedule and working-day count uses.
 */
export default defineModule({
  id: 'schedules',
  dimension: 'governance',
  title: { id: 'Jadwal & hari libur', en: 'Schedules & holidays' },
  description: {
    id: 'Jam buka, kehadiran petugas, dan hari libur daerah',
    en: 'Opening hours, officer presence and the regency holiday calendar',
  },
  entities: [holiday, schedule],
  openData: schedulesOpenData,
  migrations,
  settings,
  api: registerRoutes,
  seed: { data: seedData, run: seedSchedules },
  admin: {
    dashboard: upcomingScheduleChanges,
    routes: [
      { path: 'jadwal', file: 'admin/schedule-list.tsx' },
      { path: 'jadwal/baru', file: 'admin/schedule-new.tsx' },
      {
        path: 'jadwal/libur',
        file: 'admin/holiday-calendar.tsx',
        nav: { title: { id: 'Kalender libur', en: 'Holiday calendar' }, entity: 'holiday' },
      },
      { path: 'jadwal/:id', file: 'admin/schedule-edit.tsx' },
    ],
  },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'hari-libur', file: 'web/holiday-list.tsx' },
      { path: 'jadwal/:id', file: 'web/schedule-page.tsx' },
    ],
    nav: [{ path: '/hari-libur', title: { id: 'Hari libur', en: 'Holidays' } }],
    home: holidaysHomeSection,
  },
})
