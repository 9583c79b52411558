import { problemType } from '@cerdas/core'
import { createSession, DEFAULT_SESSION_POLICY, readSession, sha256 } from '@cerdas/identity'
import {
  createTestPlatform,
  createTestUser,
  expectProblem,
  loginCookie,
  sessionCookieOf,
  TEST_OPERATOR_TOKEN,
  TEST_SESSION_COOKIE,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkTokenOf } from './support/fixtures'

const SLUG = 'toba'
const HOST = 'toba.localhost'
const PASSWORD = 'rahasia-sekali-123'

let t: TestPlatform
let counter = 0

/** An account with a password; `admin` unless other grants are given. */
async function newUser(grants = [{ role: 'admin' as const, dimension: null }]) {
  const email = `pegawai-${++counter}@toba.example`
  const user = await createTestUser(t, SLUG, { email, password: PASSWORD, grants })
  return { ...user, email, password: PASSWORD }
}

const login = (email: string, password: string, url = `http://${HOST}/api/v1/auth/login`) =>
  t.app.request(url, {
    method: 'POST',
    headers: { host: HOST, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })

/** GET /auth/me with a cookie: the actor, or null when the cookie is anonymous. */
async function whoAmI(cookie: string): Promise<{ kind: string; id: string } | null> {
  const res = await t.request(HOST, '/api/v1/auth/me', { headers: { cookie } })
  expect(res.status).toBe(200)
  return ((await res.json()) as { actor: { kind: string; id: string } | null }).actor
}

/** A write with the cookie, same-origin unless other headers are given. */
const postAnnouncement = (cookie: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
  t.request(HOST, '/api/v1/announcements', {
    method: 'POST',
    headers: { cookie, ...headers },
    body: JSON.stringify({ title: { id: 'Dari sesi' }, body: { id: 'Isi' }, category: 'general' }),
  })

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant(SLUG)
})
afterAll(() => t?.close())

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over http', async () => {
    const user = await newUser()
    const res = await login(user.email, user.password)
    expect(res.status).toBe(200)
    const cookie = sessionCookieOf(res)
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40)
    expect(cookie?.attributes).toHaveProperty('httponly')
    expect(cookie?.attributes.samesite).toBe('Lax')
    expect(cookie?.attributes.path).toBe('/')
    expect(cookie?.attributes).not.toHaveProperty('secure')
    // It lives as long as the session at most.
    const maxAge = Number(cookie?.attributes['max-age'])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(DEFAULT_SESSION_POLICY.absoluteMs / 1000)
  })

  it('is Secure when the request came over https', async () => {
    const user = await newUser()
    const res = await login(user.email, user.password, `https://${HOST}/api/v1/auth/login`)
    expect(res.status).toBe(200)
    const cookie = sessionCookieOf(res)
    expect(cookie?.attributes).toHaveProperty('secure')
    expect(cookie?.attributes).toHaveProperty('httponly')
    expect(cookie?.attributes.samesite).toBe('Lax')
  })

  it('is not set for a wrong password', async () => {
    const user = await newUser()
    const res = await login(user.email, 'salah-sekali-123')
    await expectProblem(res, 401, problemType('unauthorized'))
    expect(sessionCookieOf(res)).toBeUndefined()
  })

  it('is not stored raw: the database holds only its hash', async () => {
    const user = await newUser()
    const cookie = await loginCookie(t, HOST, user)
    const raw = cookie.slice(TEST_SESSION_COOKIE.length + 1)
    const db = await tenantDbOf(t, SLUG)
    const rows = await db.$client.execute({ sql: 'SELECT * FROM identity_sessions WHERE user_id = ?', args: [user.id] })
    expect(rows.rows.length).toBe(1)
    expect(JSON.stringify(rows.rows)).not.toContain(raw)
    expect(rows.rows[0]?.id_hash).toBe(sha256(raw))
  })
})

