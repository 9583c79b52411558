import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// schedules.ts once held the records, their status and week view, and their iCalendar/OSM/schema.org
// exports in 570 lines; each now has its own file.
const source = (name: string) => readFileSync(new URL(`../src/${name}`, import.meta.url), 'utf8')
const exportedFunctions = (name: string) =>
  [...source(name).matchAll(/export (?:async )?function (\w+)/g)].map((m) => m[1] as string)

describe('schedules module sources', () => {
  it('keep records, status and exports of schedules in separate files', () => {
    expect(
      exportedFunctions('schedules.ts').filter((fn) => /status|week|ICalendar|OpeningHours|SchemaOrg/i.test(fn)),
    ).toEqual([])
    expect(exportedFunctions('schedule-status.ts')).toEqual(
      expect.arrayContaining(['statusView', 'statusOf', 'statusForOwner', 'statusForOwners', 'weekViewOf', 'weekOf']),
    )
    expect(exportedFunctions('schedule-exports.ts')).toEqual(
      expect.arrayContaining(['scheduleICalendar', 'scheduleOpeningHours', 'scheduleSchemaOrg']),
    )
  })
})
