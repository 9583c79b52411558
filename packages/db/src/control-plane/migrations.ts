import type { MigrationSet } from '../migrations'

export const controlPlaneMigrations: MigrationSet = {
  owner: 'control',
  migrations: [
    {
      id: '0001_tenants',
      statements: [
        `CREATE TABLE tenants (
          id TEXT PRIMARY KEY,
          slug TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          province TEXT NOT NULL,
          timezone TEXT NOT NULL,
          default_locale TEXT NOT NULL,
          locales TEXT NOT NULL,
          branding TEXT NOT NULL,
          reference TEXT NOT NULL DEFAULT '{}',
          template TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'active',
          db_url TEXT NOT NULL,
          db_token_env TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        )`,
        `CREATE TABLE tenant_hosts (
          host TEXT PRIMARY KEY,
          tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
          is_primary INTEGER NOT NULL DEFAULT 0
        )`,
        'CREATE INDEX tenant_hosts_tenant ON tenant_hosts (tenant_id)',
        `CREATE TABLE tenant_modules (
          tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
          module_id TEXT NOT NULL,
          enabled INTEGER NOT NULL DEFAULT 1,
          settings TEXT NOT NULL,
          PRIMARY KEY (tenant_id, module_id)
        )`,
        `CREATE TABLE tenant_schema_versions (
          tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
          owner TEXT NOT NULL,
          version TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (tenant_id, owner)
        )`,
        `CREATE TABLE lifecycle_events (
          id TEXT PRIMARY KEY,
          tenant_id TEXT NOT NULL,
          tenant_slug TEXT NOT NULL,
          kind TEXT NOT NULL,
          detail TEXT NOT NULL,
          actor TEXT NOT NULL,
          at TEXT NOT NULL
        )`,
        'CREATE INDEX lifecycle_events_tenant ON lifecycle_events (tenant_id, at)',
      ],
    },
    {
      id: '0002_operator_tokens',
      statements: [
        `CREATE TABLE operator_tokens (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          token_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          last_used_at TEXT,
          revoked_at TEXT
        )`,
      ],
    },
    {
      // A tenant's outgoing mail (SMTP) settings as JSON; the password stays in the environment.
      id: '0003_tenant_mail',
      statements: ["ALTER TABLE tenants ADD COLUMN mail TEXT NOT NULL DEFAULT '{}'"],
    },
  ],
}
