import { DIMENSION_IDS, hasPermission } from '@cerdas/core'
import type { Console } from './guard.server'

/**
 * Whether the signed-in person holds a permission for at least one team. A permission that
 * follows the owner is held by each team for its own dimension's records, so any team with a
 * role that includes it is admitted; the screen then narrows what it shows to those teams.
 */
export function holdsForSomeTeam(console: Console, key: string): boolean {
  const entry = console.catalog.get(key)
  if (!entry) return false
  return DIMENSION_IDS.some((dimension) => hasPermission(console.session.grants, entry, dimension))
}
