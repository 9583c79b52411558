import type { Migration } from '@cerdas/core'
import type { MigrationSet } from './migrations'

/**
 * Tables every tenant database has besides its modules' tables: the audit log
 * and the search index. Applied before any module's migrations.
 */
const migrations: Migration[] = [
  {
    id: '0001_audit_log',
    statements: [
      `CREATE TABLE cerdas_audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      'CREATE INDEX cerdas_audit_log_entity ON cerdas_audit_log (entity, entity_id)',
      // Append-only: the database itself refuses edits and deletes.
      `CREATE TRIGGER cerdas_audit_log_no_update BEFORE UPDATE ON cerdas_audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
      `CREATE TRIGGER cerdas_audit_log_no_delete BEFORE DELETE ON cerdas_audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
    ],
  },
  {
    id: '0002_search_index',
    statements: [
      `CREATE TABLE cerdas_search_documents (
        id TEXT PRIMARY KEY,
        module TEXT NOT NULL,
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        title_id TEXT NOT NULL,
        title_en TEXT,
        boost REAL NOT NULL DEFAULT 0
      )`,
      `CREATE VIRTUAL TABLE cerdas_search USING fts5(
        id UNINDEXED, title, body, keywords,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      )`,
    ],
  },
]

export const tenantFrameworkMigrations: MigrationSet = { owner: 'cerdas', migrations }
