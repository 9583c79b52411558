import { problem, type TenantContext } from '@cerdas/core'
import { changePassword, createSession, type User } from '@cerdas/identity'

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
  const user = await changePassword(ctx.db, ctx.actor.id, input, ctx.now())
  await ctx.audit({ action: 'password-changed', entity: 'cerdas.user', entityId: user.id })
  const session = await createSession(ctx.db, user.id, input, ctx.now())
  return { sessionId: session.id, expiresAt: session.expiresAt, user }
}
