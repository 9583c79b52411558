import { isProblemError } from '@cerdas/core'
import { describe, expect, it } from 'vitest'
import { isKnownAddress } from '../src/known-addresses'
import { login } from '../src/login'
import { hashPassword } from '../src/passwords'
import { DEFAULT_THROTTLE, loginThrottleKeys, reserveAttempt } from '../src/throttle'
import { createUser } from '../src/users'
import { identityDb } from './support'

const db = await identityDb()
const policy = DEFAULT_THROTTLE
const { accountAtAddress: PAIR_LIMIT, address: ADDRESS_LIMIT, account: ACCOUNT_LIMIT } = policy.limits
const start = new Date('2030-05-01T00:00:00Z')
const at = (ms: number) => new Date(start.getTime() + ms)
const PASSWORD = 'kata-sandi-pemilik-1'
const WRONG = 'tebakan-penyerang-1'
const passwordHash = await hashPassword(PASSWORD)
let n = 0

async function newAccount(): Promise<string> {
  const email = `pemilik-${++n}@toba.example`
  await createUser(db, { email, name: 'Pemilik', grants: [], passwordHash }, start)
  return email
}

/** The status a login answers with: 200, 401 (checked, wrong) or 429 (not checked), and the wait. */
async function attempt(email: string, password: string, ip: string | undefined, time: Date) {
  try {
    await login(db, { email, password, ip }, time)
    return { status: 200, retryAfter: 0 }
  } catch (error) {
    if (!isProblemError(error)) throw error
    return { status: error.problem.status, retryAfter: Number(error.problem.retryAfter ?? 0) }
  }
}

const count = (answers: { status: number }[], status: number) => answers.filter((a) => a.status === status).length

