import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import type { AnyModule } from '../src/define-module'

/** A valid module definition to vary one field at a time. */
export function sampleModule(overrides: Partial<AnyModule> = {}): AnyModule {
  return {
    id: 'notes',
    dimension: 'governance',
    title: { id: 'Catatan', en: 'Notes' },
    schema: { items: sqliteTable('notes_items', { id: text('id').primaryKey() }) },
    migrations: [
      { id: '0001_create', statements: ['CREATE TABLE notes_items (id TEXT PRIMARY KEY)'] },
      { id: '0002_more', statements: ['ALTER TABLE notes_items ADD COLUMN body TEXT'] },
    ],
    settings: z.object({ pageSize: z.number().int().default(10) }),
    permissions: { 'notes.item:create': { title: { id: 'Membuat catatan' }, roles: ['admin', 'editor'] } },
    ...overrides,
  }
}
