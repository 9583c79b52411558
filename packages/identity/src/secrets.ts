import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A random secret for a session, link or token: 256 bits, URL-safe. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Secrets are stored only as their SHA-256; a stolen database holds no usable session or token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** The form token of a session: derived from the session id, so nothing more is stored. */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('cerdas-csrf').digest('base64url')
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
