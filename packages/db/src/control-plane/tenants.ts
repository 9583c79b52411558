import { type Locale, newId } from '@cerdas/core'
import { asc, eq } from 'drizzle-orm'
import type { ControlPlane } from './open'
import { lifecycleEvents, tenantHosts, tenantModules, tenantSchemaVersions, tenants } from './schema'

export interface TenantModuleRecord {
  moduleId: string
  enabled: boolean
  settings: Record<string, unknown>
}

export interface TenantRecord {
  id: string
  slug: string
  name: string
  kind: 'kabupaten' | 'kota'
  province: string
  timezone: string
  defaultLocale: Locale
  locales: Locale[]
  branding: Record<string, unknown>
  reference: Record<string, unknown>
  template: string
  status: 'active' | 'suspended'
  /**
   * The database URL as stored: `file:tenants/<slug>.db` (relative to the data
   * directory) for an embedded database, else absolute `file:` or remote. Open
   * it through `Platform.tenantDbUrl` / `resolveDatabaseUrl`, never as is.
   */
  dbUrl: string
  dbTokenEnv: string | null
  hosts: { host: string; isPrimary: boolean }[]
  modules: TenantModuleRecord[]
  createdAt: string
  updatedAt: string
}

export interface NewTenant {
  slug: string
  name: string
  kind: 'kabupaten' | 'kota'
  province: string
  timezone: string
  defaultLocale: Locale
  locales: Locale[]
  branding: Record<string, unknown>
  reference: Record<string, unknown>
  template: string
  /** Stored as given: pass the stored form (`storedDatabaseUrl`, `tenantFileUrl`). */
  dbUrl: string
  dbTokenEnv?: string | null
  hosts: string[]
  modules: TenantModuleRecord[]
}

/** Host names are compared in lower case without a trailing dot. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '')
}

export async function insertTenant(cp: ControlPlane, input: NewTenant): Promise<TenantRecord> {
  const now = new Date().toISOString()
  const id = newId('tnt')
  const hosts = [...new Set(input.hosts.map(normalizeHost))]
  await cp.batch([
    cp.insert(tenants).values({
      id,
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      province: input.province,
      timezone: input.timezone,
      defaultLocale: input.defaultLocale,
      locales: input.locales,
      branding: input.branding,
      reference: input.reference,
      template: input.template,
      dbUrl: input.dbUrl,
      dbTokenEnv: input.dbTokenEnv ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    ...hosts.map((host, i) => cp.insert(tenantHosts).values({ host, tenantId: id, isPrimary: i === 0 })),
    ...input.modules.map((m) => cp.insert(tenantModules).values({ tenantId: id, ...m })),
  ])
  const created = await findTenantBySlug(cp, input.slug)
  if (!created) throw new Error(`tenant ${input.slug} vanished after insert`)
  return created
}

async function hydrate(cp: ControlPlane, row: typeof tenants.$inferSelect): Promise<TenantRecord> {
  const [hosts, modules] = await Promise.all([
    cp
      .select({ host: tenantHosts.host, isPrimary: tenantHosts.isPrimary })
      .from(tenantHosts)
      .where(eq(tenantHosts.tenantId, row.id)),
    cp
      .select({ moduleId: tenantModules.moduleId, enabled: tenantModules.enabled, settings: tenantModules.settings })
      .from(tenantModules)
      .where(eq(tenantModules.tenantId, row.id)),
  ])
  hosts.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.host.localeCompare(b.host))
  return { ...row, hosts, modules }
}

export async function findTenantBySlug(cp: ControlPlane, slug: string): Promise<TenantRecord | undefined> {
  const [row] = await cp.select().from(tenants).where(eq(tenants.slug, slug))
  return row ? hydrate(cp, row) : undefined
}

export async function findTenantByHost(cp: ControlPlane, host: string): Promise<TenantRecord | undefined> {
  const [row] = await cp
    .select({ tenantId: tenantHosts.tenantId })
    .from(tenantHosts)
    .where(eq(tenantHosts.host, normalizeHost(host)))
  if (!row) return undefined
  const [tenant] = await cp.select().from(tenants).where(eq(tenants.id, row.tenantId))
  return tenant ? hydrate(cp, tenant) : undefined
}

export async function listTenants(cp: ControlPlane): Promise<TenantRecord[]> {
  const rows = await cp.select().from(tenants).orderBy(asc(tenants.slug))
  return Promise.all(rows.map((row) => hydrate(cp, row)))
}

export async function deleteTenant(cp: ControlPlane, id: string): Promise<void> {
  await cp.delete(tenants).where(eq(tenants.id, id))
}

export async function addTenantHost(cp: ControlPlane, tenantId: string, host: string): Promise<void> {
  await cp.insert(tenantHosts).values({ host: normalizeHost(host), tenantId, isPrimary: false })
}

export async function setSchemaVersions(
  cp: ControlPlane,
  tenantId: string,
  versions: Record<string, string>,
): Promise<void> {
  const now = new Date().toISOString()
  const statements = Object.entries(versions).map(([owner, version]) =>
    cp
      .insert(tenantSchemaVersions)
      .values({ tenantId, owner, version, updatedAt: now })
      .onConflictDoUpdate({
        target: [tenantSchemaVersions.tenantId, tenantSchemaVersions.owner],
        set: { version, updatedAt: now },
      }),
  )
  const [first, ...rest] = statements
  if (first) await cp.batch([first, ...rest])
}

export async function getSchemaVersions(cp: ControlPlane, tenantId: string): Promise<Record<string, string>> {
  const rows = await cp.select().from(tenantSchemaVersions).where(eq(tenantSchemaVersions.tenantId, tenantId))
  return Object.fromEntries(rows.map((r) => [r.owner, r.version]))
}

export interface LifecycleEventInput {
  tenantId: string
  tenantSlug: string
  kind: string
  detail?: Record<string, unknown>
  actor: string
}

export async function recordLifecycleEvent(cp: ControlPlane, event: LifecycleEventInput): Promise<void> {
  await cp.insert(lifecycleEvents).values({
    id: newId('evt'),
    tenantId: event.tenantId,
    tenantSlug: event.tenantSlug,
    kind: event.kind,
    detail: event.detail ?? {},
    actor: event.actor,
    at: new Date().toISOString(),
  })
}

export async function listLifecycleEvents(cp: ControlPlane, tenantId: string) {
  return cp
    .select()
    .from(lifecycleEvents)
    .where(eq(lifecycleEvents.tenantId, tenantId))
    .orderBy(asc(lifecycleEvents.at))
}
