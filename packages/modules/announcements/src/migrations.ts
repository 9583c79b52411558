import type { Migration } from '@cerdas/core'

export const migrations: Migration[] = [
  {
    id: '0001_create_items',
    statements: [
      `CREATE TABLE announcements_items (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        title_id TEXT NOT NULL,
        title_en TEXT,
        body_id TEXT NOT NULL,
        body_en TEXT,
        category TEXT NOT NULL,
        office_ref TEXT,
        link TEXT,
        publish_at TEXT NOT NULL,
        expires_at TEXT,
        verified_at TEXT,
        verified_by TEXT,
        verification_source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX announcements_items_published ON announcements_items (publish_at DESC, id DESC)',
    ],
  },
]