describe('login throttle', () => {
  it('allows 5 failures per account at one address, 20 per address and 20 per account; delays of 1 to 15 minutes', () => {
    expect(policy).toEqual({
      limits: { accountAtAddress: 5, address: 20, account: 20 },
      firstDelayMs: 60_000,
      maxDelayMs: 15 * 60_000,
      forgetMs: 60 * 60_000,
      knownAddressMs: 30 * 24 * 60 * 60_000,
    })
  })

  it('of 30 parallel wrong passwords for one account, only the limit are checked', async () => {
    const email = await newAccount()
    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt(email, WRONG, '192.0.2.10', start)))
    expect(count(answers, 401)).toBe(PAIR_LIMIT)
    expect(count(answers, 429)).toBe(30 - PAIR_LIMIT)
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBe(policy.firstDelayMs / 1000)
    }
    // Every checked attempt was counted on every key, also the one that started the delay.
    const rows = await db.$client.execute({
      sql: 'SELECT failures FROM identity_throttle WHERE key_hash IN (?, ?, ?)',
      args: loginThrottleKeys(email, '192.0.2.10').map((k) => k.hash),
    })
    expect(rows.rows.map((r) => Number(r.failures))).toEqual([PAIR_LIMIT, PAIR_LIMIT, PAIR_LIMIT])
  })

  it('the owner gets in at once from another address, and from the same one after the first delay', async () => {
    const email = await newAccount()
    await Promise.all(Array.from({ length: 30 }, () => attempt(email, WRONG, '192.0.2.11', start)))
    expect(await attempt(email, PASSWORD, '198.51.100.1', at(1000))).toEqual({ status: 200, retryAfter: 0 })
    expect(await attempt(email, PASSWORD, '192.0.2.11', at(1000))).toEqual({ status: 429, retryAfter: 59 })
    expect(await attempt(email, PASSWORD, '192.0.2.11', at(policy.firstDelayMs))).toEqual({
      status: 200,
      retryAfter: 0,
    })
    // The success forgot the failures at that address: a typo later is not punished for the attack.
    expect((await attempt(email, WRONG, '192.0.2.11', at(policy.firstDelayMs + 1000))).status).toBe(401)
  })

  it('each failure past the limit doubles the delay, up to 15 minutes', async () => {
    const email = await newAccount()
    let time = 0
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await attempt(email, WRONG, '192.0.2.12', at(time))).status).toBe(401)
    const delays: number[] = []
    for (let i = 0; i < 6; i++) {
      const refused = await attempt(email, WRONG, '192.0.2.12', at(time))
      expect(refused.status).toBe(429)
      delays.push(refused.retryAfter)
      time += refused.retryAfter * 1000
      expect((await attempt(email, WRONG, '192.0.2.12', at(time))).status).toBe(401)
    }
    expect(delays).toEqual([60, 120, 240, 480, 900, 900])
  })

  it('an address trying many accounts waits after 20 failures; the accounts elsewhere do not', async () => {
    const emails = await Promise.all(Array.from({ length: ADDRESS_LIMIT + 1 }, () => newAccount()))
    for (const email of emails.slice(0, ADDRESS_LIMIT)) {
      expect((await attempt(email, WRONG, '203.0.113.5', start)).status).toBe(401)
    }
    const fresh = emails[ADDRESS_LIMIT] as string
    expect((await attempt(fresh, PASSWORD, '203.0.113.5', start)).status).toBe(429)
    expect((await attempt(fresh, PASSWORD, '203.0.113.6', start)).status).toBe(200)
  })

  it('an account tried from many addresses waits after 20 failures, for a delay, not for good', async () => {
    const email = await newAccount()
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect((await attempt(email, WRONG, `198.51.100.${100 + i}`, start)).status).toBe(401)
    }
    expect(await attempt(email, PASSWORD, '198.51.100.250', start)).toEqual({ status: 429, retryAfter: 60 })
    expect((await attempt(email, PASSWORD, '198.51.100.250', at(policy.firstDelayMs))).status).toBe(200)
  })

  it('an attack from 4 addresses trips the account counter, yet the owner gets in from a known address', async () => {
    const email = await newAccount()
    const home = '192.0.2.40'
    expect((await attempt(email, PASSWORD, home, start)).status).toBe(200)
    const attackers = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']
    for (const ip of attackers) {
      for (let i = 0; i < PAIR_LIMIT; i++) expect((await attempt(email, WRONG, ip, at(1000))).status).toBe(401)
    }
    expect(attackers.length * PAIR_LIMIT).toBe(ACCOUNT_LIMIT)
    // A fifth, fresh address waits for the account-wide delay ...
    expect(await attempt(email, PASSWORD, '127.0.0.6', at(2000))).toEqual({ status: 429, retryAfter: 59 })
    // ... the owner at home does not.
    expect(await attempt(email, PASSWORD, home, at(2000))).toEqual({ status: 200, retryAfter: 0 })
    // One guess each time the delay ends keeps a fresh address waiting, longer each time; home stays open.
    let time = 1000
    for (const wait of [60, 120, 240]) {
      time += wait * 1000
      expect((await attempt(email, WRONG, `127.0.1.${wait % 250}`, at(time))).status).toBe(401)
      expect((await attempt(email, PASSWORD, '127.0.0.7', at(time + 1000))).status).toBe(429)
      expect((await attempt(email, PASSWORD, home, at(time + 1000))).status).toBe(200)
    }
  })

  it('a known address still has its own limit of 5, counted exactly under parallel attempts', async () => {
    const email = await newAccount()
    const home = '192.0.2.41'
    expect((await attempt(email, PASSWORD, home, start)).status).toBe(200)
    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt(email, WRONG, home, at(1000))))
    expect(count(answers, 401)).toBe(PAIR_LIMIT)
    expect(count(answers, 429)).toBe(30 - PAIR_LIMIT)
    expect(await attempt(email, PASSWORD, home, at(2000))).toEqual({ status: 429, retryAfter: 59 })
  })

  it('an address is known for 30 days after its last success, stored only as a hash', async () => {
    const email = await newAccount()
    const home = '192.0.2.42'
    expect(await isKnownAddress(db, email, home, start)).toBe(false)
    expect((await attempt(email, PASSWORD, home, start)).status).toBe(200)
    expect(await isKnownAddress(db, email, home, at(policy.knownAddressMs))).toBe(true)
    expect(await isKnownAddress(db, email, '192.0.2.43', start)).toBe(false)
    expect(await isKnownAddress(db, 'orang-lain@toba.example', home, start)).toBe(false)
    expect(await isKnownAddress(db, email, undefined, start)).toBe(false)
    expect(await isKnownAddress(db, email, home, at(policy.knownAddressMs + 1))).toBe(false)
    const stored = await db.$client.execute('SELECT * FROM identity_known_addresses')
    expect(JSON.stringify(stored.rows)).not.toContain(home)
    expect(JSON.stringify(stored.rows)).not.toContain(email)
    // Another success later sweeps the pairs not seen for 30 days.
    await attempt(await newAccount(), PASSWORD, '192.0.2.44', at(policy.knownAddressMs + 1))
    const rows = await db.$client.execute({
      sql: 'SELECT count(*) AS n FROM identity_known_addresses WHERE last_success_at < ?',
      args: [start.getTime() + 1],
    })
    expect(Number(rows.rows[0]?.n)).toBe(0)
  })

  it('a success gives the attempt back to the address and account counters', async () => {
    const email = await newAccount()
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < PAIR_LIMIT; i++) expect((await attempt(email, WRONG, '192.0.2.13', start)).status).toBe(401)
      expect((await attempt(email, PASSWORD, '192.0.2.13', start)).status).toBe(200)
    }
    const keys = loginThrottleKeys(email, '192.0.2.13')
    const rows = await db.$client.execute({
      sql: `SELECT key_hash, failures FROM identity_throttle WHERE key_hash IN (?, ?, ?)`,
      args: keys.map((k) => k.hash),
    })
    const failures = new Map(rows.rows.map((r) => [String(r.key_hash), Number(r.failures)]))
    expect(failures.get(keys[0]?.hash as string)).toBeUndefined()
    expect(failures.get(keys[1]?.hash as string)).toBe(3 * (PAIR_LIMIT - 1))
    // The first success made the address known: later rounds there skip the account-wide counter.
    expect(failures.get(keys[2]?.hash as string)).toBe(PAIR_LIMIT - 1)
  })

  it('stores fixed-size hashed keys, however long the input; refuses emails over 254 characters unseen', async () => {
    const before = Number((await db.$client.execute('SELECT count(*) AS n FROM identity_throttle')).rows[0]?.n)
    const hugeEmail = `${'a'.repeat(8 * 1024 * 1024)}@toba.example`
    expect((await attempt(hugeEmail, WRONG, '192.0.2.14', start)).status).toBe(401)
    expect((await attempt(`${'a'.repeat(250)}@x.id`, WRONG, '192.0.2.14', start)).status).toBe(401)
    expect(Number((await db.$client.execute('SELECT count(*) AS n FROM identity_throttle')).rows[0]?.n)).toBe(before)
    // An address is what a trusted proxy says: as long as a header can be.
    const email = await newAccount()
    expect((await attempt(email, WRONG, 'x'.repeat(16 * 1024), start)).status).toBe(401)
    const widths = await db.$client.execute(
      'SELECT DISTINCT length(key_hash) AS width, typeof(key_hash) AS kind FROM identity_throttle',
    )
    expect(widths.rows.map((r) => ({ ...r }))).toEqual([{ width: 64, kind: 'text' }])
    const raw = await db.$client.execute("SELECT count(*) AS n FROM identity_throttle WHERE key_hash LIKE '%@%'")
    expect(Number(raw.rows[0]?.n)).toBe(0)
  })

  it('forgets a key an hour after its last failure: the row is deleted', async () => {
    const email = await newAccount()
    await attempt(email, WRONG, '192.0.2.15', at(0))
    const keys = loginThrottleKeys(email, '192.0.2.15')
    const stored = () =>
      db.$client
        .execute({
          sql: 'SELECT count(*) AS n FROM identity_throttle WHERE key_hash IN (?, ?, ?)',
          args: keys.map((k) => k.hash),
        })
        .then((r) => Number(r.rows[0]?.n))
    expect(await stored()).toBe(3)
    // Any later attempt, by anyone, sweeps what is forgotten.
    await reserveAttempt(db, loginThrottleKeys('orang-lain@toba.example', '192.0.2.16'), at(policy.forgetMs - 1))
    expect(await stored()).toBe(3)
    await reserveAttempt(db, loginThrottleKeys('orang-lain@toba.example', '192.0.2.16'), at(policy.forgetMs + 1))
    expect(await stored()).toBe(0)
    const old = await db.$client.execute({
      sql: 'SELECT count(*) AS n FROM identity_throttle WHERE last_failure_at < ?',
      args: [start.getTime() + 1],
    })
    expect(Number(old.rows[0]?.n)).toBe(0)
  })
})
