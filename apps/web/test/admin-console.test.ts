import { auditDiff, grantsFromForm, isoToLocalInput, localInputToIso } from '@cerdas/platform'
import { describe, expect, it } from 'vitest'

/** The console's framework-free helpers as the web app uses them (entity forms: packages/platform/test/admin-form.test.ts). */

const ZONE = 'Asia/Jakarta'

describe('datetime inputs in the tenant zone', () => {
  it('reads a wall-clock time with the zone offset and shows it back', () => {
    expect(localInputToIso('2026-12-01T08:00', ZONE)).toBe('2026-12-01T08:00:00+07:00')
    expect(localInputToIso('2026-12-01T08:00', 'Asia/Jayapura')).toBe('2026-12-01T08:00:00+09:00')
    expect(localInputToIso('2026-12-01T08:00', 'Asia/Makassar')).toBe('2026-12-01T08:00:00+08:00')
    expect(isoToLocalInput('2026-12-01T01:00:00.000Z', ZONE)).toBe('2026-12-01T08:00')
    expect(isoToLocalInput(null, ZONE)).toBe('')
  })

  it('refuses what is not a real date and time', () => {
    expect(localInputToIso('2026-02-30T08:00', ZONE)).toBeUndefined()
    expect(localInputToIso('2026-12-01T24:00', ZONE)).toBeUndefined()
    expect(localInputToIso('besok pagi', ZONE)).toBeUndefined()
  })
})

describe('roles and audit diffs', () => {
  it('reads role checkboxes and the editor team', () => {
    expect(grantsFromForm(['verifier'], 'governance')).toEqual([
      { role: 'verifier', dimension: null },
      { role: 'editor', dimension: 'governance' },
    ])
    expect(grantsFromForm([], 'all')).toEqual([{ role: 'editor', dimension: null }])
    expect(grantsFromForm(['root'], '')).toBeUndefined()
    expect(grantsFromForm([], 'nowhere')).toBeUndefined()
  })

  it('compares before and after field by field', () => {
    const rows = auditDiff({ title: { id: 'A', en: 'B' }, n: 1 }, { title: { id: 'A2', en: 'B' }, n: 1, extra: true })
    expect(rows).toEqual([
      { key: 'title.id', before: 'A', after: 'A2', changed: true },
      { key: 'title.en', before: 'B', after: 'B', changed: false },
      { key: 'n', before: '1', after: '1', changed: false },
      { key: 'extra', before: null, after: 'true', changed: true },
    ])
    expect(auditDiff(null, null)).toEqual([])
  })
})
