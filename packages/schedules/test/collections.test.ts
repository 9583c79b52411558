import { describe, expect, it } from 'vitest'
import {
  type CollectionRule,
  collectionRuleSchema,
  collectionsBetween,
  collectionsToICalendar,
  type HolidayCalendar,
  nextCollections,
} from '../src/index'

/** 2026 dates as the SKB 3 Menteri lists them (fixture only; tenants verify their own). */
const calendar: HolidayCalendar = {
  holidays: [
    { date: '2026-03-20', name: { id: 'Idul Fitri 1447 H', en: 'Eid al-Fitr' }, kind: 'national', verified: true },
    { date: '2026-03-21', name: { id: 'Idul Fitri 1447 H (hari kedua)' }, kind: 'national', verified: true },
    { date: '2026-03-23', name: { id: 'Cuti bersama Idul Fitri' }, kind: 'cuti_bersama', verified: true },
    { date: '2026-03-24', name: { id: 'Cuti bersama Idul Fitri' }, kind: 'cuti_bersama', verified: true },
    { date: '2026-12-24', name: { id: 'Cuti bersama Natal' }, kind: 'cuti_bersama', verified: true },
    { date: '2026-12-25', name: { id: 'Natal', en: 'Christmas' }, kind: 'national', verified: true },
  ],
}

const rule = (over: Partial<CollectionRule> = {}): CollectionRule =>
  collectionRuleSchema.parse({
    zone: 'Asia/Jakarta',
    days: ['mo', 'th'],
    start: '07:00',
    end: '10:00',
    onHolidays: 'next-working-day',
    ...over,
  })

const collected = (list: ReturnType<typeof collectionsBetween>) => list.filter((c) => c.collected).map((c) => c.date)

describe('collectionsBetween', () => {
  it('moves a Friday holiday collection to Saturday and explains it', () => {
    const list = collectionsBetween(rule({ days: ['fr'] }), calendar, '2026-12-21', 7)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ date: '2026-12-26', scheduledDate: '2026-12-25', status: 'shifted' })
    expect(list[0]?.note).toEqual({ id: 'Natal, dipindah ke Sabtu 26 Des', en: 'Christmas, moved to Saturday 26 Dec' })
  })

  it('moves Thursday cuti bersama past Christmas to Saturday', () => {
    const list = collectionsBetween(rule(), calendar, '2026-12-21', 14)
    expect(collected(list)).toEqual(['2026-12-21', '2026-12-26', '2026-12-28', '2026-12-31'])
    expect(list[1]?.holiday?.kind).toBe('cuti_bersama')
  })

  it('can exclude cuti bersama from the policy', () => {
    const list = collectionsBetween(rule({ holidayKinds: ['national'] }), calendar, '2026-12-21', 7)
    expect(collected(list)).toEqual(['2026-12-21', '2026-12-24'])
  })

  it('moves back to the previous working day', () => {
    const list = collectionsBetween(rule({ onHolidays: 'previous-working-day' }), calendar, '2026-12-21', 7)
    expect(collected(list)).toEqual(['2026-12-21', '2026-12-23'])
  })

  it('skips and says so', () => {
    const list = collectionsBetween(rule({ onHolidays: 'skip' }), calendar, '2026-12-21', 7)
    expect(collected(list)).toEqual(['2026-12-21'])
    expect(list[1]).toMatchObject({ status: 'skipped', collected: false, date: '2026-12-24' })
    expect(list[1]?.note?.id).toBe('Cuti bersama Natal, tidak ada pengangkutan')
  })

  it('keeps holidays under as-usual', () => {
    expect(collected(collectionsBetween(rule({ onHolidays: 'as-usual' }), calendar, '2026-12-21', 7))).toEqual([
      '2026-12-21',
      '2026-12-24',
    ])
  })

  it('crosses the Idul Fitri run onto one date without repeating it', () => {
    // Fri 20 and Mon 23 (with Sat 21 and Tue 24 off): both land on Wednesday 25.
    const list = collectionsBetween(rule({ days: ['mo', 'fr'] }), calendar, '2026-03-16', 14)
    expect(collected(list)).toEqual(['2026-03-16', '2026-03-25', '2026-03-27'])
  })

  it('includes a move from before the window and applies exceptions', () => {
    const r = rule({
      days: ['fr'],
      exceptions: [
        { date: '2027-01-01', kind: 'cancelled', reason: { id: 'Tahun baru' } },
        { date: '2026-12-30', kind: 'extra', reason: { id: 'Sisa perayaan Natal' } },
      ],
    })
    const list = collectionsBetween(r, calendar, '2026-12-26', 7)
    expect(list.map((c) => [c.date, c.status])).toEqual([
      ['2026-12-26', 'shifted'],
      ['2026-12-30', 'extra'],
      ['2027-01-01', 'cancelled'],
    ])
    expect(list[2]?.note?.id).toBe('Dibatalkan: Tahun baru')
  })

  it('computes instants in a WITA zone', () => {
    const [first] = collectionsBetween(rule({ zone: 'Asia/Makassar' }), calendar, '2026-12-21', 1)
    expect(first?.startsAt.toISOString()).toBe('2026-12-20T23:00:00.000Z')
    expect(first?.endsAt.toISOString()).toBe('2026-12-21T02:00:00.000Z')
  })
})

describe('nextCollections', () => {
  it('keeps a collection whose window is still open and moves on after it ends', () => {
    const during = nextCollections(rule(), calendar, new Date('2026-12-21T01:00:00Z'), 2)
    expect(during.map((c) => c.date)).toEqual(['2026-12-21', '2026-12-26'])
    const after = nextCollections(rule(), calendar, new Date('2026-12-21T03:00:00Z'), 1)
    expect(after.map((c) => c.date)).toEqual(['2026-12-26'])
  })

  it('is empty for a rule with no days', () => {
    expect(nextCollections(rule({ days: [] }), calendar, new Date('2026-12-21T00:00:00Z'), 3)).toEqual([])
  })
})

describe('collectionRuleSchema', () => {
  it('refuses an end before the start and repeated days', () => {
    const r = collectionRuleSchema.safeParse({
      zone: 'Asia/Jakarta',
      days: ['mo', 'mo'],
      start: '10:00',
      end: '07:00',
      onHolidays: 'skip',
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['days', 'end'])
  })
})

describe('collectionsToICalendar', () => {
  it('gives one event per collection with UIDs keyed by the scheduled date', () => {
    const ics = collectionsToICalendar(rule({ days: ['fr'] }), calendar, {
      from: '2026-12-21',
      days: 7,
      summary: 'Sampah Balige',
      uidPrefix: 'wa_1',
      uidDomain: 'toba.example',
      stamp: new Date('2026-12-01T00:00:00Z'),
    })
    expect(ics).toContain('UID:wa_1-2026-12-25@toba.example\r\n')
    expect(ics).toContain('DTSTART;TZID=Asia/Jakarta:20261226T070000\r\n')
    expect(ics).toContain('DTEND;TZID=Asia/Jakarta:20261226T100000\r\n')
    expect(ics).toContain('DESCRIPTION:Natal\\, dipindah ke Sabtu 26 Des')
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
  })
})
