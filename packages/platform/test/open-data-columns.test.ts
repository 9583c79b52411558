import { field } from '@cerdas/core'
import { describe, expect, it } from 'vitest'
import { entityColumns, entityRowCells } from '../src/open-data/entity-columns'
import { DEFAULT_DATA_LICENCE, dataLicenceOf } from '../src/open-data/licence'

const label = { id: 'Label' }
const declared = {
  slug: { from: 'name' },
  fields: {
    name: field.localizedText({ label, required: true, max: 200 }),
    place: field.geoPoint({ label }),
    facilities: field.lines({ label }),
    open: field.boolean({ label }),
    fee: field.money({ label }),
    nib: field.text({ label, private: true }),
  },
}

describe('open data columns of an entity', () => {
  it('are id, slug, each public field as the JSON names it (both languages, both coordinates), then the envelope', () => {
    expect(entityColumns(declared)).toEqual([
      'id',
      'slug',
      'name_id',
      'name_en',
      'place_lat',
      'place_lon',
      'facilities',
      'open',
      'fee',
      'verified',
      'verified_at',
      'created_at',
      'updated_at',
    ])
  })

  it('give one cell per column, never a private value, and empty cells for empty values', () => {
    const record = {
      id: 'x_1',
      slug: 'pantai-lumban-bul-bul',
      name: { id: 'Pantai Lumban Bul Bul', en: 'Lumban Bul Bul Beach' },
      place: { lat: 2.33, lon: 99.06 },
      facilities: ['toilet', 'parkir'],
      open: false,
      fee: 5000,
      nib: '1234567890123',
      verification: { verified: true, verifiedAt: '2026-12-01T01:00:00.000Z', verifiedBy: 'usr_1' },
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-12-01T01:00:00.000Z',
    }
    const cells = entityRowCells(declared, record)
    expect(cells).toEqual([
      'x_1',
      'pantai-lumban-bul-bul',
      'Pantai Lumban Bul Bul',
      'Lumban Bul Bul Beach',
      '2.33',
      '99.06',
      'toilet\nparkir',
      'false',
      '5000',
      'true',
      '2026-12-01T01:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T01:00:00.000Z',
    ])
    expect(cells.join()).not.toContain('1234567890123')
    const empty = entityRowCells(declared, { id: 'x_2', name: { id: 'Saja' }, place: null, facilities: [], fee: null })
    expect(empty).toHaveLength(entityColumns(declared).length)
    expect(empty.slice(2, 7)).toEqual(['Saja', '', '', '', ''])
  })
})

describe('the data licence', () => {
  it('is CC BY 4.0 until the tenant names another, shown by name when known and by address otherwise', () => {
    expect(dataLicenceOf({})).toEqual({ url: DEFAULT_DATA_LICENCE, title: 'CC BY 4.0' })
    expect(dataLicenceOf({ dataLicence: 'https://creativecommons.org/publicdomain/zero/1.0/' }).title).toBe('CC0 1.0')
    expect(dataLicenceOf({ dataLicence: 'https://data.tobakab.go.id/lisensi' }).title).toBe(
      'https://data.tobakab.go.id/lisensi',
    )
  })
})
