import { DIMENSION_IDS, DIMENSIONS, type DimensionId, type RoleId, type TenantContext } from '@cerdas/core'
import { pickText } from '@cerdas/core/web'
import { grantOrigins, listUsers } from '@cerdas/identity'
import { TEAM_GRANT_SOURCE } from '../src/team-grants'
import { type TeamMember, teamMember } from '../src/team-member'
import { termHolds, todayOf } from '../src/today'

/** One role of an account in one column (a dimension, or every dimension), with where it comes from. */
export interface RoleCell {
  role: RoleId
  /** Set by an admin on the users screen. */
  byHand: boolean
  /** Given by a current membership of this dimension's team (as lead or member). */
  team: 'lead' | 'member' | null
}

export interface AccountRow {
  id: string
  name: string
  email: string
  disabled: boolean
  /** Roles unlimited by dimension. */
  everywhere: RoleCell[]
  byDimension: Record<DimensionId, RoleCell[]>
}

/**
 * Every account of the tenant with its roles, unlimited and per dimension, each marked by where it
 * comes from: set by hand, or given by a current dimension team membership.
 */
export async function whoMayEdit(ctx: TenantContext): Promise<AccountRow[]> {
  const [users, origins] = [await listUsers(ctx.db), await grantOrigins(ctx.db)]
  const today = todayOf(ctx)
  const memberships: TeamMember[] = []
  let cursor: string | undefined
  do {
    const page = await teamMember.listForEditing(ctx, { limit: 100, cursor })
    memberships.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const current = memberships.filter((m) => termHolds(m, today))
  return users.map((u) => {
    const cells = (dimension: DimensionId | null): RoleCell[] => {
      const mine = origins.filter((o) => o.userId === u.id && o.dimension === dimension)
      const roles = [...new Set(mine.map((o) => o.role))]
      return roles.map((role) => {
        const member = current.find((m) => m.userId === u.id && m.dimension === dimension)
        return {
          role,
          byHand: mine.some((o) => o.role === role && o.source === ''),
          team: mine.some((o) => o.role === role && o.source === TEAM_GRANT_SOURCE)
            ? (member?.teamRole ?? 'member')
            : null,
        }
      })
    }
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      disabled: u.status === 'disabled',
      everywhere: cells(null),
      byDimension: Object.fromEntries(DIMENSION_IDS.map((d) => [d, cells(d)])) as Record<DimensionId, RoleCell[]>,
    }
  })
}

/** The dimensions as the screen's column headings, in the page's language. */
export const dimensionHeadings = (locale: 'id' | 'en') =>
  DIMENSIONS.map((d) => ({ id: d.id, title: pickText(d.title, locale) }))