describe('session lifetime', () => {
  it('gives every login a new session id; the old one works until it logs out', async () => {
    const user = await newUser()
    const first = await loginCookie(t, HOST, user)
    const second = await loginCookie(t, HOST, user)
    expect(second).not.toBe(first)
    expect(await whoAmI(first)).toMatchObject({ kind: 'user', id: user.id })
    expect(await whoAmI(second)).toMatchObject({ kind: 'user', id: user.id })

    const out = await t.request(HOST, '/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie: first, 'sec-fetch-site': 'same-origin' },
    })
    expect(out.status).toBe(204)
    // The cookie is cleared in the browser, and the session is gone on the server too.
    const cleared = sessionCookieOf(out)
    expect(cleared?.value).toBe('')
    expect(await whoAmI(first)).toBeNull()
    expect((await postAnnouncement(first)).status).toBe(401)
    // Logging out ends that session only.
    expect(await whoAmI(second)).toMatchObject({ kind: 'user', id: user.id })
  })

  it('invalidates the session id a browser had before logging in (no session fixation)', async () => {
    const user = await newUser()
    const before = await loginCookie(t, HOST, user)
    const res = await t.request(HOST, '/api/v1/auth/login', {
      method: 'POST',
      headers: { cookie: before, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    })
    expect(res.status).toBe(200)
    const after = sessionCookieOf(res)
    expect(after?.value).toBeTruthy()
    expect(`cerdas_session=${after?.value}`).not.toBe(before)
    expect(await whoAmI(before)).toBeNull()
    expect(await whoAmI(`cerdas_session=${after?.value}`)).toMatchObject({ kind: 'user', id: user.id })
  })

  it("ends a person's sessions when their roles change, and the new roles apply at the next login", async () => {
    const user = await newUser()
    const cookie = await loginCookie(t, HOST, user)
    expect((await postAnnouncement(cookie)).status).toBe(201)
    const res = await t.request(HOST, `/api/v1/users/${user.id}/roles`, {
      method: 'PUT',
      token: TEST_OPERATOR_TOKEN,
      body: JSON.stringify({ grants: [{ role: 'viewer' }] }),
    })
    expect(res.status).toBe(200)
    expect(await whoAmI(cookie)).toBeNull()
    expect((await postAnnouncement(cookie)).status).toBe(401)
    const again = await loginCookie(t, HOST, user)
    expect(await whoAmI(again)).toMatchObject({ id: user.id, grants: [{ role: 'viewer', dimension: null }] })
    await expectProblem(await postAnnouncement(again), 403, problemType('forbidden'))
  })

  it('ends a session left idle too long, used or not (readSession with a fake clock)', async () => {
    const user = await newUser()
    const db = await tenantDbOf(t, SLUG)
    const start = new Date('2030-01-01T00:00:00Z')
    const at = (ms: number) => new Date(start.getTime() + ms)
    const { idleMs } = DEFAULT_SESSION_POLICY
    const session = await createSession(db, user.id, {}, start)
    expect((await readSession(db, session.id, at(idleMs - 1000)))?.user.id).toBe(user.id)
    // That read counted as use: the idle clock starts again from it.
    expect((await readSession(db, session.id, at(2 * idleMs - 2000)))?.user.id).toBe(user.id)
    expect(await readSession(db, session.id, at(3 * idleMs))).toBeUndefined()
    // And it stays ended.
    expect(await readSession(db, session.id, at(3 * idleMs - 5000))).toBeUndefined()
  })

  it('ends a session at its absolute limit even if it is used all the time', async () => {
    const user = await newUser()
    const db = await tenantDbOf(t, SLUG)
    const start = new Date('2030-02-01T00:00:00Z')
    const { idleMs, absoluteMs } = DEFAULT_SESSION_POLICY
    const session = await createSession(db, user.id, {}, start)
    const step = idleMs / 2
    let time = start.getTime()
    while (time + step < start.getTime() + absoluteMs) {
      time += step
      expect((await readSession(db, session.id, new Date(time)))?.user.id, new Date(time).toISOString()).toBe(user.id)
    }
    expect(await readSession(db, session.id, new Date(start.getTime() + absoluteMs))).toBeUndefined()
  })

  it('ends an idle session on the API too (last use moved back past the idle limit)', async () => {
    const user = await newUser()
    const cookie = await loginCookie(t, HOST, user)
    expect(await whoAmI(cookie)).not.toBeNull()
    const db = await tenantDbOf(t, SLUG)
    const past = new Date(Date.now() - DEFAULT_SESSION_POLICY.idleMs - 60_000).toISOString()
    await db.$client.execute({
      sql: 'UPDATE identity_sessions SET last_seen_at = ? WHERE user_id = ?',
      args: [past, user.id],
    })
    expect(await whoAmI(cookie)).toBeNull()
  })
})

