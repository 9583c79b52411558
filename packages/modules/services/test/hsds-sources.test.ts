import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The HSDS export once lived in one 900-line file with its own copies of the schedules engine's
// zone and calendar helpers; these keep it in parts and on the engine's helpers.
const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const hsdsSources = readdirSync(SRC)
  .filter((name) => name.startsWith('hsds') && name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(`${SRC}${name}`, 'utf8') }))

describe('HSDS export sources', () => {
  it('are split by what they hold, none longer than 250 lines', () => {
    expect(hsdsSources.length).toBeGreaterThan(1)
    const long = hsdsSources.filter((f) => f.text.split('\n').length > 250).map((f) => f.name)
    expect(long).toEqual([])
  })

  it('take zones, local dates and weekdays from the schedules engine instead of their own copies', () => {
    const ownZoneCode = /Intl\.DateTimeFormat|timeZoneName|getUTCDay|\['mo', 'tu', 'we'/
    expect(hsdsSources.filter((f) => ownZoneCode.test(f.text)).map((f) => f.name)).toEqual([])
  })
})
