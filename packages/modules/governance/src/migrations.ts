import type { Migration } from '@cerdas/core'
import { programmeMigration } from './programme-migrations'

/** Checked in and never edited once released: a changed field needs a new migration after this one. */
export const migrations: Migration[] = [
  {
    id: '0001_create_governance',
    statements: [
      `CREATE TABLE governance_regulations (
          id TEXT PRIMARY KEY,
          seed_key TEXT UNIQUE,
          kind TEXT NOT NULL,
          number TEXT,
          title_id TEXT NOT NULL,
          title_en TEXT,
          signed_on TEXT,
          valid_from TEXT NOT NULL,
          valid_until TEXT,
          establishes TEXT NOT NULL DEFAULT '[]',
          url TEXT,
          source_note TEXT,
          verified_at TEXT,
          verified_by TEXT,
          verification_source TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX governance_regulations_valid_from ON governance_regulations (valid_from DESC, id DESC)',
      `CREATE TABLE governance_members (
          id TEXT PRIMARY KEY,
          seed_key TEXT UNIQUE,
          body TEXT NOT NULL,
          role TEXT NOT NULL,
          position_id TEXT NOT NULL,
          position_en TEXT,
          institution TEXT,
          office_id TEXT,
          person_name TEXT,
          name_public INTEGER NOT NULL DEFAULT 0,
          regulation_id TEXT,
          starts_on TEXT,
          ends_on TEXT,
          source_note TEXT,
          verified_at TEXT,
          verified_by TEXT,
          verification_source TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX governance_members_created_at ON governance_members (created_at, id)',
      `CREATE TABLE governance_team_members (
          id TEXT PRIMARY KEY,
          seed_key TEXT UNIQUE,
          dimension TEXT NOT NULL,
          user_id TEXT NOT NULL,
          team_role TEXT NOT NULL,
          position_id TEXT,
          position_en TEXT,
          institution TEXT,
          person_name TEXT,
          name_public INTEGER NOT NULL DEFAULT 0,
          starts_on TEXT,
          ends_on TEXT,
          verified_at TEXT,
          verified_by TEXT,
          verification_source TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX governance_team_members_created_at ON governance_team_members (created_at, id)',
      'CREATE INDEX governance_members_body ON governance_members (body, ends_on)',
      'CREATE INDEX governance_team_members_user ON governance_team_members (user_id)',
    ],
  },
  programmeMigration,
  {
    id: '0003_regulation_documents',
    statements: [
      `CREATE TABLE governance_regulation_documents (
          regulation_id TEXT PRIMARY KEY,
          file_name TEXT NOT NULL,
          bytes INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          content BLOB NOT NULL,
          uploaded_at TEXT NOT NULL,
          uploaded_by TEXT
      )`,
    ],
  },
]
