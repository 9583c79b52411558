import type { PermissionDefinition } from '@cerdas/core'

export const permissions: Record<string, PermissionDefinition> = {
  'announcements.announcement:create': {
    title: { id: 'Membuat pengumuman', en: 'Create announcements' },
    roles: ['admin', 'editor'],
  },
  'announcements.announcement:update': {
    title: { id: 'Mengubah pengumuman', en: 'Edit announcements' },
    roles: ['admin', 'editor'],
  },
  'announcements.announcement:delete': {
    title: { id: 'Menghapus pengumuman', en: 'Delete announcements' },
    roles: ['admin'],
  },
  'announcements.announcement:verify': {
    title: { id: 'Memverifikasi pengumuman', en: 'Verify announcements' },
    roles: ['admin', 'editor', 'verifier'],
  },
}
