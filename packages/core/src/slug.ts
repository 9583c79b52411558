/**
 * A URL key from a name: lowercase ASCII letters and digits joined by single
 * hyphens, at most 56 characters, `fallback` when nothing is left.
 * @example slugify('Dinas Kependudukan', 'kantor') // 'dinas-kependudukan'
 */
export function slugify(value: string, fallback: string): string {
  return (
    value
      .toLowerCase()
      .normalize('NFKD')
      // Accents go with their letter (é → e), not to a hyphen.
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/g, '') || fallback
  )
}
