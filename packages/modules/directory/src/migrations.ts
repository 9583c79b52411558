import type { Migration } from '@cerdas/core'

const verification = `verified_at TEXT,
        verified_by TEXT,
        verification_source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL`

export const migrations: Migration[] = [
  {
    id: '0001_create_directory',
    statements: [
      `CREATE TABLE directory_offices (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        name_id TEXT NOT NULL,
        name_en TEXT,
        short_name TEXT,
        parent_id TEXT,
        address TEXT,
        kecamatan TEXT,
        lat REAL,
        lon REAL,
        phone TEXT,
        whatsapp TEXT,
        email TEXT,
        website TEXT,
        description_id TEXT,
        description_en TEXT,
        ${verification}
      )`,
      'CREATE INDEX directory_offices_name ON directory_offices (name_id, id)',
      `CREATE TABLE directory_units (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        office_id TEXT NOT NULL,
        parent_id TEXT,
        kind TEXT NOT NULL,
        name_id TEXT NOT NULL,
        name_en TEXT,
        handles_id TEXT,
        handles_en TEXT,
        phone TEXT,
        email TEXT,
        sort_order INTEGER NOT NULL,
        ${verification}
      )`,
      'CREATE INDEX directory_units_office ON directory_units (office_id, sort_order, id)',
      `CREATE TABLE directory_counters (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        office_id TEXT NOT NULL,
        unit_id TEXT,
        code TEXT NOT NULL,
        name_id TEXT NOT NULL,
        name_en TEXT,
        location_id TEXT,
        location_en TEXT,
        sort_order INTEGER NOT NULL,
        ${verification}
      )`,
      'CREATE INDEX directory_counters_office ON directory_counters (office_id, sort_order, id)',
      `CREATE TABLE directory_positions (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        office_id TEXT NOT NULL,
        unit_id TEXT,
        title_id TEXT NOT NULL,
        title_en TEXT,
        holder_name TEXT,
        sort_order INTEGER NOT NULL,
        ${verification}
      )`,
      'CREATE INDEX directory_positions_office ON directory_positions (office_id, sort_order, id)',
    ],
  },
  {
    // Schedules typed against an office's id (what the console shows) were stored with it, but
    // offices look up their hours by slug: such owners become the slug. Schedules are migrated
    // before the directory (it requires them), so their table exists here.
    id: '0002_schedule_owners_by_slug',
    statements: [
      `UPDATE schedules_schedules
        SET owner_id = (SELECT o.slug FROM directory_offices o WHERE o.id = schedules_schedules.owner_id)
        WHERE owner_module = 'directory' AND owner_type = 'office'
          AND owner_id IN (SELECT id FROM directory_offices)`,
    ],
  },
]
