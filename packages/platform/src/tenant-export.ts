import { type Actor, localeSchema, problem } from '@cerdas/core'
import { findTenantBySlug, recordLifecycleEvent, type TenantRecord } from '@cerdas/db'
import { createClient, type InValue } from '@libsql/client'
import { z } from 'zod'
import { flushPendingAudit } from './control-plane-audit'
import { MAIL_DISABLED, mailSettingsSchema, tenantMailSettings } from './mail'
import { migrateTenant } from './migrate-tenants'
import type { Platform } from './platform'
import { createTenant } from './provision-tenant'
import { removeTenant } from './remove-tenant'
import { rebuildSearchIndex } from './search-index'

/**
 * Tables that are derived data, rebuilt on import rather than exported, and the installation's
 * own bookkeeping (module job runs: an imported tenant's jobs simply run when next due).
 */
// A module's table named `…_derived` holds only what it recomputes (a change counter, say).
const DERIVED =
  /^(cerdas_search.*|cerdas_migrations|cerdas_data_version|cerdas_job_runs|sqlite_.*|[a-z][a-z0-9]*_[a-z0-9_]*_derived)$/

/**
 * Credentials of the moment: a session or an unused one-time link belongs to
 * the installation that issued it, never to a copy (people sign in again).
 */
const NOT_CARRIED = new Set(['identity_sessions', 'identity_links'])

/**
 * One value of a row: JSON's own types, bytes as base64, and an integer
 * beyond ±2^53 as its decimal digits (a JSON number would round it).
 */
const cellSchema = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.strictObject({ $base64: z.string() }),
  z.strictObject({ $int: z.string().regex(/^-?\d{1,20}$/) }),
])

export const tenantExportSchema = z.strictObject({
  format: z.literal('cerdas-tenant-export'),
  /** 2 adds the tenant's mail settings and status and exact large integers; 1 is still read. */
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string(),
  tenant: z.strictObject({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['kabupaten', 'kota']),
    province: z.string(),
    timezone: z.string(),
    defaultLocale: localeSchema,
    locales: z.array(localeSchema),
    branding: z.record(z.string(), z.unknown()),
    reference: z.record(z.string(), z.unknown()),
    template: z.string(),
    status: z.enum(['active', 'suspended']).optional(),
    /** Outgoing mail settings; the password stays in the server's environment, as on the source. */
    mail: mailSettingsSchema.optional(),
    hosts: z.array(z.string()),
    modules: z.array(
      z.strictObject({ moduleId: z.string(), enabled: z.boolean(), settings: z.record(z.string(), z.unknown()) }),
    ),
  }),
  tables: z.record(z.string(), z.strictObject({ columns: z.array(z.string()), rows: z.array(z.array(cellSchema)) })),
})

export type TenantExport = z.infer<typeof tenantExportSchema>
type Cell = z.infer<typeof cellSchema>

function toCell(value: unknown): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : { $int: value.toString() }
  }
  if (value instanceof ArrayBuffer) return { $base64: Buffer.from(value).toString('base64') }
  return String(value)
}

function fromCell(cell: Cell): InValue {
  if (cell !== null && typeof cell === 'object') {
    return '$int' in cell ? BigInt(cell.$int) : Buffer.from(cell.$base64, 'base64')
  }
  return cell
}

/**
 * Reads every row with integers as bigint: the shared connection reads them
 * as JavaScript numbers, which round anything beyond 2^53.
 */
async function readTables(platform: Platform, record: TenantRecord, tables: string[]): Promise<TenantExport['tables']> {
  const client = createClient({
    url: platform.tenantDbUrl(record),
    authToken: record.dbTokenEnv ? process.env[record.dbTokenEnv] : undefined,
    intMode: 'bigint',
  })
  try {
    const dump: TenantExport['tables'] = {}
    for (const table of tables) {
      const result = await client.execute(`SELECT * FROM "${table}" ORDER BY rowid`)
      dump[table] = {
        columns: result.columns,
        rows: result.rows.map((row) => result.columns.map((_, i) => toCell(row[i]))),
      }
    }
    return dump
  } finally {
    client.close()
  }
}

async function userTables(platform: Platform, record: TenantRecord): Promise<string[]> {
  const db = await platform.tenantDb(record)
  const rows = await db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
  return rows.rows.map((r) => String(r.name)).filter((name) => !DERIVED.test(name) && !NOT_CARRIED.has(name))
}

/**
 * Every row of every module table and the audit log, with the tenant's
 * control-plane settings: a lossless JSON picture of one regency.
 */
export async function exportTenant(
  platform: Platform,
  slug: string,
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<TenantExport> {
  const record = await findTenantBySlug(platform.controlPlane, slug)
  if (!record) throw problem('notFound', `no tenant "${slug}"`)
  // Control-plane audit entries still pending belong in the exported log.
  await flushPendingAudit(platform, record)
  const tables = await readTables(platform, record, await userTables(platform, record))
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'exported',
    detail: { tables: Object.keys(tables).length },
    actor: `${actor.kind}:${actor.id}`,
  })
  return {
    format: 'cerdas-tenant-export',
    version: 2,
    exportedAt: new Date().toISOString(),
    tenant: {
      slug: record.slug,
      name: record.name,
      kind: record.kind,
      province: record.province,
      timezone: record.timezone,
      defaultLocale: record.defaultLocale,
      locales: record.locales,
      branding: record.branding,
      reference: record.reference,
      template: record.template,
      status: record.status,
      mail: await tenantMailSettings(platform, record.id),
      hosts: record.hosts.map((h) => h.host),
      modules: record.modules,
    },
    tables,
  }
}

