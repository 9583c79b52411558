import { type AdminEntity, type AdminField, listValue, problem } from '@cerdas/core'
import announcements from '@cerdas/module-announcements'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  checkEntityForm,
  fieldAtPath,
  listRowCount,
  parseNumber,
  problemToFormIssues,
  readFormValues,
  recordFormValues,
} from '../src/admin-form'

/**
 * The generic entity form: form values → a module's input, issues back to their inputs. Single
 * values against the announcements schemas; lists, lines and numbers against a small entity of
 * their own (the services and directory forms are checked in apps/web/test/admin-lists.test.ts).
 */

const ZONE = 'Asia/Jakarta'
const announcementAdmin = announcements.admin!.entities.find((e) => e.id === 'announcement')!
const blankOf = (fields: readonly AdminField[]) => Object.fromEntries(fields.map((f) => [f.name, '']))
const blank = blankOf(announcementAdmin.fields)

describe('single-value forms (announcements)', () => {
  it('maps a missing required field and schema issues back to field names', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'create',
      { ...blank, 'body.id': 'Isi', category: 'general', link: 'ftp://x', expiresAt: '2026-13-01T00:00' },
      ZONE,
    )
    expect(check.input).toBeUndefined()
    expect(check.errors).toEqual({
      'title.id': { code: 'required' },
      link: { code: 'url' },
      expiresAt: { code: 'datetime' },
    })
    expect(check.formErrors).toEqual([])
  })

  it('reports only the mistakes of an update, not the optional inputs left empty', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'update',
      { ...blank, 'body.id': 'Isi', category: 'general', link: 'ftp://x', expiresAt: '2026-13-01T00:00' },
      ZONE,
    )
    expect(check.errors).toEqual({
      'title.id': { code: 'required' },
      link: { code: 'url' },
      expiresAt: { code: 'datetime' },
    })
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
    const update = checkEntityForm(
      announcementAdmin,
      'update',
      { ...blank, 'title.id': 'x'.repeat(201), 'body.id': 'Isi', category: 'general', publishAt: '2026-12-02T08:00' },
      ZONE,
    )
    expect(update.errors).toEqual({ 'title.id': { code: 'tooLong', max: 200 } })
  })

  it('builds nested input, leaving empty optional fields out when creating', () => {
    const check = checkEntityForm(
      announcementAdmin,
      'create',
      { ...blank, 'title.id': ' Judul ', 'body.id': 'Isi', category: 'event', publishAt: '2026-12-01T08:00' },
      ZONE,
    )
    expect(check.errors).toEqual({})
    expect(check.formErrors).toEqual([])
    expect(check.input).toEqual({
      title: { id: 'Judul' },
      body: { id: 'Isi' },
      category: 'event',
      publishAt: '2026-12-01T08:00:00+07:00',
    })
    const both = checkEntityForm(
      announcementAdmin,
      'create',
      {
        ...blank,
        'title.id': 'Judul',
        'title.en': 'Title',
        'body.id': 'Isi',
        category: 'general',
        link: 'https://x.id/',
      },
      ZONE,
    )
    expect(both.input).toEqual({
      title: { id: 'Judul', en: 'Title' },
      body: { id: 'Isi' },
      category: 'general',
      link: 'https://x.id/',
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
    // officeRef, link and expiresAt are nullable: cleared. publishAt is not: left as it is. title.en: dropped from title.
    expect(check.input).toEqual({
      title: { id: 'Judul' },
      body: { id: 'Isi' },
      category: 'general',
      officeRef: null,
      link: null,
      expiresAt: null,
    })
    const withLink = checkEntityForm(
      announcementAdmin,
      'update',
      {
        ...blank,
        'title.id': 'Judul',
        'title.en': 'Title',
        'body.id': 'Isi',
        category: 'general',
        link: 'https://x.id/',
      },
      ZONE,
    )
    expect(withLink.input).toEqual({
      title: { id: 'Judul', en: 'Title' },
      body: { id: 'Isi' },
      category: 'general',
      officeRef: null,
      link: 'https://x.id/',
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
    expect(mapped?.status).toBe(422)
    expect(problemToFormIssues(announcementAdmin.fields, new Error('x'))).toBeUndefined()
    const whole = problemToFormIssues(announcementAdmin.fields, problem('conflict', 'Sudah diubah orang lain'))
    expect(whole).toMatchObject({ errors: {}, formErrors: [{ code: 'custom' }], status: 409 })
  })
})

// ---------------------------------------------------------------------------
// Lists, lines and numbers.

const text = z.string().trim().min(1).max(100)
const localized = z.strictObject({ id: text, en: text.optional() })
const step = z.strictObject({
  document: localized,
  note: localized.optional(),
  days: z.number().int().min(1).optional(),
})
const base = {
  name: localized,
  tags: z.array(text).max(5),
  audience: z.array(z.enum(['residents', 'visitors'])),
  steps: z.array(step),
  fee: z.number().int().min(0).optional(),
  lat: z.number().min(-90).max(90).optional(),
}
const createSchema = z.strictObject({
  ...base,
  tags: base.tags.optional(),
  audience: base.audience.optional(),
  steps: base.steps.optional(),
})
const updateSchema = z.strictObject({
  name: localized.optional(),
  tags: base.tags.optional(),
  audience: base.audience.optional(),
  steps: base.steps.optional(),
  fee: base.fee.nullable(),
  lat: base.lat.nullable(),
})

const fields: AdminField[] = [
  { name: 'name.id', label: { id: 'Nama' }, type: 'text', required: true },
  { name: 'name.en', label: { id: 'Nama (en)' }, type: 'text' },
  { name: 'tags', label: { id: 'Kata lain' }, type: 'lines' },
  {
    name: 'audience',
    label: { id: 'Untuk' },
    type: 'multiselect',
    options: [
      { value: 'residents', label: { id: 'Warga' } },
      { value: 'visitors', label: { id: 'Wisatawan' } },
    ],
  },
  {
    name: 'steps',
    label: { id: 'Langkah' },
    type: 'list',
    fields: [
      { name: 'document.id', label: { id: 'Dokumen' }, type: 'text', required: true },
      { name: 'note.id', label: { id: 'Catatan' }, type: 'text' },
      { name: 'days', label: { id: 'Hari' }, type: 'number', integer: true },
    ],
  },
  { name: 'fee', label: { id: 'Biaya' }, type: 'number', integer: true },
  { name: 'lat', label: { id: 'Lintang' }, type: 'number' },
]
const entity: Pick<AdminEntity, 'fields' | 'createSchema' | 'updateSchema'> = { fields, createSchema, updateSchema }
const empty = blankOf(fields)

describe('numbers as people type them', () => {
  it('reads thousands separators in whole numbers and a decimal comma otherwise', () => {
    for (const typed of ['50.000', '50,000', '50 000', '50000', 'Rp50.000', 'Rp. 50.000', 'rp 50000'])
      expect(parseNumber(typed, true)).toBe(50_000)
    expect(parseNumber('1.250.000', true)).toBe(1_250_000)
    expect(parseNumber('-1.000', true)).toBe(-1000)
    expect(parseNumber('2,5', true)).toBeUndefined()
    expect(parseNumber('1.50', true)).toBeUndefined()
    expect(parseNumber('1.000,50', true)).toBeUndefined()
    expect(parseNumber('2,3333', false)).toBe(2.3333)
    expect(parseNumber('-8.5', false)).toBe(-8.5)
    expect(parseNumber('99', false)).toBe(99)
    for (const typed of ['', 'lima', '1e3', '5.000.00', '1,2,3']) {
      expect(parseNumber(typed, true)).toBeUndefined()
      expect(parseNumber(typed, false)).toBeUndefined()
    }
  })

  it('says whether a number was expected or a whole one', () => {
    const check = checkEntityForm(entity, 'create', { ...empty, 'name.id': 'A', fee: '2,5', lat: 'utara' }, ZONE)
    expect(check.errors).toEqual({ fee: { code: 'integer' }, lat: { code: 'number' } })
  })
})

describe('lists, lines and choices', () => {
  it('reads a submitted form (FormData or URLSearchParams): rows in order, empty ones dropped', () => {
    const form = new FormData()
    form.append('name.id', 'A')
    form.append('audience', 'residents')
    form.append('audience', 'visitors')
    form.append('steps.0.document.id', 'KK')
    form.append('steps.1.document.id', ' ')
    form.append('steps.1.days', '')
    form.append('steps.12.note.id', 'catatan saja')
    form.append('steps.x.document.id', 'ignored')
    form.append('steps.2.unknown', 'ignored')
    form.append('steps.9999.document.id', 'too far')
    const values = readFormValues(fields, form)
    expect(values).toEqual({
      'name.id': 'A',
      'name.en': '',
      tags: '',
      audience: 'residents\nvisitors',
      'steps.0.document.id': 'KK',
      'steps.0.note.id': '',
      'steps.0.days': '',
      'steps.1.document.id': '',
      'steps.1.note.id': 'catatan saja',
      'steps.1.days': '',
      fee: '',
      lat: '',
    })
    expect(listRowCount(values, fields.find((f) => f.name === 'steps')!)).toBe(2)
    expect(readFormValues(fields, new URLSearchParams([...form.entries()] as [string, string][]))).toEqual(values)
  })

  it('shows stored lists as rows and lines', () => {
    const values = recordFormValues(
      fields,
      {
        'name.id': 'A',
        tags: 'satu\ndua',
        audience: 'residents',
        steps: listValue([{ 'document.id': 'KK', 'note.id': null, days: 3 }, { 'document.id': 'KTP' }]),
        fee: 15_000,
        lat: null,
      },
      ZONE,
    )
    expect(values).toEqual({
      'name.id': 'A',
      'name.en': '',
      tags: 'satu\ndua',
      audience: 'residents',
      'steps.0.document.id': 'KK',
      'steps.0.note.id': '',
      'steps.0.days': '3',
      'steps.1.document.id': 'KTP',
      'steps.1.note.id': '',
      'steps.1.days': '',
      fee: '15000',
      lat: '',
    })
  })

  it('builds arrays from lines, choices and rows, ignoring empty lines and rows', () => {
    const check = checkEntityForm(
      entity,
      'create',
      {
        ...empty,
        'name.id': 'Izin',
        tags: ' satu \n\ndua\n',
        audience: 'visitors\nvisitors',
        'steps.0.document.id': 'KK',
        'steps.0.days': '3',
        'steps.1.document.id': '',
        'steps.4.document.id': 'KTP',
        'steps.4.note.id': 'asli',
        fee: '1.500.000',
        lat: '2,3333',
      },
      ZONE,
    )
    expect(check.errors).toEqual({})
    expect(check.input).toEqual({
      name: { id: 'Izin' },
      tags: ['satu', 'dua'],
      audience: ['visitors'],
      steps: [
        { document: { id: 'KK' }, days: 3 },
        { document: { id: 'KTP' }, note: { id: 'asli' } },
      ],
      fee: 1_500_000,
      lat: 2.3333,
    })
    expect(check.map).toEqual({ rows: { steps: [0, 4] }, lines: { tags: [1, 3], audience: [1] } })
  })

  it('clears emptied lists on update and leaves what cannot be null out', () => {
    const check = checkEntityForm(entity, 'update', { ...empty, 'name.id': 'Izin' }, ZONE)
    expect(check.errors).toEqual({})
    expect(check.input).toEqual({ name: { id: 'Izin' }, tags: [], audience: [], steps: [], fee: null, lat: null })
  })

  it('puts issues at their row and line', () => {
    const check = checkEntityForm(
      entity,
      'create',
      {
        ...empty,
        'name.id': 'Izin',
        tags: `ok\n\n${'x'.repeat(101)}`,
        audience: 'residents\naliens',
        'steps.0.document.id': 'KK',
        'steps.3.note.id': 'tanpa dokumen',
        'steps.5.document.id': 'KTP',
        'steps.5.days': '0',
        'steps.6.document.id': 'Akta',
        'steps.6.days': '1,5',
      },
      ZONE,
    )
    // Inputs that do not convert and the schema's issues about the rest, at the form's rows and lines.
    expect(check.input).toBeUndefined()
    expect(check.errors).toEqual({
      audience: { code: 'choice' },
      tags: { code: 'tooLong', max: 100, line: 3 },
      'steps.3.document.id': { code: 'required' },
      'steps.5.days': { code: 'min', min: 1 },
      'steps.6.days': { code: 'integer' },
    })
  })

  it('maps a business function’s pointers into rows and lines through the form’s map', () => {
    const check = checkEntityForm(
      entity,
      'create',
      { ...empty, 'name.id': 'Izin', tags: 'a\n\nb', 'steps.1.document.id': 'KK', 'steps.4.document.id': 'KTP' },
      ZONE,
    )
    const mapped = problemToFormIssues(
      fields,
      problem('validation', 'bad', {
        errors: [
          { pointer: '/steps/1/document', message: 'unknown document' },
          { pointer: '/tags/1', message: 'taken' },
          { pointer: '/elsewhere', message: 'somewhere else' },
        ],
      }),
      check.map,
    )
    expect(mapped?.errors).toEqual({
      'steps.4.document.id': { code: 'custom', message: 'unknown document' },
      tags: { code: 'custom', message: 'taken', line: 3 },
    })
    expect(mapped?.formErrors).toEqual([{ code: 'custom', message: 'somewhere else' }])
  })

  it('finds the field, position and row input of a path', () => {
    const at = (...path: (string | number)[]) => {
      const found = fieldAtPath(fields, path)
      return found && { field: found.field.name, index: found.index, sub: found.sub?.name }
    }
    expect(at('steps', 2, 'document')).toEqual({ field: 'steps', index: 2, sub: 'document.id' })
    expect(at('steps', 2, 'days')).toEqual({ field: 'steps', index: 2, sub: 'days' })
    expect(at('steps', 2)).toEqual({ field: 'steps', index: 2, sub: 'document.id' })
    expect(at('steps')).toEqual({ field: 'steps', index: undefined, sub: undefined })
    expect(at('tags', 1)).toEqual({ field: 'tags', index: 1, sub: undefined })
    expect(at('name')).toEqual({ field: 'name.id', index: undefined, sub: undefined })
    expect(at('name', 'id', 'x')).toEqual({ field: 'name.id', index: undefined, sub: undefined })
    expect(at('nowhere')).toBeUndefined()
    expect(at()).toBeUndefined()
  })
})
