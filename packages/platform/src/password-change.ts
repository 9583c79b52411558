import { problem, type TenantContext } from '@cerdas/core'
import { checkPasswordChange, createSession, findUser, setPasswordHash, type User } from '@cerdas/identity'

/**
 * The signed-in person sets a new password, proving the current one (audited).
 * Every session of the account ends, this one too, so a fresh session is
 * returned for the browser to continue with.
 */
export async function changeAccountPassword(
  ctx: TenantContext,
  input: { currentPassword: string; newPassword: string; ip?: string | undefined; userAgent?: string | undefined },
): Promise<{ sessionId: string; expiresAt: string; user: User }> {
  if (ctx.actor?.kind !== 'user') throw problem('unauthorized', 'Log in to change your password.')
  const userId = ctx.actor.id
  // The checks count wrong guesses, so they stay outside the transaction that a failure rolls back.
  const hash = await checkPasswordChange(ctx.db, userId, input, ctx.now())
  return ctx.transaction(async (ctx) => {
    await setPasswordHash(ctx.db, userId, hash, ctx.now())
    await ctx.audit({ action: 'password-changed', entity: 'cerdas.user', entityId: userId })
    const user = (await findUser(ctx.db, { id: userId })) as User
    const session = await createSession(ctx.db, userId, input, ctx.now())
    return { sessionId: session.id, expiresAt: session.expiresAt, user }
  })
}
