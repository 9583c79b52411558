import type { Migration } from '@cerdas/core'

export const migrations: Migration[] = [
  {
    id: '0001_create_services',
    statements: [
      `CREATE TABLE services_services (
        id TEXT PRIMARY KEY,
        seed_key TEXT UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        name_id TEXT NOT NULL,
        name_en TEXT,
        summary_id TEXT,
        summary_en TEXT,
        synonyms TEXT NOT NULL,
        category TEXT NOT NULL,
        audience TEXT NOT NULL,
        office_id TEXT NOT NULL,
        unit_id TEXT,
        locations TEXT NOT NULL,
        requirements TEXT NOT NULL,
        procedure TEXT NOT NULL,
        fee_free INTEGER NOT NULL,
        fee_amount INTEGER,
        fee_note_id TEXT,
        fee_note_en TEXT,
        fee_legal_basis TEXT,
        processing_value INTEGER,
        processing_unit TEXT,
        processing_note_id TEXT,
        processing_note_en TEXT,
        product_id TEXT,
        product_en TEXT,
        legal_basis TEXT NOT NULL,
        complaint TEXT,
        online_url TEXT,
        related TEXT NOT NULL,
        verified_at TEXT,
        verified_by TEXT,
        verification_source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      'CREATE INDEX services_services_name ON services_services (name_id, id)',
      'CREATE INDEX services_services_office ON services_services (office_id)',
    ],
  },
  {
    // Schedules stored against a service's id are moved to its slug, the key service pages look up
    // (see the directory's 0002 for offices).
    id: '0002_schedule_owners_by_slug',
    statements: [
      `UPDATE schedules_schedules
        SET owner_id = (SELECT s.slug FROM services_services s WHERE s.id = schedules_schedules.owner_id)
        WHERE owner_module = 'services' AND owner_type = 'service'
          AND owner_id IN (SELECT id FROM services_services)`,
    ],
  },
]
