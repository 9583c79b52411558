import { resolve as resolvePath } from 'node:path'
import type { TenantInfo } from '@cerdas/core'
import { type Actor, type AnyModule, type Locale, orderModules, type TenantContext, type TenantDb } from '@cerdas/core'
import {
  type ConnectionCache,
  type ControlPlane,
  controlPlaneUrl,
  createConnectionCache,
  filePath,
  findTenantByHost,
  findTenantBySlug,
  openControlPlane,
  resolveDatabaseUrl,
  type TenantLease,
  type TenantRecord,
  withTransaction,
} from '@cerdas/db'
import {
  type AuditAnchor,
  type AuditHead,
  advanceAuditAnchor,
  ensureAuditAnchor,
  readAuditAnchor,
} from './audit-anchor'
import { type AuditVerification, appendAudit, appendAuditEntries, verifyAuditChain } from './audit-log'
import { flushPendingAuditOf } from './control-plane-audit'
import { databaseFileDescriptors, openFileDescriptors } from './open-descriptors'
import { createReadCache, type ReadCache } from './read-cache'
import { createSearchIndexWriter } from './search-index'
import { toTenantInfo } from './tenant-info'

export interface PlatformOptions {
  /**
   * Directory of embedded databases (control plane, tenants, backups). Tenant
   * `file:` URLs are stored relative to it, so it can be moved or copied whole.
   */
  dataDir: string
  /** Control-plane database; defaults to `<dataDir>/control.db`. */
  controlPlaneUrl?: string | undefined
  controlPlaneAuthToken?: string | undefined
  /** Registered modules, in any order. */
  modules: readonly AnyModule[]
  /** Most tenant databases kept open at once; default 600 (every regency and city, with room). */
  maxOpenTenants?: number
  /**
   * Memory for the page caches of the open tenant databases, in MiB (default
   * 128): each connection gets its share of it for `maxOpenTenants` databases.
   */
  tenantPageCacheMiB?: number
  /** How long a host → tenant lookup is reused before asking the control plane again. */
  hostCacheTtlMs?: number
  /** Directory of tenant templates. */
  templatesDir: string
  /** The bare host of the platform page; tenants get `<slug>.<platformHost>` by default. */
  platformHost: string
  /** Most bytes of public responses kept in memory (0: no read cache); default 64 MiB. */
  readCacheBytes?: number
}

export interface PlatformStats {
  /** Tenant databases in the connection cache. */
  openTenantDatabases: number
  /** Tenant databases out of the cache but still held by requests; each closes with its last holder. */
  closingTenantDatabases: number
  /** File descriptors this process holds; undefined where /proc/self/fd does not exist. */
  openFileDescriptors: number | undefined
  /** Of those, the ones on tenant database files (database, WAL, shared memory). */
  tenantDatabaseFileDescriptors: number | undefined
}

export interface ResolvedTenant {
  record: TenantRecord
  info: TenantInfo
}

export interface Platform {
  options: PlatformOptions
  controlPlane: ControlPlane
  /** Registered modules in dependency order. */
  modules: AnyModule[]
  /** The tenant a host belongs to, or undefined; cached briefly. */
  tenantByHost(host: string): Promise<ResolvedTenant | undefined>
  tenantBySlug(slug: string): Promise<ResolvedTenant | undefined>
  /** The URL to open for a tenant's database: its stored URL resolved against the data directory. */
  tenantDbUrl(record: TenantRecord): string
  /**
   * The tenant's database from the bounded connection cache, not held: for
   * one-shot processes, tests, and work inside a request that already holds
   * this tenant. Requests use {@link Platform.acquireTenantDb}.
   */
  tenantDb(record: TenantRecord): Promise<TenantDb>
  /**
   * Holds the tenant's database until `release()`: an evicted database stays
   * open while anyone holds it, and closes when the last holder releases it.
   */
  acquireTenantDb(record: TenantRecord): Promise<TenantLease>
  /** Runs `work` with the tenant's database held, releasing it however `work` ends. */
  withTenantDb<T>(record: TenantRecord, work: (db: TenantDb) => Promise<T>): Promise<T>
  /** Counts for operators: open tenant databases, those closing, open file descriptors. */
  stats(): PlatformStats
  /** A context for module functions acting for a tenant. */
  context(
    tenant: ResolvedTenant,
    db: TenantDb,
    options?: { actor?: Actor | null; locale?: Locale; changesAt?: (instant: Date) => void; now?: () => Date },
  ): TenantContext
  /**
   * Checks a tenant's audit log against its chain and the anchor kept in the
   * control plane, after moving in entries still pending there.
   */
  verifyAudit(tenantId: string, db: TenantDb): Promise<AuditVerification>
  /** Public responses kept per tenant while their data version holds. */
  readCache: ReadCache
  /** Forgets cached lookups and connections for a tenant (after an update, restore or removal). */
  forget(record: TenantRecord): void
  close(): void
}

