import { createHmac } from 'node:crypto'
import { SESSION_COOKIE } from '@cerdas/api'
import {
  type AnyModule,
  DIMENSIONS,
  type Grant,
  hasPermission,
  type Locale,
  type PermissionEntry,
  permissionCatalog,
  pickText,
  ROLES,
  type TenantContext,
} from '@cerdas/core'
import type { PageSession, WebLoadContext } from '@cerdas/core/web'
import { safeEqual } from '@cerdas/identity'
import { redirect } from '@remix-run/node'
import type { Flash } from './types'

export type { Flash }

export type PermissionCatalog = ReadonlyMap<string, PermissionEntry>

const catalogs = new WeakMap<readonly AnyModule[], PermissionCatalog>()

/**
 * Every permission of the platform and of the given module definitions, by key. The server
 * passes the modules it runs with (`site.definitions`); one catalogue per definitions array.
 */
export function catalogFor(definitions: readonly AnyModule[]): PermissionCatalog {
  let catalog = catalogs.get(definitions)
  if (!catalog) {
    catalog = new Map(permissionCatalog(definitions).map((entry) => [entry.key, entry]))
    catalogs.set(definitions, catalog)
  }
  return catalog
}

/** What every console loader and action works with once the person is known. */
export interface Console {
  ctx: TenantContext
  session: PageSession
  web: WebLoadContext
  locale: Locale
  /** The module definitions the server runs with (enabled for this tenant or not). */
  definitions: readonly AnyModule[]
  /** Their permissions with the platform's, by key. */
  catalog: PermissionCatalog
}

/** Where a signed-in person changes their password (and must, with a temporary one). */
export const CHANGE_PASSWORD_PATH = '/admin/sandi'

/**
 * The console context of a request: a tenant, a session (else a redirect to
 * the login page that comes back here) and the console permission (else 403).
 */
export function requireConsole(web: WebLoadContext, request: Request): Console {
  if (web.site?.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  if (!web.session) {
    const url = new URL(request.url)
    const back = request.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname
    throw redirect(`/admin/masuk?kembali=${encodeURIComponent(back)}`)
  }
  // A temporary password (the demo admin's) is replaced before anything else in the console.
  if (web.session.mustChangePassword) {
    const url = new URL(request.url)
    const back = request.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname
    throw redirect(`${CHANGE_PASSWORD_PATH}?kembali=${encodeURIComponent(back)}`)
  }
  const definitions = web.site.definitions
  const console: Console = {
    ctx: web.site.ctx,
    session: web.session,
    web,
    locale: web.locale,
    definitions,
    catalog: catalogFor(definitions),
  }
  requirePermission(console, 'cerdas.console:read')
  return console
}

const NO_MODULES: readonly AnyModule[] = []

/**
 * Whether grants hold a permission. Module permissions need the definitions they come from
 * (`console.definitions`); the platform's own (`cerdas.*`) are known without.
 */
export function may(grants: readonly Grant[], key: string, definitions: readonly AnyModule[] = NO_MODULES): boolean {
  return hasPermission(grants, catalogFor(definitions).get(key))
}

/** Refuses with 403 unless the session's grants hold the permission. */
export function requirePermission(console: Console, key: string): void {
  if (!hasPermission(console.session.grants, console.catalog.get(key))) {
    throw new Response('forbidden', { status: 403, statusText: 'Forbidden' })
  }
}

/** Whether a submitted form token is the session's (constant-time comparison). */
export function csrfMatches(session: PageSession, submitted: unknown): boolean {
  return typeof submitted === 'string' && safeEqual(submitted, session.csrfToken)
}

/** Reads a console form and refuses it (403) unless it carries the session's form token. */
export async function readForm(console: Console, request: Request): Promise<FormData> {
  const form = await request.formData()
  if (!csrfMatches(console.session, form.get('_csrf'))) {
    throw new Response('csrf', { status: 403, statusText: 'Forbidden' })
  }
  return form
}

export const text = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Localized labels of grants, e.g. `Editor tim dimensi · Smart Governance`. */
export function grantLabels(grants: readonly Grant[], locale: Locale): string[] {
  return grants.map((g) => {
    const role = pickText(ROLES[g.role], locale)
    const dimension = g.dimension ? DIMENSIONS.find((d) => d.id === g.dimension) : undefined
    return dimension ? `${role} · ${pickText(dimension.title, locale)}` : role
  })
}

export function dimensionOptions(locale: Locale): { value: string; label: string }[] {
  return DIMENSIONS.map((d) => ({ value: d.id, label: pickText(d.title, locale) }))
}

export function roleLabel(role: keyof typeof ROLES, locale: Locale): string {
  return pickText(ROLES[role], locale)
}

// ---------------------------------------------------------------------------
// Cookies

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? ''
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

export function sessionIdOf(request: Request): string | undefined {
  return cookieValue(request, SESSION_COOKIE)
}

/** The session cookie: HttpOnly, SameSite=Lax, whole site, Secure over HTTPS. */
export function sessionCookie(id: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/; Max-Age=${Math.max(0, maxAgeSeconds)}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function clearSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

const FLASH_COOKIE = 'cerdas_flash'

/** Flashes are signed with the session's form token: no other page or session can plant one. */
const flashSignature = (payload: string, session: PageSession) =>
  createHmac('sha256', session.csrfToken).update(payload).digest('base64url')

export function flashCookie(flash: Flash, console: Console): string {
  const payload = Buffer.from(JSON.stringify(flash)).toString('base64url')
  const value = `${payload}.${flashSignature(payload, console.session)}`
  return `${FLASH_COOKIE}=${value}; Path=/admin; Max-Age=300; HttpOnly; SameSite=Strict${console.web.secureCookies ? '; Secure' : ''}`
}

export function redirectWithFlash(to: string, flash: Flash, console: Console): Response {
  return redirect(to, { headers: { 'Set-Cookie': flashCookie(flash, console) } })
}

/** The flash of this request, if any and signed for this session, and the header that forgets it. */
export function takeFlash(
  request: Request,
  console: Console,
): { flash: Flash | null; headers: Record<string, string> } {
  const raw = cookieValue(request, FLASH_COOKIE)
  if (!raw) return { flash: null, headers: {} }
  const secure = console.web.secureCookies ? '; Secure' : ''
  const headers = { 'Set-Cookie': `${FLASH_COOKIE}=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict${secure}` }
  const [payload = '', signature = ''] = raw.split('.')
  if (!safeEqual(signature, flashSignature(payload, console.session))) return { flash: null, headers }
  try {
    const flash = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Flash
    return { flash: typeof flash?.key === 'string' ? flash : null, headers }
  } catch {
    return { flash: null, headers }
  }
}

// ---------------------------------------------------------------------------
// Client address for login throttling.

/** No-store for every console page: nothing of it stays in caches after logout. */
export const NO_STORE = { 'Cache-Control': 'no-store' }

/** The role checkboxes and editor teams of the user and token forms. */
export function roleChoices(locale: Locale) {
  return {
    roles: (['admin', 'verifier', 'viewer'] as const).map((role) => ({ value: role, label: roleLabel(role, locale) })),
    teams: dimensionOptions(locale),
  }
}
