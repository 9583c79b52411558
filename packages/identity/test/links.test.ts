import { describe, expect, it } from 'vitest'
import { login } from '../src/login'
import {
  INVITATION_TTL_MS,
  inviteUser,
  peekLink,
  RESET_TTL_MS,
  redeemLink,
  requestPasswordReset,
} from '../src/one-time-links'
import { createSession, readSession } from '../src/sessions'
import { setUserStatus } from '../src/users'
import { identityDb } from './support'

const db = await identityDb()
const start = new Date('2030-04-01T00:00:00Z')
const at = (ms: number) => new Date(start.getTime() + ms)
let n = 0
const invite = () => inviteUser(db, { email: `orang-${++n}@toba.example`, name: 'Orang', grants: [] }, 'test', start)

describe('one-time links', () => {
  it('an invitation lasts 7 days: usable just before, not at the expiry', async () => {
    expect(INVITATION_TTL_MS).toBe(7 * 24 * 3_600_000)
    const late = await invite()
    expect(await peekLink(db, late.token, at(INVITATION_TTL_MS - 1000))).toMatchObject({ kind: 'invitation' })
    expect(await peekLink(db, late.token, at(INVITATION_TTL_MS))).toBeUndefined()
    await expect(redeemLink(db, late.token, 'kata-sandi-baru-1', at(INVITATION_TTL_MS))).rejects.toMatchObject({
      problem: { status: 404 },
    })
    const inTime = await invite()
    expect((await redeemLink(db, inTime.token, 'kata-sandi-baru-1', at(INVITATION_TTL_MS - 1000))).id).toBe(
      inTime.user.id,
    )
  })

  it('a reset link lasts 2 hours', async () => {
    expect(RESET_TTL_MS).toBe(2 * 3_600_000)
    const { user } = await invite()
    const reset = await requestPasswordReset(db, user.email, 'test', start)
    expect(reset).toBeDefined()
    expect(await peekLink(db, reset?.token as string, at(RESET_TTL_MS - 1000))).toMatchObject({ kind: 'reset' })
    expect(await peekLink(db, reset?.token as string, at(RESET_TTL_MS))).toBeUndefined()
  })

  it('is used once, even by two tabs at the same moment', async () => {
    const { user, token } = await invite()
    const results = await Promise.allSettled([
      redeemLink(db, token, 'kata-sandi-satu-1', start),
      redeemLink(db, token, 'kata-sandi-dua-22', start),
    ])
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1)
    expect(await peekLink(db, token, start)).toBeUndefined()
    const winner = results[0]?.status === 'fulfilled' ? 'kata-sandi-satu-1' : 'kata-sandi-dua-22'
    expect((await login(db, { email: user.email, password: winner, ip: '192.0.2.9' }, start)).user.id).toBe(user.id)
  })

  it('redeeming ends the sessions of the account', async () => {
    const { user, token } = await invite()
    await redeemLink(db, token, 'kata-sandi-pertama-1', start)
    const session = await createSession(db, user.id, {}, start)
    const reset = await requestPasswordReset(db, user.email, 'test', start)
    await redeemLink(db, reset?.token as string, 'kata-sandi-kedua-22', at(1000))
    expect(await readSession(db, session.id, at(2000))).toBeUndefined()
  })

  it('setting a password ends every other unused link of the account', async () => {
    const { user, token: invitation } = await invite()
    const older = await requestPasswordReset(db, user.email, 'test', start)
    const newer = await requestPasswordReset(db, user.email, 'test', at(1000))
    await redeemLink(db, newer?.token as string, 'kata-sandi-terbaru-1', at(2000))
    for (const token of [invitation, older?.token as string]) {
      expect(await peekLink(db, token, at(3000))).toBeUndefined()
      await expect(redeemLink(db, token, 'kata-sandi-penyerang', at(3000))).rejects.toMatchObject({
        problem: { status: 404 },
      })
    }
    expect((await login(db, { email: user.email, password: 'kata-sandi-terbaru-1' }, at(4000))).user.id).toBe(user.id)
  })

  it('disabling an account ends its unused links, also after it is enabled again', async () => {
    const { user, token: invitation } = await invite()
    const reset = await requestPasswordReset(db, user.email, 'test', start)
    await setUserStatus(db, user.id, 'disabled', at(1000))
    await setUserStatus(db, user.id, 'active', at(2000))
    for (const token of [invitation, reset?.token as string]) {
      expect(await peekLink(db, token, at(3000))).toBeUndefined()
      await expect(redeemLink(db, token, 'kata-sandi-penyerang', at(3000))).rejects.toMatchObject({
        problem: { status: 404 },
      })
    }
  })

  it('no reset link for unknown or disabled accounts', async () => {
    expect(await requestPasswordReset(db, 'tidak-ada@toba.example', 'test', start)).toBeUndefined()
    const { user } = await invite()
    await setUserStatus(db, user.id, 'disabled', start)
    expect(await requestPasswordReset(db, user.email, 'test', start)).toBeUndefined()
  })
})
