import type { LocalizedText } from './localized-text'

/** Tenant roles from the smart-city structure; permissions map onto these. */
export const ROLE_IDS = ['admin', 'editor', 'verifier', 'viewer'] as const
export type RoleId = (typeof ROLE_IDS)[number]

export const ROLES: Record<RoleId, LocalizedText> = {
  admin: { id: 'Admin daerah (Diskominfo)', en: 'Tenant admin (Diskominfo)' },
  editor: { id: 'Editor tim dimensi', en: 'Dimension-team editor' },
  verifier: { id: 'Verifikator', en: 'Verifier' },
  viewer: { id: 'Peninjau', en: 'Viewer' },
}

export interface PermissionDefinition {
  title: LocalizedText
  /** Roles granted this permission by default. */
  roles: RoleId[]
}
