import type { PermissionDefinition } from '@cerdas/core'

const ENTITIES = {
  office: { id: 'kantor (OPD)', en: 'offices' },
  unit: { id: 'bidang/seksi', en: 'units (bidang/seksi)' },
  counter: { id: 'loket', en: 'counters' },
  position: { id: 'jabatan', en: 'positions' },
} as const

const ACTIONS = {
  create: { id: 'Menambah', en: 'Create', roles: ['admin', 'editor'] },
  update: { id: 'Mengubah', en: 'Edit', roles: ['admin', 'editor'] },
  delete: { id: 'Menghapus', en: 'Delete', roles: ['admin'] },
  // The dimension team's editors keep their data true, so they confirm it too (as for announcements and schedules).
  verify: { id: 'Memverifikasi', en: 'Verify', roles: ['admin', 'editor', 'verifier'] },
} as const

export const permissions: Record<string, PermissionDefinition> = Object.fromEntries(
  Object.entries(ENTITIES).flatMap(([entity, label]) =>
    Object.entries(ACTIONS).map(([action, a]) => [
      `directory.${entity}:${action}`,
      { title: { id: `${a.id} ${label.id}`, en: `${a.en} ${label.en}` }, roles: [...a.roles] },
    ]),
  ),
)
