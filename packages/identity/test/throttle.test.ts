import { describe, expect, it } from 'vitest'
import { clearFailures, DEFAULT_THROTTLE, recordFailure, throttledFor } from '../src/throttle'
import { identityDb } from './support'

const db = await identityDb()
const policy = DEFAULT_THROTTLE
const start = new Date('2030-05-01T00:00:00Z')
const at = (ms: number) => new Date(start.getTime() + ms)
const fail = (key: string, time: Date) => recordFailure(db, [key], time, policy)

describe('login throttle', () => {
  it('uses 5 failures in 15 minutes, then a 15-minute block', () => {
    expect(policy).toEqual({ maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 })
  })

  it('blocks at the 5th failure within the window, for the block time', async () => {
    for (let i = 0; i < 4; i++) await fail('account:a', at(i * 60_000))
    expect(await throttledFor(db, ['account:a'], at(4 * 60_000))).toBe(0)
    await fail('account:a', at(4 * 60_000))
    expect(await throttledFor(db, ['account:a'], at(4 * 60_000))).toBe(policy.blockMs / 1000)
    expect(await throttledFor(db, ['account:a'], at(4 * 60_000 + policy.blockMs - 1000))).toBe(1)
    expect(await throttledFor(db, ['account:a'], at(4 * 60_000 + policy.blockMs))).toBe(0)
  })

  it('starts a new window once the old one has passed: old failures no longer count', async () => {
    for (let i = 0; i < 4; i++) await fail('account:b', at(i * 1000))
    // The window of the first failure has passed: this one starts a new count.
    await fail('account:b', at(policy.windowMs + 5000))
    expect(await throttledFor(db, ['account:b'], at(policy.windowMs + 5000))).toBe(0)
    for (let i = 1; i < 4; i++) await fail('account:b', at(policy.windowMs + 5000 + i * 1000))
    expect(await throttledFor(db, ['account:b'], at(policy.windowMs + 9000))).toBe(0)
    await fail('account:b', at(policy.windowMs + 10_000))
    expect(await throttledFor(db, ['account:b'], at(policy.windowMs + 10_000))).toBeGreaterThan(0)
  })

  it('keys are independent, and any blocked key of a login blocks it', async () => {
    for (let i = 0; i < 5; i++) await recordFailure(db, ['account:c', `ip:192.0.2.${i}`], at(i), policy)
    expect(await throttledFor(db, ['account:c'], at(10))).toBeGreaterThan(0)
    expect(await throttledFor(db, ['ip:192.0.2.1'], at(10))).toBe(0)
    expect(await throttledFor(db, ['account:other', 'ip:192.0.2.1', 'account:c'], at(10))).toBeGreaterThan(0)
  })

  it('clearing failures forgets the count', async () => {
    for (let i = 0; i < 4; i++) await fail('account:d', at(i))
    await clearFailures(db, ['account:d'])
    await fail('account:d', at(10))
    expect(await throttledFor(db, ['account:d'], at(10))).toBe(0)
    const row = await db.$client.execute("SELECT failures FROM identity_throttle WHERE key = 'account:d'")
    expect(Number(row.rows[0]?.failures)).toBe(1)
  })
})
