import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type Actor, problem } from '@cerdas/core'
import {
  filePath,
  findTenantBySlug,
  insertTenant,
  isFileUrl,
  normalizeHost,
  recordLifecycleEvent,
  resolveDatabaseUrl,
  storedDatabaseUrl,
  type TenantRecord,
  tenantFileUrl,
  tenantHosts,
} from '@cerdas/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { migrateTenant } from './migrate-tenants'
import type { Platform } from './platform'
import { seedTenant } from './seed-tenant'
import { hostSchema } from './template-schema'
import { loadTemplate } from './templates'

export const slugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,40}[a-z0-9]$/, 'must be 3-42 characters of a-z, 0-9 and -, starting with a letter')

export const createTenantInputSchema = z.strictObject({
  slug: slugSchema,
  template: z.string().min(1),
  name: z.string().min(3).optional(),
  hosts: z.array(hostSchema).optional(),
  /**
   * A `libsql://` or `https://` URL for a tenant on a libSQL server; embedded
   * file by default (stored as `file:tenants/<slug>.db`, relative to the data
   * directory). A `file:` URL inside the data directory is stored relative to
   * it; a relative `file:` URL is taken as relative to the data directory.
   */
  dbUrl: z
    .string()
    .regex(/^(file:|libsql:\/\/|https?:\/\/)/, 'must be a file:, libsql:// or https:// URL')
    .optional(),
  /** Name of the environment variable holding the database auth token. */
  dbTokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/)
    .optional(),
  seed: z.boolean().default(true),
})

export type CreateTenantInput = z.input<typeof createTenantInputSchema>

/**
 * Creates a tenant from a template: control-plane record and hosts, its own
 * database, migrations, then the template's seed data.
 * @example await createTenant(platform, { slug: 'samosir', template: 'kabupaten', name: 'Kabupaten Samosir' })
 */
export async function createTenant(
  platform: Platform,
  rawInput: CreateTenantInput,
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<TenantRecord> {
  const parsed = createTenantInputSchema.safeParse(rawInput)
  if (!parsed.success) {
    throw problem('validation', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  }
  const input = parsed.data
  if (await findTenantBySlug(platform.controlPlane, input.slug))
    throw problem('conflict', `a tenant "${input.slug}" already exists`)
  const template = loadTemplate(platform.options.templatesDir, input.template, platform.modules)

  const hosts = [
    ...(input.hosts ?? []),
    ...(template.tenant.slug === input.slug ? template.tenant.hosts : []),
    `${input.slug}.${platform.options.platformHost}`,
  ].map(normalizeHost)
  for (const host of new Set(hosts)) {
    if (host === normalizeHost(platform.options.platformHost))
      throw problem('conflict', `${host} is the platform's own host`)
    const [taken] = await platform.controlPlane.select().from(tenantHosts).where(eq(tenantHosts.host, host))
    if (taken) throw problem('conflict', `host ${host} already belongs to another tenant`)
  }

  const dbUrl = input.dbUrl ? storedDatabaseUrl(platform.options.dataDir, input.dbUrl) : tenantFileUrl(input.slug)
  if (isFileUrl(dbUrl))
    mkdirSync(dirname(filePath(resolveDatabaseUrl(platform.options.dataDir, dbUrl))), { recursive: true })

  const record = await insertTenant(platform.controlPlane, {
    slug: input.slug,
    name: input.name ?? template.tenant.name ?? input.slug,
    kind: template.tenant.kind,
    province: template.tenant.province,
    timezone: template.tenant.timezone,
    defaultLocale: template.tenant.defaultLocale,
    locales: template.tenant.locales,
    branding: template.tenant.branding,
    reference: template.reference,
    template: input.template,
    dbUrl,
    dbTokenEnv: input.dbTokenEnv ?? null,
    hosts,
    modules: Object.entries(template.modules).map(([moduleId, m]) => ({ moduleId, ...m })),
  })
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'created',
    detail: { template: template.chain, hosts },
    actor: `${actor.kind}:${actor.id}`,
  })
  const migration = await migrateTenant(platform, record)
  if (migration.status === 'failed')
    throw new Error(`tenant ${record.slug} created but its migration failed: ${migration.error}`)
  if (input.seed) await seedTenant(platform, record, actor)
  return record
}
