import { describe, expect, it } from 'vitest'
import { login } from '../src/login'
import { inviteUser, peekLink, requestPasswordReset } from '../src/one-time-links'
import { changePassword } from '../src/password-change'
import { hashPassword } from '../src/passwords'
import { createSession, readSession } from '../src/sessions'
import { createUser, findUser } from '../src/users'
import { identityDb } from './support'

const db = await identityDb()
const start = new Date('2030-06-01T00:00:00Z')
const at = (ms: number) => new Date(start.getTime() + ms)
const TEMPORARY = 'sandi-sementara-demo'
const temporaryHash = await hashPassword(TEMPORARY)
let n = 0

const demoAdmin = () =>
  createUser(
    db,
    {
      email: `demo-${++n}@toba.localhost`,
      name: 'Admin demo',
      grants: [{ role: 'admin', dimension: null }],
      passwordHash: temporaryHash,
      mustChangePassword: true,
    },
    start,
  )

describe('a temporary password', () => {
  it('is marked on the account; other accounts are not', async () => {
    expect((await demoAdmin()).mustChangePassword).toBe(true)
    const { user } = await inviteUser(
      db,
      { email: `orang-${++n}@toba.localhost`, name: 'Orang', grants: [] },
      't',
      start,
    )
    expect(user.mustChangePassword).toBe(false)
  })

  it('still logs in, and the mark stays until a new password is set', async () => {
    const user = await demoAdmin()
    const session = await login(db, { email: user.email, password: TEMPORARY, ip: '192.0.2.1' }, start)
    expect(session.user.mustChangePassword).toBe(true)
    expect((await readSession(db, session.sessionId, at(1000)))?.user.mustChangePassword).toBe(true)
  })

  it('is replaced with the current one as proof: the mark, every session and every link end', async () => {
    const user = await demoAdmin()
    const session = await createSession(db, user.id, {}, start)
    const reset = await requestPasswordReset(db, user.email, 'test', start)
    const changed = await changePassword(
      db,
      user.id,
      { currentPassword: TEMPORARY, newPassword: 'kata-sandi-pilihan-sendiri' },
      at(1000),
    )
    expect(changed.mustChangePassword).toBe(false)
    expect((await findUser(db, { id: user.id }))?.mustChangePassword).toBe(false)
    expect(await readSession(db, session.id, at(2000))).toBeUndefined()
    expect(await peekLink(db, reset?.token as string, at(2000))).toBeUndefined()
    await expect(
      login(db, { email: user.email, password: TEMPORARY, ip: '192.0.2.2' }, at(3000)),
    ).rejects.toMatchObject({ problem: { status: 401 } })
    expect(
      (await login(db, { email: user.email, password: 'kata-sandi-pilihan-sendiri', ip: '192.0.2.2' }, at(3000))).user
        .mustChangePassword,
    ).toBe(false)
  })

  it('refuses a wrong current password, the same password again, and a short one, changing nothing', async () => {
    const user = await demoAdmin()
    const change = (currentPassword: string, newPassword: string) =>
      changePassword(db, user.id, { currentPassword, newPassword, ip: '192.0.2.3' }, start)
    await expect(change('bukan-sandinya', 'kata-sandi-pilihan-sendiri')).rejects.toMatchObject({
      problem: { status: 422, errors: [{ pointer: '/currentPassword' }] },
    })
    await expect(change(TEMPORARY, TEMPORARY)).rejects.toMatchObject({
      problem: { status: 422, errors: [{ pointer: '/newPassword' }] },
    })
    await expect(change(TEMPORARY, 'pendek')).rejects.toMatchObject({
      problem: { status: 422, errors: [{ pointer: '/newPassword' }] },
    })
    expect((await findUser(db, { id: user.id }))?.mustChangePassword).toBe(true)
  })

  it('guessing the current password through a session is throttled like a login', async () => {
    const user = await demoAdmin()
    const guess = () =>
      changePassword(
        db,
        user.id,
        { currentPassword: 'tebakan', newPassword: 'kata-sandi-baru-1', ip: '192.0.2.4' },
        start,
      )
    const answers = await Promise.allSettled(Array.from({ length: 8 }, guess))
    const statuses = answers.map((a) => (a.status === 'rejected' ? a.reason.problem.status : 200))
    expect(statuses.filter((s) => s === 422).length).toBe(5)
    expect(statuses.filter((s) => s === 429).length).toBe(3)
  })
})