describe('disabled accounts', () => {
  it('cannot log in, and their sessions end; re-enabled they can again', async () => {
    const user = await newUser()
    const cookie = await loginCookie(t, HOST, user)
    const disable = await t.request(HOST, `/api/v1/users/${user.id}/status`, {
      method: 'PUT',
      token: TEST_OPERATOR_TOKEN,
      body: JSON.stringify({ status: 'disabled' }),
    })
    expect(disable.status).toBe(200)
    expect(await whoAmI(cookie)).toBeNull()
    const res = await login(user.email, user.password)
    await expectProblem(res, 401, problemType('unauthorized'))
    expect(sessionCookieOf(res)).toBeUndefined()
    const enable = await t.request(HOST, `/api/v1/users/${user.id}/status`, {
      method: 'PUT',
      token: TEST_OPERATOR_TOKEN,
      body: JSON.stringify({ status: 'active' }),
    })
    expect(enable.status).toBe(200)
    expect((await login(user.email, user.password)).status).toBe(200)
  })
})

describe('cross-site requests with the cookie', () => {
  let cookie: string
  beforeAll(async () => {
    cookie = await loginCookie(t, HOST, await newUser())
  })

  it.each([
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin of a look-alike host', { origin: 'http://toba.localhost.evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    [
      'Sec-Fetch-Site cross-site even with a matching Origin',
      { 'sec-fetch-site': 'cross-site', origin: `http://${HOST}` },
    ],
    ['neither Origin nor Sec-Fetch-Site', {}],
    ['a malformed Origin', { origin: 'null' }],
    ['Origin of the same host on another port', { origin: `http://${HOST}:3900` }],
    [
      'Sec-Fetch-Site: same-origin with a foreign Origin',
      { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
    ],
    ['Sec-Fetch-Site: none with a foreign Origin', { 'sec-fetch-site': 'none', origin: 'https://evil.example' }],
  ])('refuses a write with %s (403), storing nothing', async (_name, headers) => {
    const db = await tenantDbOf(t, SLUG)
    const count = async () =>
      Number((await db.$client.execute('SELECT COUNT(*) AS n FROM announcements_items')).rows[0]?.n)
    const before = await count()
    await expectProblem(await postAnnouncement(cookie, headers), 403, problemType('forbidden'))
    expect(await count()).toBe(before)
  })

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['Origin of the same host', { origin: `http://${HOST}` }],
  ])('accepts a write with %s', async (_name, headers) => {
    const res = await postAnnouncement(cookie, headers)
    expect(res.status, await res.clone().text()).toBe(201)
  })

  it('accepts an Origin with the port the Host header names', async () => {
    const res = await t.request(`${HOST}:3000`, '/api/v1/announcements', {
      method: 'POST',
      headers: { cookie, origin: `http://${HOST}:3000` },
      body: JSON.stringify({ title: { id: 'Dari sesi' }, body: { id: 'Isi' }, category: 'general' }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
  })

  it('lets cross-site reads through (GET is safe) and does not apply to bearer tokens', async () => {
    expect(await whoAmI(cookie)).not.toBeNull()
    const res = await t.request(HOST, '/api/v1/announcements', {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ title: { id: 'Dari token' }, body: { id: 'Isi' }, category: 'general' }),
    })
    expect(res.status).toBe(201)
  })
})

