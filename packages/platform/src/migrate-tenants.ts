import type { AnyModule } from '@cerdas/core'
import {
  type AppliedMigration,
  appliedVersions,
  applyMigrations,
  filePath,
  fileSchemaMark,
  getSchemaVersions,
  listTenants,
  type MigrationSet,
  recordLifecycleEvent,
  schemaIsCurrent,
  schemaMark,
  setSchemaVersions,
  type TenantRecord,
  tenantFrameworkMigrations,
} from '@cerdas/db'
import { identityMigrations } from '@cerdas/identity'
import type { Platform } from './platform'

/** Migration sets for a tenant: the framework's tables, accounts, then each enabled module in dependency order. */
export function migrationSetsFor(record: TenantRecord, modules: readonly AnyModule[]): MigrationSet[] {
  const enabled = new Set(record.modules.filter((m) => m.enabled).map((m) => m.moduleId))
  return [
    tenantFrameworkMigrations,
    identityMigrations,
    ...modules.filter((m) => enabled.has(m.id)).map((m) => ({ owner: m.id, migrations: m.migrations })),
  ]
}

export interface TenantMigrationResult {
  slug: string
  status: 'ok' | 'failed'
  applied: AppliedMigration[]
  versions: Record<string, string>
  error?: string
}

/**
 * Brings one tenant's database up to date and records its schema versions in the control plane.
 * A database marked current whose versions the control plane already holds costs a read of its
 * file header (or one statement) and one control-plane read: a start with hundreds of tenants
 * opens none of them and writes nothing.
 */
export async function migrateTenant(
  platform: Platform,
  record: TenantRecord,
  onApplied?: (migration: AppliedMigration) => void,
): Promise<TenantMigrationResult> {
  try {
    const sets = migrationSetsFor(record, platform.modules)
    const url = platform.tenantDbUrl(record)
    // A file not open anywhere tells its mark from its header: no connection, no WAL or shared
    // memory created, nothing left for this process to hold or collect.
    const current =
      (url.startsWith('file:/') && fileSchemaMark(filePath(url)) === schemaMark(sets)) ||
      (await schemaIsCurrent((await platform.tenantDb(record)).$client, sets))
    if (current) {
      const recorded = await getSchemaVersions(platform.controlPlane, record.id)
      if (Object.keys(recorded).length > 0) return { slug: record.slug, status: 'ok', applied: [], versions: recorded }
    }
    const db = await platform.tenantDb(record)
    const applied = await applyMigrations(db.$client, sets, onApplied)
    const versions = await appliedVersions(db.$client)
    await setSchemaVersions(platform.controlPlane, record.id, versions)
    if (applied.length > 0) {
      await recordLifecycleEvent(platform.controlPlane, {
        tenantId: record.id,
        tenantSlug: record.slug,
        kind: 'migrated',
        detail: { applied: applied.map((m) => `${m.owner}/${m.id}`) },
        actor: 'system',
      })
    }
    return { slug: record.slug, status: 'ok', applied, versions }
  } catch (error) {
    platform.forget(record)
    return { slug: record.slug, status: 'failed', applied: [], versions: {}, error: (error as Error).message }
  }
}

export interface MigrateAllOptions {
  /** Tenants migrated at once. */
  concurrency?: number
  onProgress?: (done: number, total: number, result: TenantMigrationResult) => void
}

/**
 * Migrates every tenant. A failing tenant is reported and the others go on;
 * re-running resumes, since each migration commits with its ledger row.
 */
export async function migrateAllTenants(
  platform: Platform,
  options: MigrateAllOptions = {},
): Promise<TenantMigrationResult[]> {
  const tenants = await listTenants(platform.controlPlane)
  const results: TenantMigrationResult[] = []
  let next = 0
  const worker = async () => {
    while (next < tenants.length) {
      const record = tenants[next++] as TenantRecord
      const result = await migrateTenant(platform, record)
      results.push(result)
      options.onProgress?.(results.length, tenants.length, result)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker))
  return results.sort((a, b) => a.slug.localeCompare(b.slug))
}

export interface TenantSchemaStatus {
  slug: string
  upToDate: boolean
  pending: string[]
  error?: string
}

/** Which migrations each tenant still lacks, read from the tenant databases themselves. */
export async function migrationStatus(platform: Platform): Promise<TenantSchemaStatus[]> {
  const out: TenantSchemaStatus[] = []
  for (const record of await listTenants(platform.controlPlane)) {
    try {
      const db = await platform.tenantDb(record)
      const rows = await db.$client.execute('SELECT owner, id FROM cerdas_migrations').catch(() => ({ rows: [] }))
      const done = new Set(rows.rows.map((r) => `${r.owner}/${r.id}`))
      const pending = migrationSetsFor(record, platform.modules).flatMap((set) =>
        set.migrations.map((m) => `${set.owner}/${m.id}`).filter((key) => !done.has(key)),
      )
      out.push({ slug: record.slug, upToDate: pending.length === 0, pending })
    } catch (error) {
      out.push({ slug: record.slug, upToDate: false, pending: [], error: (error as Error).message })
    }
  }
  return out
}
