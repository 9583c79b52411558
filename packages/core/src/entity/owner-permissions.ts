import { inArray, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { type Grant, hasPermission, ownerDimensionOf, type PermissionEntry } from '../permissions'
import { problem } from '../problem'
import type { TenantContext } from '../tenant'
import { DEFAULT_ENTITY_ROLES, type EntityAction } from './declaration'
import type { EntityStore, Record_ } from './store'

/**
 * Permissions that follow the owner (ADR 0110): for an entity declaring `ownerField`, a grant
 * limited to a dimension writes and sees in the console only the records whose owner's module is
 * of that dimension. Callers without grants (the CLI, seeds, the system) act with full rights.
 */

/** The module of a record's owner (the `module` of its owner field), for an entity that follows its owner. */
export function ownerModuleOf(store: EntityStore, values: Record_): string | undefined {
  const field = store.declaration.ownerField
  const owner = field ? (values[field] as { module?: unknown } | null | undefined) : undefined
  return typeof owner?.module === 'string' ? owner.module : undefined
}

/** The permission entry of an action, as the catalogue lists it for an entity that follows its owner. */
function entryOf(ctx: TenantContext, store: EntityStore, action: EntityAction): PermissionEntry {
  const d = store.declaration
  return {
    key: `${d.module}.${d.name}:${action}`,
    title: d.title,
    roles: d.roles?.[action] ?? DEFAULT_ENTITY_ROLES[action],
    module: d.module,
    dimension: ctx.modules.find((m) => m.id === d.module)?.dimension ?? null,
    followsOwner: true,
  }
}

/** Whether the caller's grants hold the action's permission for a record with these values. */
export function ownerPermits(ctx: TenantContext, store: EntityStore, action: EntityAction, values: Record_): boolean {
  const grants = ctx.actor?.grants
  if (!store.declaration.ownerField || !grants) return true
  const entry = entryOf(ctx, store, action)
  return hasPermission(grants, entry, ownerDimensionOf(ctx.modules, entry, ownerModuleOf(store, values)))
}

/**
 * Refuses with 403 a write whose owner (each of `records`' values: the stored and the new one)
 * lies outside what the caller's grants hold the action's permission for. Anonymous callers never
 * get here: the route answers 401 first.
 */
export function requireOwnerPermission(
  ctx: TenantContext,
  store: EntityStore,
  action: EntityAction,
  records: readonly Record_[],
): void {
  const d = store.declaration
  for (const values of records) {
    if (ownerPermits(ctx, store, action, values)) continue
    throw problem(
      'forbidden',
      `Your roles do not include permission ${d.module}.${d.name}:${action} for records of module ` +
        `${ownerModuleOf(store, values) ?? d.module}: a team writes the ${d.name} records of its own dimension's modules.`,
    )
  }
}

/** The dimension-limited grants of the caller, or null when one is unlimited or there are no grants (full rights). */
function limitedGrants(ctx: TenantContext): Grant[] | null {
  const grants = ctx.actor?.grants
  if (!grants || grants.some((g) => g.dimension === null)) return null
  return grants
}

/** Whether the console shows the caller a record with these values: its owner is of a dimension of theirs. */
export function ownerVisible(ctx: TenantContext, store: EntityStore, values: Record_): boolean {
  const grants = limitedGrants(ctx)
  if (!store.declaration.ownerField || !grants) return true
  const owner = ownerModuleOf(store, values)
  const dimension = ctx.modules.find((m) => m.id === owner)?.dimension
  return grants.some((g) => g.dimension === dimension)
}

/**
 * The condition on a column holding the owner's module id that keeps the records the caller may
 * see (owners of their dimensions' modules); none when they see every record.
 * @example schedule.listForEditing(ctx, page, visibleOwners(ctx, columns.ownerModule))
 */
export function visibleOwners(ctx: TenantContext, ownerModuleColumn: SQLiteColumn): SQL[] {
  const grants = limitedGrants(ctx)
  if (!grants) return []
  const dimensions = new Set(grants.map((g) => g.dimension))
  const modules = ctx.modules.filter((m) => dimensions.has(m.dimension)).map((m) => m.id)
  return [inArray(ownerModuleColumn, modules)]
}
