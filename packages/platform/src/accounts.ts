import { type Actor, type Grant, problem, type TenantContext } from '@cerdas/core'
import {
  type ApiToken,
  createApiToken,
  endSession,
  findUser,
  INVITATION_TTL_MS,
  inviteUser,
  login,
  RESET_TTL_MS,
  redeemLink,
  requestPasswordReset,
  revokeApiToken,
  setUserGrants,
  setUserStatus,
  type User,
} from '@cerdas/identity'
import {
  linkMessage,
  type MailLog,
  type MailResult,
  mailNotSent,
  sendMail,
  stderrMailLog,
  tenantMailSettings,
} from './mail'
import type { Platform } from './platform'

/**
 * Account operations as the API, the admin console and the CLI perform them:
 * each one that changes something is audited, with who did it. Secrets
 * (passwords, tokens, link tokens) never enter the audit log.
 */
const who = (ctx: TenantContext) => ctx.actor?.id ?? 'system'

/** The person as the actor of entries written before the request knows them (login, link). */
const asActor = (user: User): Actor => ({ kind: 'user', id: user.id, name: user.name, grants: user.grants })

/**
 * The optional mail step of an invitation or a password reset: when the
 * tenant has email (SMTP) configured, the link is also sent to the person.
 * The link is returned either way; a failed send is logged and reported in
 * `mail`, never thrown.
 */
export interface AccountMail {
  /** The platform whose control plane holds the tenant's mail settings. */
  platform: Pick<Platform, 'controlPlane'>
  /** Absolute address of the link page for a one-time token. */
  linkUrl: (token: string) => string
  /** Where the SMTP password variable is looked up; `process.env` by default. */
  env?: Record<string, string | undefined>
  /** Where a failed send is logged; a JSON line on stderr by default. */
  log?: MailLog
}

/** `mail` of an account operation called without the mail step. */
const NOT_ASKED = (to: string): MailResult => mailNotSent(to, 'notRequested')

async function mailLink(
  ctx: TenantContext,
  mail: AccountMail,
  kind: 'invitation' | 'reset',
  user: User,
  token: string,
): Promise<MailResult> {
  const log = mail.log ?? stderrMailLog
  let result: MailResult
  let internal: string | undefined
  try {
    const settings = await tenantMailSettings(mail.platform, ctx.tenant.id)
    if (!settings.enabled) return mailNotSent(user.email, 'off')
    const ttl = kind === 'invitation' ? INVITATION_TTL_MS : RESET_TTL_MS
    const message = linkMessage({
      kind,
      to: user.email,
      recipientName: user.name,
      tenantName: ctx.tenant.name,
      issuedBy: ctx.actor?.name ?? undefined,
      link: mail.linkUrl(token),
      expiresAt: new Date(ctx.now().getTime() + ttl),
      timeZone: ctx.tenant.timezone,
    })
    result = await sendMail(ctx.tenant.slug, settings, message, mail.env ? { env: mail.env } : {})
  } catch (error) {
    // The operator's log gets the error; the caller (and the admin) only the category.
    internal = String((error as Error)?.message ?? error)
    result = mailNotSent(user.email, 'error')
  }
  if (!result.emailed) {
    log('mail not sent', {
      tenant: ctx.tenant.slug,
      kind,
      userId: user.id,
      failure: result.failure,
      reason: result.reason,
      ...(internal ? { error: internal } : {}),
    })
  }
  return result
}

export async function inviteAccount(
  ctx: TenantContext,
  input: { email: string; name: string; grants: Grant[] },
  options: { mail?: AccountMail | undefined } = {},
): Promise<{ user: User; token: string; mail: MailResult }> {
  const result = await ctx.transaction(async (ctx) => {
    const result = await inviteUser(ctx.db, input, who(ctx), ctx.now())
    await ctx.audit({ action: 'invite', entity: 'cerdas.user', entityId: result.user.id, after: result.user })
    return result
  })
  // Mail goes out after the commit: a slow SMTP server must not hold the write lock.
  const mail = options.mail
    ? await mailLink(ctx, options.mail, 'invitation', result.user, result.token)
    : NOT_ASKED(result.user.email)
  return { ...result, mail }
}

