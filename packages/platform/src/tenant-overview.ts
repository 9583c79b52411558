import { existsSync } from 'node:fs'
import { type DimensionId, problem, type TenantDb } from '@cerdas/core'
import { filePath, isFileUrl, listTenants, type TenantRecord } from '@cerdas/db'
import { consoleEntities, DEFAULT_STALE_DAYS, entityHealth } from './admin-console'
import type { Platform } from './platform'
import { toTenantInfo } from './tenant-info'

/**
 * The operators' view over every tenant (ADR 0116): which modules each runs and how current its
 * data is. Computed on request by reading each tenant's own database, a few at a time; nothing is
 * copied into a shared table, so the view can never disagree with the tenants or leak between them.
 */

export const OVERVIEW_DEFAULT_CONCURRENCY = 4
export const OVERVIEW_MAX_CONCURRENCY = 32
const DEFAULT_TIMEOUT_MS = 30_000

export interface ModuleOverview {
  id: string
  dimension: DimensionId
  /** The module's latest migration applied in the tenant's database; null when none is (or unread). */
  version: string | null
  /** Records of the module's console entities; null when it has none or the database was not read. */
  records: number | null
  /** Records never verified; null when no entity of the module tracks verification. */
  neverVerified: number | null
  /** Records verified longer ago than the stale limit. */
  stale: number | null
  /** The latest entry of the tenant's audit log about the module's records. */
  lastWriteAt: string | null
  /** The latest verification among the module's records. */
  lastVerifiedAt: string | null
  /** An entity had more records than the dashboard reads; its counts cover the newest ones. */
  truncated: boolean
}

export interface OverviewTotals {
  records: number
  neverVerified: number
  stale: number
  lastWriteAt: string | null
  lastVerifiedAt: string | null
}

export interface TenantOverview {
  slug: string
  name: string
  hosts: string[]
  /** The tenant's lifecycle state in the control plane. */
  status: TenantRecord['status']
  /** Whether its database was read: `failed` and `timeout` carry `error`, and their counts are null. */
  outcome: 'ok' | 'failed' | 'timeout'
  error?: string
  /** Enabled modules, in dependency order (from the control plane when the database was not read). */
  modules: ModuleOverview[]
  /** Sums over the modules; `lastWriteAt` is the latest entry of the whole audit log. Null when unread. */
  totals: OverviewTotals | null
  /** Time spent reading this tenant, for spotting the slow ones. */
  durationMs: number
}

export interface PlatformOverview {
  generatedAt: string
  staleDays: number
  concurrency: number
  tenants: TenantOverview[]
  totals: OverviewTotals & { tenants: number; ok: number; failed: number }
}

/** Runs work with a tenant's database held; the platform's own by default (tests count holders through it). */
export type TenantDbRunner = <T>(record: TenantRecord, work: (db: TenantDb) => Promise<T>) => Promise<T>

export interface TenantOverviewOptions {
  /** Tenants read at once, 1 to {@link OVERVIEW_MAX_CONCURRENCY}; default 4. */
  concurrency?: number
  /** Only these tenants, by slug (an unknown slug is refused); default every tenant. */
  slugs?: readonly string[]
  /** Days after which a verification is stale; default the dashboard's. */
  staleDays?: number
  /** Longest wait for one tenant before it is reported as `timeout`; default 30 s. */
  timeoutMs?: number
  /** Called once per tenant as it finishes, in finishing order. */
  onProgress?: (done: number, total: number, tenant: TenantOverview) => void
  withTenantDb?: TenantDbRunner
  now?: () => Date
}

/**
 * Reads every tenant (or the given ones) with at most `concurrency` tenant databases in use at
 * once. A tenant whose database is missing, broken or slow is reported as such and the others
 * still are; the result lists tenants by slug.
 * @example const view = await tenantOverview(platform, { concurrency: 8, onProgress: (d, t, x) => log(d, t, x.slug) })
 */
export async function tenantOverview(
  platform: Platform,
  options: TenantOverviewOptions = {},
): Promise<PlatformOverview> {
  const concurrency = options.concurrency ?? OVERVIEW_DEFAULT_CONCURRENCY
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > OVERVIEW_MAX_CONCURRENCY) {
    throw problem('validation', `concurrency must be a whole number from 1 to ${OVERVIEW_MAX_CONCURRENCY}`)
  }
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS
  const now = options.now ?? (() => new Date())
  let records = await listTenants(platform.controlPlane)
  if (options.slugs) {
    const known = new Set(records.map((r) => r.slug))
    const unknown = options.slugs.filter((s) => !known.has(s))
    if (unknown.length > 0) throw problem('notFound', `no tenant ${unknown.map((s) => `"${s}"`).join(', ')}`)
    const wanted = new Set(options.slugs)
    records = records.filter((r) => wanted.has(r.slug))
  }

  const results: TenantOverview[] = []
  let next = 0
  // A small pool: each worker takes the next tenant when its last one is done.
  const worker = async () => {
    while (next < records.length) {
      const record = records[next++] as TenantRecord
      const result = await overviewWithin(platform, record, { ...options, staleDays, now })
      results.push(result)
      options.onProgress?.(results.length, records.length, result)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, records.length)) }, worker))
  results.sort((a, b) => a.slug.localeCompare(b.slug))

  const read = results.filter((t) => t.outcome === 'ok')
  return {
    generatedAt: now().toISOString(),
    staleDays,
    concurrency,
    tenants: results,
    totals: {
      tenants: results.length,
      ok: read.length,
      failed: results.length - read.length,
      ...sumTotals(read.flatMap((t) => (t.totals ? [t.totals] : []))),
    },
  }
}

interface ReadOptions extends TenantOverviewOptions {
  staleDays: number
  now: () => Date
}

