import { problem, type TenantDb } from '@cerdas/core'
import { verifyPassword } from './passwords'
import { createSession, DEFAULT_SESSION_POLICY, type SessionPolicy } from './sessions'
import { clearFailures, DEFAULT_THROTTLE, recordFailure, type ThrottlePolicy, throttledFor } from './throttle'
import { findUser, passwordHashOf, type User } from './users'

export interface LoginOptions {
  session?: SessionPolicy
  throttle?: ThrottlePolicy
}

/**
 * Checks email and password, throttled per account and per IP (when the
 * address is known: an unknown one must not lump every client together), and
 * starts a new session (a fresh id: the id is rotated at every login). Wrong
 * email and wrong password get the same answer.
 */
export async function login(
  db: TenantDb,
  input: { email: string; password: string; ip?: string | undefined; userAgent?: string | undefined },
  now: Date,
  options: LoginOptions = {},
): Promise<{ sessionId: string; expiresAt: string; user: User }> {
  const email = input.email.trim().toLowerCase()
  const keys = [`account:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])]
  const wait = await throttledFor(db, keys, now)
  if (wait > 0)
    throw problem('tooManyRequests', `Too many failed logins. Try again in ${Math.ceil(wait / 60)} minutes.`, {
      retryAfter: wait,
    })
  const account = await passwordHashOf(db, email)
  const ok = await verifyPassword(account?.hash ?? null, input.password)
  if (!account || !ok) {
    await recordFailure(db, keys, now, options.throttle ?? DEFAULT_THROTTLE)
    throw problem('unauthorized', 'The email or password is not correct.')
  }
  await clearFailures(db, [`account:${email}`])
  const session = await createSession(db, account.id, input, now, options.session ?? DEFAULT_SESSION_POLICY)
  const user = (await findUser(db, { id: account.id })) as User
  return { sessionId: session.id, expiresAt: session.expiresAt, user }
}