export async function setAccountGrants(ctx: TenantContext, userId: string, grants: Grant[]): Promise<User> {
  return ctx.transaction(async (ctx) => {
    const before = await findUser(ctx.db, { id: userId })
    if (!before) throw problem('notFound', `No user ${userId}`)
    const after = await setUserGrants(ctx.db, userId, grants, ctx.now())
    await ctx.audit({ action: 'set-roles', entity: 'cerdas.user', entityId: userId, before, after })
    return after
  })
}

export async function setAccountStatus(ctx: TenantContext, userId: string, status: User['status']): Promise<User> {
  return ctx.transaction(async (ctx) => {
    const before = await findUser(ctx.db, { id: userId })
    if (!before) throw problem('notFound', `No user ${userId}`)
    if (status === 'disabled' && ctx.actor?.id === userId)
      throw problem('conflict', 'You cannot disable your own account.')
    const after = await setUserStatus(ctx.db, userId, status, ctx.now())
    await ctx.audit({
      action: status === 'disabled' ? 'disable' : 'enable',
      entity: 'cerdas.user',
      entityId: userId,
      before,
      after,
    })
    return after
  })
}

export async function issuePasswordReset(
  ctx: TenantContext,
  email: string,
  options: { mail?: AccountMail | undefined } = {},
): Promise<{ user: User; token: string; mail: MailResult } | undefined> {
  const result = await ctx.transaction(async (ctx) => {
    const result = await requestPasswordReset(ctx.db, email, who(ctx), ctx.now())
    if (result) await ctx.audit({ action: 'password-reset-issued', entity: 'cerdas.user', entityId: result.user.id })
    return result
  })
  if (!result) return undefined
  const mail = options.mail
    ? await mailLink(ctx, options.mail, 'reset', result.user, result.token)
    : NOT_ASKED(result.user.email)
  return { ...result, mail }
}

/** Sets a password from a one-time link; the person becomes the actor of the audit entry. */
export async function setPasswordFromLink(ctx: TenantContext, token: string, password: string): Promise<User> {
  return ctx.transaction(async (ctx) => {
    const user = await redeemLink(ctx.db, token, password, ctx.now())
    await ctx.audit({ action: 'password-set', entity: 'cerdas.user', entityId: user.id, actor: asActor(user) })
    return user
  })
}

export async function createAccountToken(
  ctx: TenantContext,
  input: { name: string; grants: Grant[]; expiresAt?: string | null },
): Promise<{ token: ApiToken; secret: string }> {
  return ctx.transaction(async (ctx) => {
    const result = await createApiToken(ctx.db, input, who(ctx), ctx.now())
    await ctx.audit({ action: 'create', entity: 'cerdas.api_token', entityId: result.token.id, after: result.token })
    return result
  })
}

export async function revokeAccountToken(ctx: TenantContext, id: string): Promise<ApiToken> {
  return ctx.transaction(async (ctx) => {
    const after = await revokeApiToken(ctx.db, id, ctx.now())
    await ctx.audit({ action: 'revoke', entity: 'cerdas.api_token', entityId: id, after })
    return after
  })
}

/** Logs in and records the new session in the audit log (the session id itself is not recorded). */
export async function loginAccount(
  ctx: TenantContext,
  input: { email: string; password: string; ip?: string | undefined; userAgent?: string | undefined },
) {
  // Outside the transaction: a failed attempt must stay counted when login throws.
  const result = await login(ctx.db, input, ctx.now())
  await ctx.transaction((tx) =>
    tx.audit({ action: 'login', entity: 'cerdas.session', entityId: result.user.id, actor: asActor(result.user) }),
  )
  return result
}

export async function logoutAccount(ctx: TenantContext, sessionId: string, userId: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    await endSession(ctx.db, sessionId)
    await ctx.audit({ action: 'logout', entity: 'cerdas.session', entityId: userId })
  })
}
