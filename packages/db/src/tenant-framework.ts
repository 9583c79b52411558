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
  {
    // Search, Indonesian-aware: index rows share their document's rowid (cheap
    // joins and deletes), a vocabulary with one-letter-deleted forms for typo
    // correction (filled from the existing index here, kept by the writer
    // after), and the tenant's own synonym groups.
    id: '0003_search_vocabulary',
    statements: [
      'DELETE FROM cerdas_search WHERE id NOT IN (SELECT id FROM cerdas_search_documents)',
      'DELETE FROM cerdas_search WHERE rowid NOT IN (SELECT MAX(rowid) FROM cerdas_search GROUP BY id)',
      'UPDATE cerdas_search SET rowid = -rowid',
      'UPDATE cerdas_search SET rowid = (SELECT d.rowid FROM cerdas_search_documents d WHERE d.id = cerdas_search.id)',
      `CREATE VIRTUAL TABLE cerdas_search_vocab USING fts5vocab(cerdas_search, 'row')`,
      'CREATE TABLE cerdas_search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID',
      `CREATE TABLE cerdas_search_fuzzy (
        variant TEXT NOT NULL,
        term TEXT NOT NULL,
        PRIMARY KEY (variant, term)
      ) WITHOUT ROWID`,
      `INSERT INTO cerdas_search_terms (term)
        SELECT term FROM cerdas_search_vocab
        WHERE length(term) BETWEEN 4 AND 24 AND term NOT GLOB '*[^a-z]*'`,
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24)
        INSERT OR IGNORE INTO cerdas_search_fuzzy (variant, term)
        SELECT CASE WHEN i = 0 THEN term ELSE substr(term, 1, i - 1) || substr(term, i + 1) END, term
        FROM cerdas_search_terms JOIN n ON n.i <= length(term)`,
      `CREATE TABLE cerdas_synonyms (
        id INTEGER PRIMARY KEY,
        terms TEXT NOT NULL
      )`,
    ],
  },
  {
    // Search speed. The documents with a boost (services, offices: a few
    // hundred or thousand of a tenant's documents) get a second, small index
    // of their own (same rowids, same columns after the boost), so a search
    // ranks them without reading every news item that shares a common word.
    // The word list takes every token of the index, not only the words the
    // typo index corrects to, so a typed prefix can be searched as the few
    // words it stands for. Both filled from the existing index here, kept by
    // the writer after.
    id: '0004_search_speed',
    statements: [
      `CREATE VIRTUAL TABLE cerdas_search_boosted USING fts5(
        boost UNINDEXED, title, body, keywords,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      )`,
      `INSERT INTO cerdas_search_boosted (rowid, boost, title, body, keywords)
        SELECT s.rowid, d.boost, s.title, s.body, s.keywords
        FROM cerdas_search s JOIN cerdas_search_documents d ON d.rowid = s.rowid
        WHERE d.boost != 0`,
      'INSERT OR IGNORE INTO cerdas_search_terms (term) SELECT term FROM cerdas_search_vocab',
    ],
  },
  {
    // Each entry's hash keyed with a secret kept outside the tenant database
    // (the control plane), so someone who can write this file cannot rewrite
    // entries and recompute the chain. Entries written before the key existed
    // have none; the control plane's anchor vouches for them.
    id: '0005_audit_mac',
    statements: ['ALTER TABLE cerdas_audit_log ADD COLUMN mac TEXT'],
  },
  {
    // One number that every write transaction raises as it commits (see data-version.ts): read
    // caches compare it, so they never serve what a write (in any process) has changed.
    id: '0006_data_version',
    statements: [
      `CREATE TABLE cerdas_data_version (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
      )`,
      'INSERT INTO cerdas_data_version (id, version) VALUES (1, 1)',
    ],
  },
  {
    // The tenant's uploaded photos (see @cerdas/photos): records name them by id in their
    // `field.photos` columns. The files live in the photo store, keyed by tenant and id; sha256 is
    // of the uploaded bytes, so the same file uploaded twice is stored once.
    id: '0007_photos',
    statements: [
      `CREATE TABLE cerdas_photos (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        source_format TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
    ],
  },
  {
    // One row per module job (see the platform's module-jobs.ts): whoever moves lease_until
    // forward with one conditional upsert runs the job; everyone else sees no row come back.
    id: '0008_job_runs',
    statements: [
      `CREATE TABLE cerdas_job_runs (
        module TEXT NOT NULL,
        job TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        lease_until TEXT NOT NULL,
        last_result TEXT,
        PRIMARY KEY (module, job)
      ) WITHOUT ROWID`,
    ],
  },
]

export const tenantFrameworkMigrations: MigrationSet = { owner: 'cerdas', migrations }
