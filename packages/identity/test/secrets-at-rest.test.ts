import { beforeAll, describe, expect, it } from 'vitest'
import { authenticateApiToken, createApiToken, listApiTokens } from '../src/api-tokens'
import { login } from '../src/login'
import { inviteUser, requestPasswordReset } from '../src/one-time-links'
import { hashPassword } from '../src/passwords'
import { sha256 } from '../src/secrets'
import { createSession, readSession } from '../src/sessions'
import { createUser, type User } from '../src/users'
import { dumpIdentityTables, identityDb } from './support'

const db = await identityDb()
const now = new Date('2030-03-01T08:00:00Z')
let user: User

beforeAll(async () => {
  user = await createUser(
    db,
    {
      email: 'Rahasia@Toba.Example',
      name: 'Rahasia',
      grants: [],
      passwordHash: await hashPassword('sandi-rahasia-123'),
    },
    now,
  )
})

describe('secrets are stored only hashed', () => {
  it('a session id: the cookie value is nowhere in the database, its SHA-256 is', async () => {
    const { id } = await createSession(db, user.id, { ip: '192.0.2.1' }, now)
    expect(id.length).toBeGreaterThanOrEqual(43)
    const dump = await dumpIdentityTables(db)
    expect(dump).not.toContain(id)
    expect(dump).toContain(sha256(id))
    expect((await readSession(db, id, now))?.user.id).toBe(user.id)
    // Knowing the stored hash does not open the session.
    expect(await readSession(db, sha256(id), now)).toBeUndefined()
  })

  it('a session from login', async () => {
    const { sessionId } = await login(
      db,
      { email: 'rahasia@toba.example', password: 'sandi-rahasia-123', ip: '192.0.2.2' },
      now,
    )
    const dump = await dumpIdentityTables(db)
    expect(dump).not.toContain(sessionId)
    expect(dump).not.toContain('sandi-rahasia-123')
  })

  it('an API token: prefixed, shown once, stored as its hash', async () => {
    const { token, secret } = await createApiToken(
      db,
      { name: 'Integrasi', grants: [{ role: 'viewer', dimension: null }] },
      'test',
      now,
    )
    expect(secret.startsWith('cerdas_')).toBe(true)
    const dump = await dumpIdentityTables(db)
    expect(dump).not.toContain(secret)
    expect(dump).not.toContain(secret.slice('cerdas_'.length))
    expect(dump).toContain(sha256(secret))
    expect(JSON.stringify(await listApiTokens(db))).not.toContain(sha256(secret))
    expect((await authenticateApiToken(db, secret, now))?.id).toBe(token.id)
    expect(await authenticateApiToken(db, sha256(secret), now)).toBeUndefined()
    expect(await authenticateApiToken(db, `${secret}x`, now)).toBeUndefined()
  })

  it('invitation and reset link tokens', async () => {
    const invited = await inviteUser(db, { email: 'baru@toba.example', name: 'Baru', grants: [] }, 'test', now)
    const reset = await requestPasswordReset(db, 'rahasia@toba.example', 'test', now)
    expect(reset).toBeDefined()
    const dump = await dumpIdentityTables(db)
    for (const token of [invited.token, reset?.token as string]) {
      expect(dump).not.toContain(token)
      expect(dump).toContain(sha256(token))
    }
  })

  it('passwords: only their argon2id hash', async () => {
    const dump = await dumpIdentityTables(db)
    expect(dump).not.toContain('sandi-rahasia-123')
    expect(dump).toContain('$argon2id$')
  })
})
