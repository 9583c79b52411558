import { createHash, randomBytes, randomInt } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * A new tracking code: 12 Crockford base32 characters (60 random bits) in groups of four.
 * @example newTrackingCode() // 'K7QM-4XD2-9HPA'
 */
export function newTrackingCode(): string {
  const bytes = randomBytes(12)
  let out = ''
  for (let i = 0; i < 12; i++) out += CROCKFORD[(bytes[i] as number) & 31]
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`
}

/**
 * A code as typed (any case, with or without dashes or spaces, I/L read as 1 and O as 0) in its
 * canonical 12 characters, or null when it cannot be one.
 */
export function normaliseTrackingCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(text) ? text : null
}

/** What is stored of a tracking code: the SHA-256 of its canonical form. */
export function trackingHash(code: string): string | null {
  const canonical = normaliseTrackingCode(code)
  return canonical ? sha256(`tracking:${canonical}`) : null
}

/** A 6-digit one-time code for a reporter's data request. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** The public number of the n-th report of a year: LPR-2026-000042. */
export function reportNumber(year: number, n: number): string {
  return `LPR-${year}-${String(n).padStart(6, '0')}`
}

export const REPORT_NUMBER = /^LPR-\d{4}-\d{6,}$/
