import type { AnyModule } from './define-module'
import { type DimensionId, isDimensionId } from './dimensions'
import type { LocalizedText } from './localized-text'
import { type PermissionDefinition, ROLE_IDS, type RoleId } from './roles'

/**
 * A role held by a person or token. Any role may be limited to one dimension
 * (the smart-city team it belongs to); `null` means all. A limited grant acts
 * only within its dimension's modules: `admin:economy` administers the economy
 * modules and none of the platform (users, tokens, settings, mail).
 */
export interface Grant {
  role: RoleId
  dimension: DimensionId | null
}

/**
 * A platform permission needs an unlimited grant, unless it is open to dimension
 * teams because what it shows is narrowed to the grant's dimension.
 */
export interface PlatformPermissionDefinition extends PermissionDefinition {
  openToDimensionTeams?: boolean
}

/** Permissions of the platform itself, next to those the modules declare. */
export const PLATFORM_PERMISSIONS: Record<string, PlatformPermissionDefinition> = {
  'cerdas.users:manage': {
    title: { id: 'Mengelola pengguna dan peran', en: 'Manage users and roles' },
    roles: ['admin'],
  },
  'cerdas.tokens:manage': { title: { id: 'Mengelola token API', en: 'Manage API tokens' }, roles: ['admin'] },
  'cerdas.settings:update': {
    title: { id: 'Mengubah pengaturan daerah', en: 'Change tenant settings' },
    roles: ['admin'],
  },
  // A dimension team reads the entries of its own modules' records (see audit-visibility in the platform).
  'cerdas.audit:read': {
    title: { id: 'Membaca jejak audit', en: 'Read the audit trail' },
    roles: ['admin', 'viewer'],
    openToDimensionTeams: true,
  },
  // The check covers every entry, platform ones included (and tells how many there are).
  'cerdas.audit:verify': {
    title: { id: 'Memeriksa keutuhan jejak audit', en: 'Check the audit trail is intact' },
    roles: ['admin', 'viewer'],
  },
  // Photos are the tenant's, shared by every module's records: a dimension team uploads for its own.
  'cerdas.photos:upload': {
    title: { id: 'Mengunggah foto', en: 'Upload photos' },
    roles: ['admin', 'editor'],
    openToDimensionTeams: true,
  },
  // Deleting one may take it from another team's records: unlimited admins only.
  'cerdas.photos:delete': { title: { id: 'Menghapus foto', en: 'Delete photos' }, roles: ['admin'] },
  // The console shows a dimension team only its own modules.
  'cerdas.console:read': {
    title: { id: 'Membuka konsol admin', en: 'Open the admin console' },
    roles: ['admin', 'editor', 'verifier', 'viewer'],
    openToDimensionTeams: true,
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
  /** For a platform permission: whether dimension-limited grants may hold it too. */
  openToDimensionTeams?: boolean | undefined
  /** Held within the dimension of the owner's module rather than the declaring module's (see PermissionDefinition). */
  followsOwner?: boolean | undefined
  /**
   * For a permission that follows the owner: the dimensions of the modules that may own records
   * (every module of the catalogue declares references), so a grant limited to a dimension without
   * any is refused at the route already.
   */
  ownerDimensions?: DimensionId[] | undefined
  /** Held only by grants unlimited by dimension (see PermissionDefinition). */
  unlimitedOnly?: boolean | undefined
}

/** Every permission of the platform and of the given modules. */
export function permissionCatalog(modules: readonly AnyModule[]): PermissionEntry[] {
  const entries: PermissionEntry[] = Object.entries(PLATFORM_PERMISSIONS).map(([key, p]) => ({
    key,
    ...p,
    module: 'cerdas',
    dimension: null,
  }))
  const ownerDimensions = [...new Set(modules.map((m) => m.dimension))]
  for (const mod of modules) {
    for (const [key, p] of Object.entries(mod.permissions ?? {})) {
      entries.push({
        key,
        ...p,
        module: mod.id,
        dimension: mod.dimension,
        ...(p.followsOwner ? { ownerDimensions: p.ownerDimensions ?? ownerDimensions } : {}),
      })
    }
  }
  return entries
}

/**
 * Whether grants allow a permission. An unlimited tenant admin may do
 * everything; other grants need the permission to list their role (an admin
 * grant counts as every role) and, when limited to a dimension, cover only
 * that dimension's modules and the platform permissions open to dimension teams.
 * A permission that follows the owner is held in the dimension of the owner's
 * module, or the one the record names (`ownerDimension`, ADRs 0110 and 0117); without it, the question is whether the grant may
 * use it for any owner at all (the route guard's, before the owner is known).
 * @example hasPermission([{ role: 'editor', dimension: 'governance' }], catalog.get('announcements.announcement:update'))
 * @example hasPermission([{ role: 'editor', dimension: 'branding' }], catalog.get('schedules.schedule:update'), 'branding') // true
 */
export function hasPermission(
  grants: readonly Grant[],
  entry: PermissionEntry | undefined,
  ownerDimension?: DimensionId,
): boolean {
  if (grants.some((g) => g.role === 'admin' && g.dimension === null)) return true
  if (!entry) return false
  return grants.some((g) => grantCovers(g, entry, ownerDimension))
}

/** Whether one grant covers a permission (see hasPermission). */
export function grantCovers(grant: Grant, entry: PermissionEntry, ownerDimension?: DimensionId): boolean {
  if (grant.role !== 'admin' && !entry.roles.includes(grant.role)) return false
  if (grant.dimension === null) return true
  if (entry.unlimitedOnly) return false
  if (entry.dimension === null) return entry.openToDimensionTeams === true
  if (entry.followsOwner) {
    if (ownerDimension !== undefined) return grant.dimension === ownerDimension
    return (entry.ownerDimensions ?? [entry.dimension]).includes(grant.dimension)
  }
  return grant.dimension === entry.dimension
}

/**
 * The dimension a permission that follows the owner is held in for records owned by a record of
 * `ownerModule`: that module's; the declaring module's when the owner's module is unknown.
 */
export function ownerDimensionOf(
  modules: readonly Pick<AnyModule, 'id' | 'dimension'>[],
  entry: Pick<PermissionEntry, 'dimension'>,
  ownerModule: string | null | undefined,
): DimensionId | undefined {
  const owner = modules.find((m) => m.id === ownerModule)
  return owner?.dimension ?? entry.dimension ?? undefined
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