/**
 * Opens the control plane and prepares lazy access to tenant databases.
 * Start-up does no per-tenant work, so it does not grow with the number of tenants.
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const modules = orderModules(options.modules)
  // Fixed at start-up, so a later change of working directory cannot move the tenants.
  const dataDir = resolvePath(options.dataDir)
  const controlPlaneLocation = options.controlPlaneUrl ?? controlPlaneUrl(dataDir)
  const controlPlane = await openControlPlane(
    { url: controlPlaneLocation, authToken: options.controlPlaneAuthToken },
    { dataDir },
  )
  // Its descriptors are left out of the tenants' count.
  const controlPlaneFile = controlPlaneLocation.startsWith('file:/') ? filePath(controlPlaneLocation) : undefined
  const maxOpenTenants = options.maxOpenTenants ?? 600
  const connections: ConnectionCache = createConnectionCache({
    max: maxOpenTenants,
    open: { pageCacheKiB: ((options.tenantPageCacheMiB ?? 128) * 1024) / maxOpenTenants },
  })
  const locationOf = (record: TenantRecord) => ({
    url: resolveDatabaseUrl(dataDir, record.dbUrl),
    authToken: record.dbTokenEnv ? process.env[record.dbTokenEnv] : undefined,
  })
  const ttl = options.hostCacheTtlMs ?? 5_000
  const hostCache = new Map<string, { value: ResolvedTenant | undefined; expires: number }>()
  // Only the signing key is reused from here: it never changes while a tenant lives.
  const anchors = new Map<string, Promise<AuditAnchor>>()
  const auditAnchorOf = (tenantId: string, db: TenantDb) => {
    let anchor = anchors.get(tenantId)
    if (!anchor) {
      anchor = ensureAuditAnchor(controlPlane, tenantId, db)
      anchor.catch(() => anchors.delete(tenantId))
      anchors.set(tenantId, anchor)
    }
    return anchor
  }

  const resolve = (record: TenantRecord | undefined): ResolvedTenant | undefined =>
    record && record.status === 'active' ? { record, info: toTenantInfo(record, modules) } : undefined

  const platform: Platform = {
    options,
    controlPlane,
    modules,
    readCache: createReadCache({ maxBytes: options.readCacheBytes }),
    async tenantByHost(host) {
      const key = host.toLowerCase()
      const hit = hostCache.get(key)
      if (hit && hit.expires > Date.now()) return hit.value
      const value = resolve(await findTenantByHost(controlPlane, key))
      if (hostCache.size > 10_000) hostCache.clear()
      hostCache.set(key, { value, expires: Date.now() + ttl })
      return value
    },
    async tenantBySlug(slug) {
      return resolve(await findTenantBySlug(controlPlane, slug))
    },
    tenantDbUrl(record) {
      return resolveDatabaseUrl(dataDir, record.dbUrl)
    },
    tenantDb(record) {
      return connections.get(record.id, locationOf(record))
    },
    acquireTenantDb(record) {
      return connections.acquire(record.id, locationOf(record))
    },
    withTenantDb(record, work) {
      return connections.use(record.id, locationOf(record), work)
    },
    stats() {
      const { open, closing } = connections.stats()
      return {
        openTenantDatabases: open,
        closingTenantDatabases: closing,
        openFileDescriptors: openFileDescriptors(),
        tenantDatabaseFileDescriptors: databaseFileDescriptors({ except: controlPlaneFile }),
      }
    },
    context(tenant, db, { actor = null, locale, changesAt, now } = {}) {
      const base = {
        tenant: tenant.info,
        modules,
        actor,
        locale: locale ?? tenant.info.defaultLocale,
        now: now ?? (() => new Date()),
        ...(changesAt ? { changesAt } : {}),
      }
      const tenantId = tenant.record.id
      const inTransaction = (tx: TenantDb, key: string, heads: AuditHead[]): TenantContext => {
        const txCtx: TenantContext = {
          ...base,
          db: tx,
          search: createSearchIndexWriter(tx),
          async audit(entry) {
            const head = await appendAudit(tx, actor, entry, entry.at ? new Date(entry.at) : new Date(), key)
            if (head) heads.push(head)
          },
          async auditMany(entries) {
            const dated = entries.map((entry) => ({ entry, at: entry.at ? new Date(entry.at) : new Date() }))
            const head = await appendAuditEntries(tx, actor, dated, key)
            if (head) heads.push(head)
          },
          transaction: (work) => work(txCtx),
        }
        return txCtx
      }
      const ctx: TenantContext = {
        ...base,
        db,
        search: createSearchIndexWriter(db),
        // Outside a transaction an entry could commit without its write, or the write without it.
        audit: () => Promise.reject(new Error('ctx.audit() belongs inside ctx.transaction()')),
        async transaction(work) {
          const { key } = await auditAnchorOf(tenantId, db)
          const heads: AuditHead[] = []
          const result = await withTransaction(db, (tx) => work(inTransaction(tx, key, heads)))
          const head = heads.at(-1)
          // After the commit, in the control plane (another database). Should this
          // fail, the entries are still signed, and the next write moves the anchor.
          if (head) await advanceAuditAnchor(controlPlane, tenantId, head).catch(() => {})
          return result
        },
      }
      return ctx
    },
    async verifyAudit(tenantId, db) {
      // Control-plane changes still pending belong to the log being checked.
      await flushPendingAuditOf(platform, tenantId)
      await auditAnchorOf(tenantId, db)
      return verifyAuditChain(db, await readAuditAnchor(controlPlane, tenantId))
    },
    forget(record) {
      anchors.delete(record.id)
      for (const [host, entry] of hostCache) if (entry.value?.record.id === record.id) hostCache.delete(host)
      for (const { host } of record.hosts) hostCache.delete(host)
      connections.evict(record.id)
      platform.readCache.dropTenant(record.id)
    },
    close() {
      connections.closeAll()
      controlPlane.$client.close()
    },
  }
  return platform
}
