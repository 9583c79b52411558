import { describe, expect, it } from 'vitest'
import { likeEscape } from '../src/like-pattern'
import { slugify } from '../src/slug'

describe('slugify', () => {
  it('keeps lowercase ASCII letters and digits joined by single hyphens', () => {
    expect(slugify('Dinas Kependudukan & Pencatatan Sipil', 'kantor')).toBe('dinas-kependudukan-pencatatan-sipil')
    expect(slugify('  KTP-el (Baru)  ', 'layanan')).toBe('ktp-el-baru')
    expect(slugify('Café Ñusantara', 'x')).toBe('cafe-nusantara')
  })

  it('cuts at 56 characters without a trailing hyphen, and falls back when nothing is left', () => {
    const long = slugify(`${'a'.repeat(55)} b`, 'x')
    expect(long).toBe('a'.repeat(55))
    expect(slugify('!!!', 'kantor')).toBe('kantor')
    expect(slugify('Розничная', 'layanan')).toBe('layanan')
  })
})

describe('likeEscape', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(likeEscape('100%_a\\b')).toBe('100\\%\\_a\\\\b')
    expect(likeEscape('biasa')).toBe('biasa')
  })
})
