import { problem } from '@cerdas/core'
import announcements from '@cerdas/module-announcements'
import {
  auditDiff,
  checkEntityForm,
  grantsFromForm,
  isoToLocalInput,
  localInputToIso,
  problemToFormIssues,
  recordFormValues,
} from '@cerdas/platform'
import { describe, expect, it } from 'vitest'

const ZONE = 'Asia/Jakarta'
const announcementAdmin = announcements.admin!.entities.find((e) => e.id === 'announcement')!
const blank = Object.fromEntries(announcementAdmin.fields.map((f) => [f.name, '']))

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

describe('entity forms', () => {
  it('maps a missing required field and schema issues back to field names', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'create',
      { ...blank, 'body.id': 'Isi', category: 'general', link: 'ftp://x', expiresAt: '2026-13-01T00:00' },
      ZONE,
    )
    expect(check.input).toBeUndefined()
    expect(check.errors['title.id']).toEqual({ code: 'required' })
    expect(check.errors.link).toEqual({ code: 'url' })
    expect(check.errors.expiresAt).toEqual({ code: 'datetime' })
    expect(check.errors['body.id']).toBeUndefined()
  })

  it('reports a too-long value and a cross-field rule on their fields', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'create',
      {
        ...blank,
        'title.id': 'x'.repeat(201),
        'body.id': 'Isi',
        category: 'general',
        publishAt: '2026-12-02T08:00',
        expiresAt: '2026-12-01T08:00',
      },
      ZONE,
    )
    expect(check.errors['title.id']).toEqual({ code: 'tooLong', max: 200 })
    expect(check.errors.expiresAt).toMatchObject({ code: 'custom' })
  })

  it('builds nested input, leaving empty optional fields out when creating', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'create',
      { ...blank, 'title.id': ' Judul ', 'body.id': 'Isi', category: 'event', publishAt: '2026-12-01T08:00' },
      ZONE,
    )
    expect(check.errors).toEqual({})
    expect(check.input).toEqual({
      title: { id: 'Judul' },
      body: { id: 'Isi' },
      category: 'event',
      publishAt: '2026-12-01T08:00:00+07:00',
    })
  })

  it('clears what the update schema lets be cleared and leaves the rest unchanged', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'update',
      { ...blank, 'title.id': 'Judul', 'body.id': 'Isi', category: 'general' },
      ZONE,
    )
    expect(check.errors).toEqual({})
    // link and expiresAt are nullable: cleared. publishAt is not: left as it is. title.en: dropped from title.
    expect(check.input).toEqual({
      title: { id: 'Judul' },
      body: { id: 'Isi' },
      category: 'general',
      link: null,
      expiresAt: null,
    })
  })

  it('shows a stored record in the zone and maps problem pointers to fields', () => {
    const values = recordFormValues(
      announcementAdmin.fields,
      { 'title.id': 'A', publishAt: '2026-12-01T01:00:00.000Z', expiresAt: null, link: null },
      ZONE,
    )
    expect(values.publishAt).toBe('2026-12-01T08:00')
    expect(values.expiresAt).toBe('')
    expect(values.link).toBe('')
    const mapped = problemToFormIssues(
      announcementAdmin.fields,
      problem('validation', 'bad', { errors: [{ pointer: '/title/id', message: 'taken' }] }),
    )
    expect(mapped?.errors['title.id']).toEqual({ code: 'custom', message: 'taken' })
    expect(problemToFormIssues(announcementAdmin.fields, new Error('x'))).toBeUndefined()
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
