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
    {
      // Audit entries of control-plane writes (settings, mail, modules), written in the
      // same batch as the change and then moved into the tenant's own audit log.
      id: '0004_pending_audit',
      statements: [
        `CREATE TABLE pending_audit (
          id TEXT PRIMARY KEY,
          tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          before TEXT,
          after TEXT
        )`,
        'CREATE INDEX pending_audit_tenant ON pending_audit (tenant_id, at)',
      ],
    },
    {
      // The tenant audit log's anchor: the key its entries are signed with and
      // the newest entry known (seq and hash), kept outside the tenant database
      // so truncating or rewriting the log there shows up.
      id: '0005_audit_anchors',
      statements: [
        `CREATE TABLE tenant_audit_anchors (
          tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
          mac_key TEXT NOT NULL,
          keyed_from_seq INTEGER NOT NULL,
          anchor_seq INTEGER NOT NULL,
          anchor_hash TEXT NOT NULL,
          updated_at TEXT NOT NULL
        )`,
      ],
    },
  ],
}
