import type { Migration } from '@cerdas/core'

/**
 * Citizen reports. Personal data (name, phone, email, exact point, landmark) lives only in
 * `reports_reports`' reporter_* and exact_* columns, never in the search index or the public
 * columns; the retention job blanks them (anonymised_at). Public readers use public_* columns.
 */
export const migrations: Migration[] = [
  {
    id: '0001_create_reports',
    statements: [
      // Report categories (tenant data, entity SDK): each routed to an office and unit.
      `CREATE TABLE reports_categories (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        seed_key TEXT UNIQUE,
        name_id TEXT NOT NULL,
        name_en TEXT,
        description_id TEXT,
        description_en TEXT,
        group_name TEXT,
        dimension TEXT NOT NULL DEFAULT 'environment',
        office_id TEXT,
        unit_id TEXT,
        keywords TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1,
        sort_order INTEGER NOT NULL DEFAULT 0,
        source_note TEXT,
        verified_at TEXT,
        verified_by TEXT,
        verification_source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX reports_categories_order ON reports_categories (sort_order, name_id, id)`,
      `CREATE TABLE reports_reports (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        tracking_hash TEXT NOT NULL UNIQUE,
        client_key TEXT UNIQUE,
        category_id TEXT NOT NULL,
        description TEXT NOT NULL,
        hidden_reason TEXT,
        status TEXT NOT NULL,
        status_reason TEXT,
        office_id TEXT,
        unit_id TEXT,
        dimension TEXT NOT NULL,
        kecamatan TEXT,
        desa TEXT,
        exact_lat REAL,
        exact_lon REAL,
        landmark TEXT,
        at_home INTEGER NOT NULL DEFAULT 0,
        public_lat REAL,
        public_lon REAL,
        reporter_name TEXT,
        reporter_phone TEXT,
        reporter_email TEXT,
        photos TEXT NOT NULL DEFAULT '[]',
        photos_public INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL,
        merged_into TEXT,
        due_kind TEXT,
        due_at TEXT,
        received_at TEXT NOT NULL,
        verified_at TEXT,
        forwarded_at TEXT,
        resolved_at TEXT,
        closed_at TEXT,
        confirmed_at TEXT,
        reopened_count INTEGER NOT NULL DEFAULT 0,
        anonymised_at TEXT,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX reports_reports_status ON reports_reports (status, received_at)`,
      `CREATE INDEX reports_reports_due ON reports_reports (due_at) WHERE due_at IS NOT NULL`,
      `CREATE INDEX reports_reports_category_status ON reports_reports (category_id, status)`,
      `CREATE INDEX reports_reports_desa ON reports_reports (kecamatan, desa)`,
      `CREATE INDEX reports_reports_closed ON reports_reports (closed_at) WHERE anonymised_at IS NULL`,
      // The timeline: status changes, replies (public) and notes (internal), assignments, merges.
      `CREATE TABLE reports_events (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports_reports (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        status_from TEXT,
        status_to TEXT,
        body TEXT,
        public INTEGER NOT NULL DEFAULT 0,
        actor_id TEXT,
        actor_name TEXT
      )`,
      `CREATE INDEX reports_events_report ON reports_events (report_id, at, id)`,
      // Submission counters per hashed IP and device (ADR 0112): fixed-size rows, swept.
      `CREATE TABLE reports_submit_counters (
        key TEXT PRIMARY KEY,
        window_start TEXT NOT NULL,
        count INTEGER NOT NULL
      )`,
      `CREATE INDEX reports_submit_counters_window ON reports_submit_counters (window_start)`,
      // One-time codes for a reporter's export or erasure, stored hashed.
      `CREATE TABLE reports_one_time_codes (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports_reports (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        used_at TEXT
      )`,
      `CREATE INDEX reports_one_time_codes_report ON reports_one_time_codes (report_id, purpose)`,
      // The tenant's key for delay tokens, made on first use (never leaves the database).
      `CREATE TABLE reports_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )`,
    ],
  },
]
