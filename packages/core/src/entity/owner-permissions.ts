import { inArray, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { DIMENSION_IDS, type DimensionId, isDimensionId } from '../dimensions'
import { type Grant, hasPermission, ownerDimensionOf, type PermissionEntry } from '../permissions'
import { problem } from '../problem'
import type { TenantContext } from '../tenant'
import { DEFAULT_ENTITY_ROLES, type EntityAction } from './declaration'
import type { EntityStore, Record_ } from './store'

/**
 * Permissions held in the team of the record rather than of the declaring module: records that
 * follow their owner (`ownerField`, ADR 0110: the owner's module's dimension) and records that
 * name their team (`dimensionField`, ADR 0117: the dimension in that field). A grant limited to a
 * dimension writes, and sees in the console, only the records of its dimension. Callers without
 * grants (the CLI, seeds, the system) act with full rights.
 */

/** Whether the entity's permissions are held in each record's team. */
export function followsRecordTeam(store: EntityStore): boolean {
  return Boolean(store.declaration.ownerField || store.declaration.dimensionField)
}

/** The module of a record's owner (the `module` of its owner field), for an entity that follows its owner. */
export function ownerModuleOf(store: EntityStore, values: Record_): string | undefined {
  const field = store.declaration.ownerField
  const owner = field ? (values[field] as { module?: unknown } | null | undefined) : undefined
  return typeof owner?.module === 'string' ? owner.module : undefined
}

/** The dimension a record names in its dimension field, for an entity whose records name their team. */
function namedDimensionOf(store: EntityStore, values: Record_): DimensionId | undefined {
  const field = store.declaration.dimensionField
  const value = field ? values[field] : undefined
  return typeof value === 'string' && isDimensionId(value) ? value : undefined
}

/** The permission entry of an action, as the catalogue lists it for an entity held in its records' teams. */
function entryOf(ctx: TenantContext, store: EntityStore, action: EntityAction): PermissionEntry {
  const d = store.declaration
  return {
    key: `${d.module}.${d.name}:${action}`,
    title: d.title,
    roles: d.roles?.[action] ?? DEFAULT_ENTITY_ROLES[action],
    module: d.module,
    dimension: ctx.modules.find((m) => m.id === d.module)?.dimension ?? null,
    followsOwner: true,
    ...(d.dimensionField ? { ownerDimensions: [...DIMENSION_IDS] } : {}),
    ...(d.unlimitedOnly ? { unlimitedOnly: true } : {}),
  }
}

/** The team a record's permissions are held in: its owner's module's dimension, or the one it names. */
function teamOf(ctx: TenantContext, store: EntityStore, entry: PermissionEntry, values: Record_) {
  if (store.declaration.dimensionField) return namedDimensionOf(store, values) ?? entry.dimension ?? undefined
  return ownerDimensionOf(ctx.modules, entry, ownerModuleOf(store, values))
}

/** Whether the caller's grants hold the action's permission for a record with these values. */
export function ownerPermits(ctx: TenantContext, store: EntityStore, action: EntityAction, values: Record_): boolean {
  const grants = ctx.actor?.grants
  if (!followsRecordTeam(store) || !grants) return true
  const entry = entryOf(ctx, store, action)
  return hasPermission(grants, entry, teamOf(ctx, store, entry, values))
}

/**
 * Refuses with 403 a write whose team (each of `records`' values: the stored and the new one)
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
    const whose = d.dimensionField
      ? `of dimension ${namedDimensionOf(store, values) ?? '(none)'}`
      : `of module ${ownerModuleOf(store, values) ?? d.module}`
    throw problem(
      'forbidden',
      `Your roles do not include permission ${d.module}.${d.name}:${action} for records ${whose}: ` +
        `a team writes the ${d.name} records of its own dimension.`,
    )
  }
}

/** The dimension-limited grants of the caller, or null when one is unlimited or there are no grants (full rights). */
function limitedGrants(ctx: TenantContext): Grant[] | null {
  const grants = ctx.actor?.grants
  if (!grants || grants.some((g) => g.dimension === null)) return null
  return grants
}

/** Whether the console shows the caller a record with these values: its team is one of theirs. */
export function ownerVisible(ctx: TenantContext, store: EntityStore, values: Record_): boolean {
  const grants = limitedGrants(ctx)
  if (!followsRecordTeam(store) || !grants) return true
  const dimension = store.declaration.dimensionField
    ? namedDimensionOf(store, values)
    : ctx.modules.find((m) => m.id === ownerModuleOf(store, values))?.dimension
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

/**
 * The condition on a column holding a dimension id that keeps the records of the caller's
 * dimensions; none when they see every record. The SDK applies it to `dimensionField` itself.
 */
export function visibleDimensions(ctx: TenantContext, dimensionColumn: SQLiteColumn): SQL[] {
  const grants = limitedGrants(ctx)
  if (!grants) return []
  return [inArray(dimensionColumn, [...new Set(grants.map((g) => g.dimension as DimensionId))])]
}
