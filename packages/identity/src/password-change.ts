import { problem, type TenantDb } from '@cerdas/core'
import { hashPassword, passwordSchema, verifyPassword } from './passwords'
import { DEFAULT_THROTTLE, loginThrottleKeys, reserveAttempt, settleSuccess, type ThrottlePolicy } from './throttle'
import { findUser, passwordHashOf, setPasswordHash, type User } from './users'

/**
 * A signed-in person replaces their password, proving the current one. The
 * current password is throttled like a login (a stolen session must not be a
 * way to guess it). Like any new password, it ends every session and unused
 * link of the account and clears "must change password".
 */
export async function changePassword(
  db: TenantDb,
  userId: string,
  input: { currentPassword: string; newPassword: string; ip?: string | undefined },
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<User> {
  const hash = await checkPasswordChange(db, userId, input, now, policy)
  await setPasswordHash(db, userId, hash, now)
  return (await findUser(db, { id: userId })) as User
}

/**
 * The checks of {@link changePassword}, counted by the throttle (its counts
 * stay when a check fails), answering the new password's hash for the caller
 * to store in its own transaction.
 */
export async function checkPasswordChange(
  db: TenantDb,
  userId: string,
  input: { currentPassword: string; newPassword: string; ip?: string | undefined },
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<string> {
  const user = await findUser(db, { id: userId })
  if (user?.status !== 'active') throw problem('notFound', 'No such active account.')
  const next = passwordSchema.safeParse(input.newPassword)
  if (!next.success) {
    throw problem('validation', 'The new password is not acceptable.', {
      errors: [{ pointer: '/newPassword', message: next.error.issues[0]?.message ?? 'invalid' }],
    })
  }
  if (input.newPassword === input.currentPassword) {
    throw problem('validation', 'The new password must differ from the current one.', {
      errors: [{ pointer: '/newPassword', message: 'same as the current password' }],
    })
  }
  const keys = loginThrottleKeys(user.email, input.ip, policy)
  const reservation = await reserveAttempt(db, keys, now, policy)
  if (!reservation.allowed) {
    const wait = reservation.retryAfterSeconds
    throw problem('tooManyRequests', `Too many wrong passwords. Try again in ${Math.ceil(wait / 60)} minutes.`, {
      retryAfter: wait,
    })
  }
  const account = await passwordHashOf(db, user.email)
  if (!account || !(await verifyPassword(account.hash, input.currentPassword))) {
    throw problem('validation', 'The current password is not correct.', {
      errors: [{ pointer: '/currentPassword', message: 'not correct' }],
    })
  }
  await settleSuccess(db, keys)
  return hashPassword(input.newPassword)
}
