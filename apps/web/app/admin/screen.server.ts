import type { AdminEntityRef, AdminScreen, WebLoadContext } from '@cerdas/core/web'
import { findConsoleEntity } from '@cerdas/platform'
import { can, entityFor, requireAction, verificationOf } from './entity.server'
import { type Console, type Flash, readForm, redirectWithFlash, requireConsole, takeFlash } from './guard.server'
import { holdsForSomeTeam } from './team-permission.server'

/** The screen's entity: opened by whoever may view it, or by whoever holds the screen's permission for some team. */
function screenEntity(console: Console, ref: AdminEntityRef) {
  if (!ref.permission) return entityFor(console, ref)
  const ce = findConsoleEntity(console.definitions, console.ctx.tenant, ref.module, ref.entity)
  if (!ce) throw new Response('Not found', { status: 404 })
  if (!holdsForSomeTeam(console, ref.permission))
    throw new Response('forbidden', { status: 403, statusText: 'Forbidden' })
  return ce
}

/**
 * The console's services for a module's own screen (`admin.routes` of a module), with the same
 * checks as the generic screens. The server puts this in every page's load context.
 */
export function openAdminScreen(web: WebLoadContext, request: Request, ref: AdminEntityRef): AdminScreen {
  const console = requireConsole(web, request)
  const ce = screenEntity(console, ref)
  return {
    ctx: console.ctx,
    locale: console.locale,
    entity: ce.entity,
    path: ce.path,
    can: (action) => can(console, ce, action),
    require: (action) => requireAction(console, ce, action),
    verification: (record) => verificationOf(ce, record, console),
    readForm: (req) => readForm(console, req),
    // The key is the screen's own message: only that screen reads the notice back.
    redirectWithNotice: (to, key) => redirectWithFlash(to, { key } as Flash, console),
    takeNotice: (req) => {
      const { flash, headers } = takeFlash(req, console)
      return { key: flash?.key ?? null, headers }
    },
  }
}