describe('one-time links', () => {
  const setPassword = (token: string, password: string) =>
    t.request(HOST, '/api/v1/auth/password', { method: 'POST', body: JSON.stringify({ token, password }) })

  async function invite() {
    const email = `undangan-${++counter}@toba.example`
    const res = await t.request(HOST, '/api/v1/users/invitations', {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
      body: JSON.stringify({ email, name: 'Pegawai Baru', grants: [{ role: 'editor', dimension: 'governance' }] }),
    })
    expect(res.status).toBe(201)
    const json = (await res.json()) as { user: { id: string; hasPassword: boolean }; invitationUrl: string }
    expect(json.user.hasPassword).toBe(false)
    expect(json.invitationUrl.startsWith(`http://${HOST}/`)).toBe(true)
    return { email, userId: json.user.id, token: linkTokenOf(json.invitationUrl) }
  }

  it('invitation: no login before the password is chosen; after it, login works', async () => {
    const invited = await invite()
    expect((await login(invited.email, PASSWORD)).status).toBe(401)
    const res = await setPassword(invited.token, PASSWORD)
    expect(res.status, await res.clone().text()).toBe(204)
    const cookie = await loginCookie(t, HOST, { email: invited.email, password: PASSWORD })
    expect(await whoAmI(cookie)).toMatchObject({
      kind: 'user',
      id: invited.userId,
      grants: [{ role: 'editor', dimension: 'governance' }],
    })
  })

  it('a link works once: the second use is a 404 and does not change the password', async () => {
    const invited = await invite()
    expect((await setPassword(invited.token, PASSWORD)).status).toBe(204)
    await expectProblem(await setPassword(invited.token, 'kata-sandi-lain-456'), 404, problemType('notFound'))
    expect((await login(invited.email, PASSWORD)).status).toBe(200)
    expect((await login(invited.email, 'kata-sandi-lain-456')).status).toBe(401)
  })

  it('refuses an unknown link and a too-short password', async () => {
    await expectProblem(await setPassword('x'.repeat(43), PASSWORD), 404, problemType('notFound'))
    const invited = await invite()
    await expectProblem(await setPassword(invited.token, 'pendek'), 422, problemType('validation'))
    // The refused attempt did not use the link up.
    expect((await setPassword(invited.token, PASSWORD)).status).toBe(204)
  })

  it('password reset: the link sets a new password and ends the sessions of the old one', async () => {
    const user = await newUser()
    const oldCookie = await loginCookie(t, HOST, user)
    const issued = await t.request(HOST, `/api/v1/users/${user.id}/password-reset`, {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
    })
    expect(issued.status).toBe(201)
    const token = linkTokenOf(((await issued.json()) as { resetUrl: string }).resetUrl)
    // Issuing the link alone changes nothing.
    expect(await whoAmI(oldCookie)).toMatchObject({ id: user.id })
    const newPassword = 'sandi-baru-yang-kuat-789'
    expect((await setPassword(token, newPassword)).status).toBe(204)
    expect(await whoAmI(oldCookie)).toBeNull()
    expect((await login(user.email, user.password)).status).toBe(401)
    const cookie = await loginCookie(t, HOST, { email: user.email, password: newPassword })
    expect(await whoAmI(cookie)).toMatchObject({ id: user.id })
    await expectProblem(await setPassword(token, 'lagi-lagi-sandi-000'), 404)
  })

  it('no reset link for a disabled account', async () => {
    const user = await newUser()
    const db = await tenantDbOf(t, SLUG)
    await db.$client.execute({ sql: "UPDATE identity_users SET status = 'disabled' WHERE id = ?", args: [user.id] })
    const res = await t.request(HOST, `/api/v1/users/${user.id}/password-reset`, {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
    })
    await expectProblem(res, 404)
  })
})
