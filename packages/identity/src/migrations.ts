import type { MigrationSet } from '@cerdas/db'

/** Accounts, sessions, one-time links, API tokens and login throttling in each tenant database. */
export const identityMigrations: MigrationSet = {
  owner: 'identity',
  migrations: [
    {
      id: '0001_accounts',
      statements: [
        `CREATE TABLE identity_users (
          id TEXT PRIMARY KEY,
          email TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          password_hash TEXT,
          status TEXT NOT NULL DEFAULT 'active',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          last_login_at TEXT
        )`,
        `CREATE TABLE identity_grants (
          user_id TEXT NOT NULL REFERENCES identity_users(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          dimension TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (user_id, role, dimension)
        )`,
        `CREATE TABLE identity_sessions (
          id_hash TEXT PRIMARY KEY,
          user_id TEXT NOT NULL REFERENCES identity_users(id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          last_seen_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          user_agent TEXT,
          ip TEXT
        )`,
        'CREATE INDEX identity_sessions_user ON identity_sessions (user_id)',
        `CREATE TABLE identity_links (
          token_hash TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          user_id TEXT NOT NULL REFERENCES identity_users(id) ON DELETE CASCADE,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          used_at TEXT
        )`,
        `CREATE TABLE identity_api_tokens (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          token_hash TEXT NOT NULL UNIQUE,
          grants TEXT NOT NULL,
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT,
          last_used_at TEXT,
          revoked_at TEXT
        )`,
        `CREATE TABLE identity_throttle (
          key TEXT PRIMARY KEY,
          failures INTEGER NOT NULL,
          window_started_at TEXT NOT NULL,
          blocked_until TEXT
        )`,
      ],
    },
    {
      // Throttle keys become fixed-size hashes with an expiry; the old counters (raw keys) are dropped.
      id: '0002_throttle_hashed_keys',
      statements: [
        'DROP TABLE identity_throttle',
        `CREATE TABLE identity_throttle (
          key_hash TEXT PRIMARY KEY,
          failures INTEGER NOT NULL,
          max_failures INTEGER NOT NULL,
          last_failure_at INTEGER NOT NULL,
          blocked_until INTEGER
        )`,
        'CREATE INDEX identity_throttle_last_failure ON identity_throttle (last_failure_at)',
      ],
    },
    {
      // An account given a temporary password (the demo admin) must choose its own before using the console.
      id: '0003_must_change_password',
      statements: ['ALTER TABLE identity_users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0'],
    },
    {
      // Addresses an account logged in from: exempt from the account-wide login delay (ADR 0104).
      id: '0004_known_login_addresses',
      statements: [
        `CREATE TABLE identity_known_addresses (
          pair_hash TEXT PRIMARY KEY,
          last_success_at INTEGER NOT NULL
        )`,
        'CREATE INDEX identity_known_addresses_last_success ON identity_known_addresses (last_success_at)',
      ],
    },
    {
      // Where a grant comes from: '' set by hand, or what gives it (a dimension team membership), so
      // ending a membership takes away only what it gave. The same grant may come from both.
      id: '0005_grant_source',
      statements: [
        `CREATE TABLE identity_grants_sourced (
          user_id TEXT NOT NULL REFERENCES identity_users(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          dimension TEXT NOT NULL DEFAULT '',
          source TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (user_id, role, dimension, source)
        )`,
        'INSERT INTO identity_grants_sourced (user_id, role, dimension) SELECT user_id, role, dimension FROM identity_grants',
        'DROP TABLE identity_grants',
        'ALTER TABLE identity_grants_sourced RENAME TO identity_grants',
      ],
    },
  ],
}
