import type { Migration } from '@cerdas/core'

export const migrations: Migration[] = [
  {
    id: '0001_create_schedules',
    statements: [
      `CREATE TABLE schedules_schedules (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        owner_module TEXT NOT NULL,
        owner_type TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        label_id TEXT NOT NULL,
        label_en TEXT,
        role_id TEXT,
        role_en TEXT,
        services TEXT NOT NULL,
        definition TEXT NOT NULL,
        closed_on_holidays INTEGER NOT NULL,
        verified_at TEXT,
        verified_by TEXT,
        verification_source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX schedules_schedules_owner ON schedules_schedules (owner_module, owner_type, owner_id, id)',
      `CREATE TABLE schedules_holidays (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        date TEXT NOT NULL,
        year INTEGER NOT NULL,
        name_id TEXT NOT NULL,
        name_en TEXT,
        kind TEXT NOT NULL,
        source TEXT,
        note TEXT,
        verified_at TEXT,
        verified_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX schedules_holidays_year ON schedules_holidays (year, date)',
    ],
  },
  {
    // The holiday entity keeps the source a verifier checked against beside the holiday's own decree.
    id: '0002_holiday_verification_source',
    statements: ['ALTER TABLE schedules_holidays ADD COLUMN verification_source TEXT'],
  },
  {
    // A counter of holiday changes, raised by triggers in the writing transaction whatever writes
    // (console, import, seed, restore): the calendar is cached against it, not against the tenant's
    // data version, which every write of any module raises (a report flood would reread it each time).
    // `_derived`: recomputable, so tenant exports leave it out; no row yet counts as 0.
    id: '0003_holiday_version',
    statements: [
      'CREATE TABLE schedules_holiday_version_derived (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)',
      ...['INSERT', 'UPDATE', 'DELETE'].map(
        (
          event,
        ) => `CREATE TRIGGER schedules_holidays_version_${event.toLowerCase()} AFTER ${event} ON schedules_holidays
        BEGIN
          INSERT OR REPLACE INTO schedules_holiday_version_derived (id, version)
          VALUES (1, COALESCE((SELECT version FROM schedules_holiday_version_derived WHERE id = 1), 0) + 1);
        END`,
      ),
    ],
  },
]
