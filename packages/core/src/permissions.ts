import type { AnyModule } from './define-module'
import { type DimensionId, isDimensionId } from './dimensions'
import type { LocalizedText } from './localized-text'
import { type PermissionDefinition, ROLE_IDS, type RoleId } from './roles'

/**
 * A role held by a person or token. Editors and verifiers may be limited to
 * one dimension (the smart-city team they belong to); `null` means all.
 */
export interface Grant {
  role: RoleId
  dimension: DimensionId | null
}

/** Permissions of the platform itself, next to those the modules declare. */
export const PLATFORM_PERMISSIONS: Record<string, PermissionDefinition> = {
  'cerdas.users:manage': {
    title: { id: 'Mengelola pengguna dan peran', en: 'Manage users and roles' },
    roles: ['admin'],
  },
  'cerdas.tokens:manage': { title: { id: 'Mengelola token API', en: 'Manage API tokens' }, roles: ['admin'] },
  'cerdas.settings:update': {
    title: { id: 'Mengubah pengaturan daerah', en: 'Change tenant settings' },
    roles: ['admin'],
  },
  'cerdas.audit:read': { title: { id: 'Membaca jejak audit', en: 'Read the audit trail' }, roles: ['admin', 'viewer'] },
  'cerdas.console:read': {
    title: { id: 'Membuka konsol admin', en: 'Open the admin console' },
    roles: ['admin', 'editor', 'verifier', 'viewer'],
  },
}

export interface PermissionEntry {
  key: string
  title: LocalizedText
  roles: RoleId[]
  /** Module that declares it, or `cerdas` for the platform's own. */
  module: string
  /** Dimension of the declaring module; null for platform permissions. */
  dimension: DimensionId | null
}

/** Every permission of the platform and of the given modules. */
export function permissionCatalog(modules: readonly AnyModule[]): PermissionEntry[] {
  const entries: PermissionEntry[] = Object.entries(PLATFORM_PERMISSIONS).map(([key, p]) => ({
    key,
    ...p,
    module: 'cerdas',
    dimension: null,
  }))
  for (const mod of modules) {
    for (const [key, p] of Object.entries(mod.permissions ?? {})) {
      entries.push({ key, ...p, module: mod.id, dimension: mod.dimension })
    }
  }
  return entries
}

/**
 * Whether grants allow a permission. A tenant admin may do everything; other
 * roles need the permission to list them, and a dimension-limited grant only
 * covers modules of that dimension.
 * @example hasPermission([{ role: 'editor', dimension: 'governance' }], catalog.get('announcements.announcement:update'))
 */
export function hasPermission(grants: readonly Grant[], entry: PermissionEntry | undefined): boolean {
  if (grants.some((g) => g.role === 'admin')) return true
  if (!entry) return false
  return grants.some(
    (g) =>
      entry.roles.includes(g.role) &&
      (g.dimension === null || entry.dimension === null || g.dimension === entry.dimension),
  )
}

/** Parses `editor:governance` or `admin` into a grant; undefined when malformed. */
export function parseGrant(text: string): Grant | undefined {
  const [role, dimension] = text.split(':')
  if (!role || !(ROLE_IDS as readonly string[]).includes(role)) return undefined
  if (dimension === undefined) return { role: role as RoleId, dimension: null }
  return isDimensionId(dimension) ? { role: role as RoleId, dimension } : undefined
}

export function formatGrant(grant: Grant): string {
  return grant.dimension ? `${grant.role}:${grant.dimension}` : grant.role
}
