import { type Algorithm, hash, verify } from '@node-rs/argon2'
import { z } from 'zod'

/** argon2id with OWASP's minimum: 19 MiB, 2 iterations, 1 lane. */
// Algorithm is an ambient const enum; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters')

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Hash anyway for unknown accounts so the answer takes as long as for known ones.
  if (!stored) {
    await hash(password, ARGON2_OPTIONS)
    return false
  }
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