export interface ImportOptions {
  /** Import under another slug (its hosts are then `<slug>.<platform host>` plus `hosts`). */
  slug?: string | undefined
  hosts?: string[] | undefined
}

/**
 * Creates a new tenant from an export. Nothing is written unless the file
 * validates; tables and columns must exist in the migrated schema, and all
 * rows go in one transaction.
 */
export async function importTenant(
  platform: Platform,
  raw: unknown,
  options: ImportOptions = {},
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<TenantRecord> {
  const parsed = tenantExportSchema.safeParse(raw)
  if (!parsed.success) {
    throw problem(
      'validation',
      `not a tenant export: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    )
  }
  const dump = parsed.data
  const slug = options.slug ?? dump.tenant.slug
  const known = new Set(platform.modules.map((m) => m.id))
  const unknown = dump.tenant.modules.filter((m) => !known.has(m.moduleId)).map((m) => m.moduleId)
  if (unknown.length > 0)
    throw problem('validation', `the export uses modules this installation lacks: ${unknown.join(', ')}`)

  const record = await createTenant(
    platform,
    {
      slug,
      template: dump.tenant.template,
      name: dump.tenant.name,
      hosts:
        options.hosts ??
        (options.slug ? [] : dump.tenant.hosts.filter((h) => h !== `${slug}.${platform.options.platformHost}`)),
      seed: false,
    },
    actor,
  )
  try {
    await platform.controlPlane.$client.batch(
      [
        {
          sql: 'UPDATE tenants SET kind = ?, province = ?, timezone = ?, default_locale = ?, locales = ?, branding = ?, reference = ?, mail = ? WHERE id = ?',
          args: [
            dump.tenant.kind,
            dump.tenant.province,
            dump.tenant.timezone,
            dump.tenant.defaultLocale,
            JSON.stringify(dump.tenant.locales),
            JSON.stringify(dump.tenant.branding),
            JSON.stringify(dump.tenant.reference),
            JSON.stringify(dump.tenant.mail ?? MAIL_DISABLED),
            record.id,
          ],
        },
        { sql: 'DELETE FROM tenant_modules WHERE tenant_id = ?', args: [record.id] },
        ...dump.tenant.modules.map((m) => ({
          sql: 'INSERT INTO tenant_modules (tenant_id, module_id, enabled, settings) VALUES (?, ?, ?, ?)',
          args: [record.id, m.moduleId, m.enabled ? 1 : 0, JSON.stringify(m.settings)],
        })),
      ],
      'write',
    )
    const updated = (await findTenantBySlug(platform.controlPlane, slug)) as TenantRecord
    platform.forget(updated)
    const migration = await migrateTenant(platform, updated)
    if (migration.status === 'failed') throw new Error(migration.error)
    const db = await platform.tenantDb(updated)
    const existing = new Set(await userTables(platform, updated))
    // Deferred: rows arrive table by table in name order, not in the order their references need.
    const statements: { sql: string; args: InValue[] }[] = [{ sql: 'PRAGMA defer_foreign_keys = ON', args: [] }]
    for (const [table, data] of Object.entries(dump.tables)) {
      if (NOT_CARRIED.has(table)) continue
      if (!existing.has(table)) throw problem('validation', `table ${table} is not part of this tenant's schema`)
      const info = await db.$client.execute(`PRAGMA table_info("${table}")`)
      const columns = new Set(info.rows.map((r) => String(r.name)))
      const missing = data.columns.filter((c) => !columns.has(c))
      if (missing.length > 0) throw problem('validation', `table ${table} has no column(s) ${missing.join(', ')}`)
      const sql = `INSERT INTO "${table}" (${data.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${data.columns.map(() => '?').join(', ')})`
      for (const row of data.rows) {
        if (row.length !== data.columns.length)
          throw problem('validation', `a row of ${table} has ${row.length} values for ${data.columns.length} columns`)
        statements.push({ sql, args: row.map(fromCell) })
      }
    }
    await db.$client.batch(statements, 'write')
    const tenant = await platform.tenantBySlug(slug)
    if (tenant) {
      const ctx = platform.context(tenant, db, { actor })
      await rebuildSearchIndex(
        ctx,
        platform.modules.filter((m) => tenant.info.modules[m.id] && m.search).map((m) => m.search!),
      )
    }
    if (dump.tenant.status === 'suspended') {
      // Last: a suspended tenant is not served, and the search index above is built through the served one.
      await platform.controlPlane.$client.execute({
        sql: "UPDATE tenants SET status = 'suspended' WHERE id = ?",
        args: [record.id],
      })
      platform.forget(updated)
    }
    await recordLifecycleEvent(platform.controlPlane, {
      tenantId: record.id,
      tenantSlug: slug,
      kind: 'imported',
      detail: { from: dump.tenant.slug, exportedAt: dump.exportedAt, rows: statements.length },
      actor: `${actor.kind}:${actor.id}`,
    })
    return dump.tenant.status === 'suspended'
      ? ((await findTenantBySlug(platform.controlPlane, slug)) as TenantRecord)
      : updated
  } catch (error) {
    // The new tenant is unusable half-imported: remove it so a corrected file can be imported again.
    await removeTenant(platform, slug, actor).catch(() => {})
    throw error
  }
}
