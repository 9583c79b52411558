import { describe, expect, it } from 'vitest'
import { ARGON2_OPTIONS, hashPassword, passwordSchema, verifyPassword } from '../src/passwords'

describe('passwords', () => {
  it('are hashed with argon2id, m=19456 KiB, t=2, p=1, visible in the encoded hash', async () => {
    const encoded = await hashPassword('kata-sandi-panjang-1')
    expect(encoded.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true)
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    expect(encoded).not.toContain('kata-sandi-panjang-1')
  })

  it('get a fresh salt every time', async () => {
    const [a, b] = await Promise.all([hashPassword('sama-sama-saja-1'), hashPassword('sama-sama-saja-1')])
    expect(a).not.toBe(b)
    expect(await verifyPassword(a, 'sama-sama-saja-1')).toBe(true)
    expect(await verifyPassword(b, 'sama-sama-saja-1')).toBe(true)
  })

  it('verify only the right password', async () => {
    const encoded = await hashPassword('kata-sandi-panjang-1')
    expect(await verifyPassword(encoded, 'kata-sandi-panjang-1')).toBe(true)
    expect(await verifyPassword(encoded, 'kata-sandi-panjang-2')).toBe(false)
    expect(await verifyPassword(encoded, 'Kata-sandi-panjang-1')).toBe(false)
    expect(await verifyPassword(encoded, '')).toBe(false)
  })

  it('never verify against a missing or garbled hash', async () => {
    expect(await verifyPassword(null, 'apa-saja-boleh-1')).toBe(false)
    expect(await verifyPassword('not-a-hash', 'apa-saja-boleh-1')).toBe(false)
    expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$garbled', 'apa-saja-boleh-1')).toBe(false)
  })

  it('must be 10 to 200 characters', () => {
    expect(passwordSchema.safeParse('123456789').success).toBe(false)
    expect(passwordSchema.safeParse('1234567890').success).toBe(true)
    expect(passwordSchema.safeParse('x'.repeat(200)).success).toBe(true)
    expect(passwordSchema.safeParse('x'.repeat(201)).success).toBe(false)
  })
})
