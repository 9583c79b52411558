import { type DimensionId, type FieldError, type Grant, isDimensionId, type TenantContext } from '@cerdas/core'
import { findUser, grantOrigins, setSourcedGrants } from '@cerdas/identity'
import { sql } from 'drizzle-orm'
import { termHolds, todayOf } from './today'

/** The source identity records for the grants a dimension team membership gives. */
export const TEAM_GRANT_SOURCE = 'governance.team'

interface TermRow {
  id: string
  dimension: string
  starts_on: string | null
  ends_on: string | null
}

/** The dimensions whose teams a user is a member of today, leaving out one membership (being deleted). */
async function teamDimensionsOf(ctx: TenantContext, userId: string, except?: string): Promise<DimensionId[]> {
  const rows = await ctx.db.all<TermRow>(
    sql`SELECT id, dimension, starts_on, ends_on FROM governance_team_members WHERE user_id = ${userId}`,
  )
  const today = todayOf(ctx)
  const held = rows.filter(
    (r) =>
      r.id !== except && termHolds({ startsOn: r.starts_on, endsOn: r.ends_on }, today) && isDimensionId(r.dimension),
  )
  return [...new Set(held.map((r) => r.dimension as DimensionId))].sort()
}

/**
 * Gives a user the editor role of each dimension whose team they are a member of today and takes
 * away the team roles they no longer hold; roles set by hand stay. Runs inside the membership's
 * write, so the grants, their audit entry and the membership commit together.
 */
export async function syncTeamGrants(ctx: TenantContext, userId: string, except?: string): Promise<boolean> {
  return ctx.transaction(async (tx) => {
    if (!(await findUser(tx.db, { id: userId }))) return false
    // Read in the write's transaction: a membership deleted meanwhile must not give its role back.
    const grants: Grant[] = (await teamDimensionsOf(tx, userId, except)).map((dimension) => ({
      role: 'editor',
      dimension,
    }))
    const { before, after, changed } = await setSourcedGrants(tx.db, userId, TEAM_GRANT_SOURCE, grants, tx.now())
    if (changed) await tx.audit({ action: 'set-team-roles', entity: 'cerdas.user', entityId: userId, before, after })
    return changed
  })
}

/** The user a membership row names. */
export async function memberUserOf(ctx: TenantContext, id: string): Promise<string | null> {
  const [row] = await ctx.db.all<{ user_id: string }>(sql`SELECT user_id FROM governance_team_members WHERE id = ${id}`)
  return row?.user_id ?? null
}

/**
 * A membership names an existing account, and keeps it: another person's membership is a new
 * record, so the history of who held which team stays readable.
 */
export async function checkTeamMember(
  ctx: TenantContext,
  values: Record<string, unknown>,
  id: string | null,
): Promise<FieldError[]> {
  const userId = String(values.userId ?? '')
  if (!(await findUser(ctx.db, { id: userId })))
    return [{ pointer: '/userId', message: `No account ${userId} in this tenant.` }]
  if (id) {
    const stored = await memberUserOf(ctx, id)
    if (stored && stored !== userId)
      return [
        {
          pointer: '/userId',
          message: 'A membership keeps its account: end it and add a membership for the other account.',
        },
      ]
  }
  return []
}

/** Every account with a membership or a team grant: what the periodic check looks at. */
async function teamUsers(ctx: TenantContext): Promise<string[]> {
  const members = await ctx.db.all<{ user_id: string }>(sql`SELECT DISTINCT user_id FROM governance_team_members`)
  const granted = (await grantOrigins(ctx.db)).filter((g) => g.source === TEAM_GRANT_SOURCE).map((g) => g.userId)
  return [...new Set([...members.map((r) => r.user_id), ...granted])]
}

/**
 * Terms start and end on dates nobody writes on: once an hour the team roles are brought in line
 * with the memberships that hold today.
 */
export async function refreshTeamGrants(ctx: TenantContext): Promise<{ changed: number }> {
  let changed = 0
  for (const userId of await teamUsers(ctx)) if (await syncTeamGrants(ctx, userId)) changed++
  return { changed }
}
