import { describe, expect, it } from 'vitest'
import { idPattern, newId } from '../src/ids'

describe('newId', () => {
  it('carries its prefix and matches idPattern for that prefix only', () => {
    const id = newId('ann')
    expect(id).toMatch(/^ann_/)
    expect(id).toMatch(idPattern('ann'))
    expect(id).not.toMatch(idPattern('svc'))
    expect(id).toHaveLength('ann_'.length + 26)
  })

  it('sorts by creation time, across many milliseconds and the 32-ms digit boundaries', () => {
    const start = Date.UTC(2026, 0, 1)
    const times = [0, 1, 31, 32, 33, 1023, 1024, 86_400_000, 31_536_000_000].map((d) => start + d)
    const ids = times.map((time) => newId('ann', time))
    expect([...ids].sort()).toEqual(ids)
  })

  it('sorts ids made later after ids made earlier', () => {
    const earlier = newId('ann', Date.UTC(2026, 5, 1))
    const later = newId('ann', Date.UTC(2026, 5, 1, 0, 0, 0, 1))
    expect(earlier < later).toBe(true)
  })

  it('differs for ids made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('ann', 1_700_000_000_000)))
    expect(ids.size).toBe(1000)
  })

  it('uses Crockford base32 only (no I, L, O, U)', () => {
    for (let i = 0; i < 200; i++) expect(newId('x').slice(2)).not.toMatch(/[ILOU]/)
  })

  it('idPattern refuses look-alikes', () => {
    const pattern = idPattern('ann')
    expect(pattern.test(`ann_${'0'.repeat(26)}`)).toBe(true)
    expect(pattern.test(`ann_${'0'.repeat(25)}`)).toBe(false)
    expect(pattern.test(`ann_${'0'.repeat(27)}`)).toBe(false)
    expect(pattern.test(`ann_${'0'.repeat(25)}U`)).toBe(false)
    expect(pattern.test(`ann_${'0'.repeat(25)}a`)).toBe(false)
    expect(pattern.test(`xann_${'0'.repeat(26)}`)).toBe(false)
    expect(pattern.test(`ann_${'0'.repeat(26)}\n`)).toBe(false)
  })
})
