import { problem, type TenantDb } from '@cerdas/core'
import { isKnownAddress, rememberAddress } from './known-addresses'
import { verifyPassword } from './passwords'
import { createSession, DEFAULT_SESSION_POLICY, type SessionPolicy } from './sessions'
import { DEFAULT_THROTTLE, loginThrottleKeys, reserveAttempt, settleSuccess, type ThrottlePolicy } from './throttle'
import { findUser, MAX_EMAIL_LENGTH, normaliseEmail, passwordHashOf, type User } from './users'

export interface LoginOptions {
  session?: SessionPolicy
  throttle?: ThrottlePolicy
}

/**
 * Checks email and password and starts a new session (a fresh id: the id is
 * rotated at every login). The attempt is counted before the password is
 * checked (see throttle.ts), per account at this address, per address (when
 * known: an unknown one must not lump every client together) and per account
 * (not from an address this account logged in from recently: known-addresses.ts).
 * Wrong email and wrong password get the same answer.
 */
export async function login(
  db: TenantDb,
  input: { email: string; password: string; ip?: string | undefined; userAgent?: string | undefined },
  now: Date,
  options: LoginOptions = {},
): Promise<{ sessionId: string; expiresAt: string; user: User }> {
  const email = normaliseEmail(input.email)
  // No account has a longer email: nothing to check, nothing to count.
  if (email.length > MAX_EMAIL_LENGTH) throw problem('unauthorized', 'The email or password is not correct.')
  const policy = options.throttle ?? DEFAULT_THROTTLE
  const knownAddress = await isKnownAddress(db, email, input.ip, now, policy)
  const keys = loginThrottleKeys(email, input.ip, policy, { knownAddress })
  const reservation = await reserveAttempt(db, keys, now, policy)
  if (!reservation.allowed) {
    const wait = reservation.retryAfterSeconds
    throw problem('tooManyRequests', `Too many failed logins. Try again in ${Math.ceil(wait / 60)} minutes.`, {
      retryAfter: wait,
    })
  }
  const account = await passwordHashOf(db, email)
  const ok = await verifyPassword(account?.hash ?? null, input.password)
  if (!account || !ok) throw problem('unauthorized', 'The email or password is not correct.')
  await settleSuccess(db, keys)
  await rememberAddress(db, email, input.ip, now, policy)
  const session = await createSession(db, account.id, input, now, options.session ?? DEFAULT_SESSION_POLICY)
  const user = (await findUser(db, { id: account.id })) as User
  return { sessionId: session.id, expiresAt: session.expiresAt, user }
}
