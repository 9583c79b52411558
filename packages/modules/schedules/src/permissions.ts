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
}
