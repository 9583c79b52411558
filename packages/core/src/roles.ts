import type { DimensionId } from './dimensions'
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
  /**
   * The permission acts on records owned by another module's record (a schedule's owner): a
   * grant limited to a dimension holds it for owners of that dimension's modules, whatever the
   * dimension of the declaring module (see `hasPermission` and ADR 0110).
   */
  followsOwner?: boolean | undefined
  /**
   * With `followsOwner`: the dimensions the records may be held in, when they name their team
   * themselves (`dimensionField`, ADR 0117) rather than through an owner: all six.
   */
  ownerDimensions?: DimensionId[] | undefined
  /** Only grants unlimited by dimension hold it: a regulation or a team membership is the whole tenant's. */
  unlimitedOnly?: boolean | undefined
}
