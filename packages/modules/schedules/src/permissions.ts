import type { PermissionDefinition } from '@cerdas/core'

export const permissions: Record<string, PermissionDefinition> = {
  'schedules.schedule:create': {
    title: { id: 'Membuat jadwal (jam buka, kehadiran petugas)', en: 'Create schedules (hours, officer presence)' },
    roles: ['admin', 'editor'],
  },
  'schedules.schedule:update': {
    title: { id: 'Mengubah jadwal', en: 'Edit schedules' },
    roles: ['admin', 'editor'],
  },
  'schedules.schedule:delete': {
    title: { id: 'Menghapus jadwal', en: 'Delete schedules' },
    roles: ['admin'],
  },
  'schedules.schedule:verify': {
    title: { id: 'Memverifikasi jadwal', en: 'Verify schedules' },
    roles: ['admin', 'editor', 'verifier'],
  },
  'schedules.holiday:create': {
    title: { id: 'Menambah hari libur', en: 'Add holidays' },
    roles: ['admin'],
  },
  'schedules.holiday:update': {
    title: { id: 'Mengubah hari libur', en: 'Edit holidays' },
    roles: ['admin'],
  },
  'schedules.holiday:delete': {
    title: { id: 'Menghapus hari libur', en: 'Delete holidays' },
    roles: ['admin'],
  },
  'schedules.holiday:verify': {
    title: { id: 'Memverifikasi hari libur', en: 'Verify holidays' },
    roles: ['admin', 'editor', 'verifier'],
  },
}
