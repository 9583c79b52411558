import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['kabupaten', 'kota'] }).notNull(),
  province: text('province').notNull(),
  timezone: text('timezone').notNull(),
  defaultLocale: text('default_locale', { enum: ['id', 'en'] }).notNull(),
  locales: text('locales', { mode: 'json' }).$type<('id' | 'en')[]>().notNull(),
  branding: text('branding', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** Public reference data from the template, e.g. the list of kecamatan. */
  reference: text('reference', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  template: text('template').notNull(),
  status: text('status', { enum: ['active', 'suspended'] })
    .notNull()
    .default('active'),
  /** `file:tenants/<slug>.db` relative to the data directory, an absolute `file:` URL, or `libsql://` / `https://`. */
  dbUrl: text('db_url').notNull(),
  /** Name of the environment variable holding the database auth token; the token itself is never stored. */
  dbTokenEnv: text('db_token_env'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export const tenantHosts = sqliteTable('tenant_hosts', {
  host: text('host').primaryKey(),
  tenantId: text('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
})

export const tenantModules = sqliteTable(
  'tenant_modules',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.moduleId] })],
)

export const tenantSchemaVersions = sqliteTable(
  'tenant_schema_versions',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    owner: text('owner').notNull(),
    version: text('version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.owner] })],
)

/** Append-only history of what happened to each tenant (created, migrated, backed up, removed...). */
export const lifecycleEvents = sqliteTable('lifecycle_events', {
  id: text('id').primaryKey(),
  tenantId: text('tenant_id').notNull(),
  tenantSlug: text('tenant_slug').notNull(),
  kind: text('kind').notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  actor: text('actor').notNull(),
  at: text('at').notNull(),
})

export const controlPlaneSchema = { tenants, tenantHosts, tenantModules, tenantSchemaVersions, lifecycleEvents }
