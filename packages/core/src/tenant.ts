import type { Client } from '@libsql/client'
import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import type { AnyModule } from './define-module'
import type { Locale, LocalizedText } from './localized-text'
import type { Grant } from './permissions'

export interface Branding {
  /** CSS colour of headers and primary buttons. */
  primaryColor: string
  accentColor: string
  logoUrl?: string | undefined
  tagline?: LocalizedText | undefined
  /**
   * Map tiles for the maps of public pages: a URL template the visitor's browser fetches
   * (`https://…/{z}/{x}/{y}.png`) and the attribution its licence asks for. The server never
   * fetches it. Without it, pages show their lists and map links only.
   */
  mapTileUrl?: string | undefined
  mapAttribution?: string | undefined
  /**
   * The licence of the tenant's open data, as an https URL (default CC BY 4.0): printed in the
   * data catalogue and on /data, never fetched by the server.
   */
  dataLicence?: string | undefined
}

/** What every request knows about its tenant, read from the control plane. */
export interface TenantInfo {
  id: string
  slug: string
  name: string
  kind: 'kabupaten' | 'kota'
  province: string
  /** IANA zone, e.g. Asia/Jakarta (WIB). */
  timezone: string
  defaultLocale: Locale
  locales: Locale[]
  branding: Branding
  primaryHost: string
  /** Enabled modules with their parsed settings, in dependency order. */
  modules: Record<string, { settings: Record<string, unknown> }>
}

/** The tenant's own database: drizzle over one libSQL client (raw client at `$client`). */
export type TenantDb = LibSQLDatabase<Record<string, never>> & { $client: Client }

export interface Actor {
  kind: 'operator' | 'user' | 'token' | 'cli' | 'system'
  id: string
  name?: string | undefined
  /** Roles held; the CLI and system act with full rights. */
  grants?: Grant[] | undefined
}

export interface AuditEntry {
  /** Verb such as `create`, `update`, `delete`, `verify`. */
  action: string
  /** Entity name qualified by module, e.g. `announcements.announcement`. */
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
  /** Who acted, when not the context's actor (e.g. the person redeeming a one-time link). */
  actor?: Actor | undefined
  /**
   * For an entry recorded first elsewhere (a control-plane change moved in
   * later): its id, so moving it twice adds it once, and when it happened.
   */
  id?: string | undefined
  at?: string | undefined
}

export interface SearchDocument {
  /** Unique within the tenant; usually the entity id. */
  id: string
  module: string
  kind: string
  title: LocalizedText
  body?: LocalizedText | undefined
  keywords?: string[] | undefined
  /** Path of the public page, e.g. `/pengumuman/ann_...`. */
  url: string
  /** Higher ranks first among equal matches (a service before a news item). */
  boost?: number | undefined
}

export interface SearchIndexWriter {
  upsert(documents: SearchDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
}

/**
 * Everything a module function needs to act for one tenant. It travels with
 * the request; there is no global database client.
 */
export interface TenantContext {
  tenant: TenantInfo
  /** The module definitions the platform runs (enabled for this tenant or not), for cross-module references. */
  modules: readonly AnyModule[]
  db: TenantDb
  actor: Actor | null
  locale: Locale
  /**
   * Appends to the tenant's audit log. Only inside {@link TenantContext.transaction}
   * (it throws elsewhere): an entry commits with the write it records, or neither does.
   */
  audit(entry: AuditEntry): Promise<void>
  /**
   * Appends many entries at once, in their order, as as many `audit` calls would (a bulk
   * write's, one a record). Where a context lacks it, call `audit` for each.
   */
  auditMany?(entries: readonly AuditEntry[]): Promise<void>
  search: SearchIndexWriter
  now(): Date
  /**
   * Tells the read cache that what this request shows changes at `instant` (a schedule's next
   * opening or closing, a record's publish or expiry time): a cached copy must not outlive it.
   * Present only while a cacheable response is being made, so call it as `ctx.changesAt?.(at)`.
   */
  changesAt?(instant: Date): void
  /**
   * Runs `work` as one write transaction: what it writes through the context
   * it is given (`db`, `audit`, `search`) commits together or not at all.
   * Nested calls join the open transaction.
   * @example return ctx.transaction(async (tx) => { await tx.db.insert(items).values(row); await tx.audit(entry) })
   */
  transaction<T>(work: (tx: TenantContext) => Promise<T>): Promise<T>
}
