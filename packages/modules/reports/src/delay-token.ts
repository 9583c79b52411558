import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { TenantContext } from '@cerdas/core'
import { reportsSettings } from './settings'

const MAX_AGE_MS = 24 * 60 * 60_000
/** Clocks of two processes may differ a little; a token from further ahead is forged. */
const SKEW_MS = 60_000

/** Keys already read, per database client: a key never changes once made. */
const keys = new WeakMap<object, string>()

/** The tenant's delay-token key, made on first use; it never leaves the database. */
async function secret(ctx: TenantContext): Promise<string> {
  const client = ctx.db.$client as object
  const kept = keys.get(client)
  if (kept) return kept
  const key = await readOrMake(ctx)
  keys.set(client, key)
  return key
}

async function readOrMake(ctx: TenantContext): Promise<string> {
  const read = async () =>
    (await ctx.db.$client.execute({ sql: "SELECT value FROM reports_secrets WHERE name = 'delay'", args: [] })).rows[0]
      ?.value as string | undefined
  const known = await read()
  if (known) return known
  await ctx.db.$client.execute({
    sql: "INSERT INTO reports_secrets (name, value) VALUES ('delay', ?) ON CONFLICT (name) DO NOTHING",
    args: [randomBytes(32).toString('base64url')],
  })
  return (await read()) as string
}

const sign = (key: string, issuedAt: number) =>
  createHmac('sha256', key).update(`delay:${issuedAt}`).digest('base64url')

/**
 * A token the form carries: its issue time signed with the tenant's key. A submission shows
 * the form was open at least `minFormSeconds` (a light brake on scripts, invisible to people).
 * @example const token = await issueDelayToken(ctx) // '1796000000000.Qm9…'
 */
export async function issueDelayToken(ctx: TenantContext): Promise<string> {
  const issuedAt = ctx.now().getTime()
  return `${issuedAt}.${sign(await secret(ctx), issuedAt)}`
}

export type DelayTokenCheck = 'ok' | 'missing' | 'young' | 'old' | 'forged'

/** Whether a delay token is genuine and of an acceptable age now. */
export async function checkDelayToken(ctx: TenantContext, token: string | undefined): Promise<DelayTokenCheck> {
  if (!token) return 'missing'
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!m) return 'forged'
  const issuedAt = Number(m[1])
  const expected = Buffer.from(sign(await secret(ctx), issuedAt))
  const given = Buffer.from(m[2] as string)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged'
  const age = ctx.now().getTime() - issuedAt
  if (age < -SKEW_MS) return 'forged'
  if (age < reportsSettings(ctx).minFormSeconds * 1000) return 'young'
  if (age > MAX_AGE_MS) return 'old'
  return 'ok'
}
