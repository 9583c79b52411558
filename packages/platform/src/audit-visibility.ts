import {
  type AnyModule,
  type DimensionId,
  type Grant,
  type PermissionEntry,
  PLATFORM_PERMISSIONS,
  type TenantDb,
} from '@cerdas/core'
import { type AuditQuery, type AuditRecord, listAudit } from './audit-log'

/**
 * What of the audit trail a caller may read: everything (an unlimited admin
 * or viewer), or only the entries of records of some modules (a grant limited
 * to a dimension reads its dimension's modules; platform entries such as
 * users, tokens, settings and mail settings are never among them).
 */
export type AuditScope =
  | { all: true }
  | {
      all: false
      modules: string[]
      /**
       * Entities whose records follow their owner's team (a schedule, ADR 0110) or name their team
       * (a programme, ADR 0117): their entries are read by the team of the owner's module, or of
       * the dimension, found at `path` in the entry, not by the team of their own module.
       */
      owned?: { entity: string; path: string; by?: 'module' | 'dimension' }[]
      /** The dimensions of the grants, for entries of records that name their team. */
      dimensions?: DimensionId[]
    }

const AUDIT_READ: PermissionEntry = {
  key: 'cerdas.audit:read',
  ...(PLATFORM_PERMISSIONS['cerdas.audit:read'] as (typeof PLATFORM_PERMISSIONS)[string]),
  module: 'cerdas',
  dimension: null,
}

/** The part of the audit trail the grants may read, given the modules the server runs. */
export function auditScopeOf(grants: readonly Grant[], modules: readonly AnyModule[]): AuditScope {
  const readers = grants.filter((g) => g.role === 'admin' || AUDIT_READ.roles.includes(g.role))
  if (readers.some((g) => g.dimension === null)) return { all: true }
  const dimensions = new Set(readers.map((g) => g.dimension))
  const owned = modules.flatMap((m) =>
    (m.entities ?? []).flatMap((e) =>
      e.declaration.ownerField
        ? [{ entity: `${m.id}.${e.name}`, path: `$.${e.declaration.ownerField}.module` }]
        : e.declaration.dimensionField
          ? [{ entity: `${m.id}.${e.name}`, path: `$.${e.declaration.dimensionField}`, by: 'dimension' as const }]
          : [],
    ),
  )
  return {
    all: false,
    modules: modules.filter((m) => dimensions.has(m.dimension)).map((m) => m.id),
    ...(owned.length ? { owned, dimensions: [...dimensions].filter((d): d is DimensionId => d !== null) } : {}),
  }
}

/** The module an audit entity belongs to: `directory` of `directory.office`, `cerdas` of `cerdas.user`. */
export const moduleOfAuditEntity = (entity: string): string => entity.split('.')[0] ?? entity

/** Whether a scope covers an entry's entity. */
export function auditScopeCovers(scope: AuditScope, entity: string): boolean {
  if (scope.all) return true
  // Entries of an entity that follows its owner are read by the owners' teams, whichever module declares it.
  const owned = scope.owned?.find((o) => o.entity === entity)
  if (owned) return owned.by === 'dimension' ? (scope.dimensions?.length ?? 0) > 0 : scope.modules.length > 0
  return scope.modules.includes(moduleOfAuditEntity(entity))
}

/**
 * The audit entries a scope may read, newest first, with the filters of
 * listAudit. Filtering happens in the query so that pages stay full.
 */
export async function listVisibleAudit(db: TenantDb, query: AuditQuery, scope: AuditScope): Promise<AuditRecord[]> {
  if (scope.all) return listAudit(db, query)
  if (scope.modules.length === 0) return []
  return listAudit(db, { ...query, modules: scope.modules, owned: scope.owned, dimensions: scope.dimensions })
}