/** One tenant's overview, or its failure or timeout: never a rejection. */
async function overviewWithin(platform: Platform, record: TenantRecord, options: ReadOptions): Promise<TenantOverview> {
  const started = performance.now()
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  const reading = readTenant(platform, record, options).catch((error: unknown) => ({
    error: error instanceof Error ? error.message : String(error),
  }))
  const settled = await Promise.race([reading, timedOut]).finally(() => clearTimeout(timer))
  const durationMs = Math.round(performance.now() - started)
  if (settled !== 'timeout' && 'modules' in settled) {
    const totals = { ...totalsOf(settled.modules), lastWriteAt: settled.lastWriteAt }
    return { ...identityOf(record), outcome: 'ok', modules: settled.modules, totals, durationMs }
  }
  const modules = enabledModules(platform, record).map((m) => unread(m.id, m.dimension))
  const error = settled === 'timeout' ? `no answer within ${timeoutMs} ms` : settled.error
  return {
    ...identityOf(record),
    outcome: settled === 'timeout' ? 'timeout' : 'failed',
    error,
    modules,
    totals: null,
    durationMs,
  }
}

function identityOf(record: TenantRecord) {
  return { slug: record.slug, name: record.name, hosts: record.hosts.map((h) => h.host), status: record.status }
}

function enabledModules(platform: Platform, record: TenantRecord) {
  const info = toTenantInfo(record, platform.modules)
  return platform.modules.filter((m) => info.modules[m.id])
}

async function readTenant(
  platform: Platform,
  record: TenantRecord,
  options: ReadOptions,
): Promise<{ modules: ModuleOverview[]; lastWriteAt: string | null }> {
  const url = platform.tenantDbUrl(record)
  // Opening a missing file would create an empty database in its place.
  if (isFileUrl(url) && !existsSync(filePath(url))) throw new Error(`database file ${filePath(url)} is missing`)
  const withDb: TenantDbRunner = options.withTenantDb ?? ((r, work) => platform.withTenantDb(r, work))
  return withDb(record, async (db) => {
    const info = toTenantInfo(record, platform.modules)
    const ctx = platform.context({ record, info }, db, { now: options.now })
    const versions = await latestMigrations(db)
    const writes = await auditTimes(db)
    const entities = consoleEntities(platform.modules, info)
    const out: ModuleOverview[] = []
    for (const mod of enabledModules(platform, record)) {
      const overview: ModuleOverview = {
        ...unread(mod.id, mod.dimension),
        version: versions.get(mod.id) ?? null,
        lastWriteAt: writes.byModule.get(mod.id) ?? null,
      }
      for (const e of entities.filter((x) => x.module.id === mod.id)) {
        // The dashboard's own count, so both say the same of a tenant.
        const health = await entityHealth(ctx, e.entity, { staleDays: options.staleDays })
        overview.records = (overview.records ?? 0) + health.total
        if (health.neverVerified !== null) overview.neverVerified = (overview.neverVerified ?? 0) + health.neverVerified
        if (health.stale !== null) overview.stale = (overview.stale ?? 0) + health.stale
        overview.lastVerifiedAt = latest(overview.lastVerifiedAt, health.lastVerifiedAt)
        overview.truncated ||= health.truncated
      }
      out.push(overview)
    }
    return { modules: out, lastWriteAt: writes.latest }
  })
}

function unread(id: string, dimension: DimensionId): ModuleOverview {
  return {
    id,
    dimension,
    version: null,
    records: null,
    neverVerified: null,
    stale: null,
    lastWriteAt: null,
    lastVerifiedAt: null,
    truncated: false,
  }
}

/** The last applied migration of each owner (module), read without creating anything. */
async function latestMigrations(db: TenantDb): Promise<Map<string, string>> {
  const rows = await db.$client.execute('SELECT owner, MAX(id) AS id FROM cerdas_migrations GROUP BY owner')
  return new Map(rows.rows.map((r) => [String(r.owner), String(r.id)]))
}

/** The latest audit entry per module (the part of `entity` before the dot), and over the whole log. */
async function auditTimes(db: TenantDb): Promise<{ byModule: Map<string, string>; latest: string | null }> {
  const rows = await db.$client.execute(
    `SELECT substr(entity, 1, instr(entity || '.', '.') - 1) AS module, MAX(at) AS at
     FROM cerdas_audit_log GROUP BY module`,
  )
  const byModule = new Map(rows.rows.map((r) => [String(r.module), String(r.at)]))
  return { byModule, latest: [...byModule.values()].reduce<string | null>((a, b) => latest(a, b), null) }
}

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b
  if (!b) return a
  return Date.parse(b) > Date.parse(a) ? b : a
}

function totalsOf(modules: readonly ModuleOverview[]): OverviewTotals {
  return {
    records: modules.reduce((n, m) => n + (m.records ?? 0), 0),
    neverVerified: modules.reduce((n, m) => n + (m.neverVerified ?? 0), 0),
    stale: modules.reduce((n, m) => n + (m.stale ?? 0), 0),
    lastWriteAt: modules.reduce<string | null>((a, m) => latest(a, m.lastWriteAt), null),
    lastVerifiedAt: modules.reduce<string | null>((a, m) => latest(a, m.lastVerifiedAt), null),
  }
}

function sumTotals(totals: readonly OverviewTotals[]): OverviewTotals {
  return {
    records: totals.reduce((n, t) => n + t.records, 0),
    neverVerified: totals.reduce((n, t) => n + t.neverVerified, 0),
    stale: totals.reduce((n, t) => n + t.stale, 0),
    lastWriteAt: totals.reduce<string | null>((a, t) => latest(a, t.lastWriteAt), null),
    lastVerifiedAt: totals.reduce<string | null>((a, t) => latest(a, t.lastVerifiedAt), null),
  }
}
