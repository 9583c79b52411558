import type { PermissionDefinition } from '@cerdas/core'

export const permissions: Record<string, PermissionDefinition> = {
  'services.service:create': {
    title: { id: 'Menambah layanan publik', en: 'Create public services' },
    roles: ['admin', 'editor'],
  },
  'services.service:update': {
    title: { id: 'Mengubah layanan publik', en: 'Edit public services' },
    roles: ['admin', 'editor'],
  },
  'services.service:delete': {
    title: { id: 'Menghapus layanan publik', en: 'Delete public services' },
    roles: ['admin'],
  },
  'services.service:verify': {
    title: { id: 'Memverifikasi layanan publik', en: 'Verify public services' },
    // The dimension team's editors keep their data true, so they confirm it too (as for announcements and schedules).
    roles: ['admin', 'editor', 'verifier'],
  },
}
