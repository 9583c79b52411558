import { defineEntity, type EntityField, type EntityRecord, field } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { HOLIDAY_KIND_IDS, HOLIDAY_KIND_LABELS } from './kinds'
import { localDate } from './validation'

const yearOf = (date: string) => Number(date.slice(0, 4))

/**
 * Holiday writes so far in this process. A calendar read before the latest write is read again:
 * the write's hook runs on the transaction's own context, so it cannot drop the request's entry.
 */
let holidayWrites = 0
export const holidayWriteCount = () => holidayWrites
const countWrite = async () => {
  holidayWrites++
}

const fields = {
  /** The local date; its year is kept in a column of its own, so a year's list reads one index range. */
  date: field.custom({
    label: { id: 'Tanggal', en: 'Date' },
    required: true,
    listed: true,
    custom: {
      columns: [
        { key: 'date', column: 'date', type: 'TEXT', notNull: true },
        { key: 'year', column: 'year', type: 'INTEGER', notNull: true },
      ],
      input: localDate,
      output: z.string(),
      read: (row) => (row.date as string | null) ?? null,
      write: (date: string | null) => ({ date, year: date === null ? null : yearOf(date) }),
      admin: [
        {
          name: 'date',
          label: { id: 'Tanggal', en: 'Date' },
          type: 'text',
          required: true,
          help: { id: 'TTTT-BB-HH, misalnya 2026-08-17', en: 'YYYY-MM-DD, e.g. 2026-08-17' },
        },
      ],
      values: (date: string | null) => ({ date }),
    },
  }) as EntityField<string, true>,
  name: field.localizedText({ label: { id: 'Nama', en: 'Name' }, required: true, max: 200 }),
  kind: field.enum(HOLIDAY_KIND_IDS, HOLIDAY_KIND_LABELS, {
    label: { id: 'Jenis', en: 'Kind' },
    required: true,
    listed: true,
  }),
  /** Where the date comes from, e.g. the SKB 3 Menteri for that year. */
  source: field.text({
    label: { id: 'Sumber (keputusan)', en: 'Source (decree)' },
    max: 2000,
    help: { id: 'Misalnya SKB 3 Menteri tahun itu', en: "For example that year's SKB 3 Menteri" },
  }),
  /** Caveats, e.g. "estimated date, decree not yet published". */
  note: field.longText({ label: { id: 'Catatan', en: 'Note' }, max: 2000 }),
}

/**
 * A day off in the tenant's calendar: a national day, cuti bersama or a regional holiday. Every
 * schedule and working-day count reads them, so each write drops the request's calendar.
 */
export const holiday = defineEntity({
  module: 'schedules',
  name: 'holiday',
  table: 'schedules_holidays',
  idPrefix: 'hol',
  title: { id: 'Hari libur', en: 'Holidays' },
  fields,
  // The console lists the latest date first; the public year list asks for `sort: 'date'`.
  order: { field: 'date', direction: 'desc' },
  api: {
    path: '/holidays',
    tag: 'Holidays',
    schema: 'Holiday',
    // The list takes a year and `/holidays/ical` sits where a record would: both are written by hand.
    routes: ['create', 'update', 'delete', 'verify'],
    summaries: {
      create: 'Add a holiday (e.g. a regional holiday or a revised cuti bersama)',
      update: 'Change a holiday (a new date or kind clears its verification)',
      verify: 'Mark a holiday as checked now against its decree by the caller',
    },
  },
  publicUrl: (h) => `/hari-libur?tahun=${String(h.date).slice(0, 4)}#${h.date}`,
  derived: {
    schema: { year: z.number().int() },
    of: (values) => ({ year: yearOf(values.date as string) }),
  },
  roles: { create: ['admin'], update: ['admin'] },
  hooks: { afterWrite: countWrite, beforeDelete: countWrite },
})

export type HolidayRecord = EntityRecord<typeof fields, { year: number }>

/** The columns hand-written reads of holidays narrow and order by. */
export const holidayColumns = holiday.table as unknown as Record<'id' | 'seedKey' | 'date' | 'year', SQLiteColumn>
