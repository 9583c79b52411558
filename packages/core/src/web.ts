/**
 * What web pages need from the core, without the server-only parts (zod,
 * drizzle): safe to import from route modules.
 */
import type { AnyModule } from './define-module'
import type { Locale, LocalizedText } from './localized-text'
import type { Grant } from './permissions'
import type { TenantContext, TenantInfo } from './tenant'

export type { Locale, LocalizedText } from './localized-text'
export { pickText } from './localized-text'

/** A message catalogue: Indonesian first, English second. */
export type Messages<K extends string = string> = { id: Record<K, string>; en: Record<K, string> }

/**
 * A translator over a catalogue; `{name}` placeholders are filled from vars.
 * @example const t = translator(messages, 'en'); t('verifiedOn', { date: '1 Dec 2026' })
 */
export function translator<K extends string>(messages: Messages<K>, locale: Locale) {
  const table = messages[locale] ?? messages.id
  return (key: K, vars: Record<string, string | number> = {}): string =>
    (table[key] ?? messages.id[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) =>
      String(vars[name] ?? `{${name}}`),
    )
}

export interface NavItem {
  path: string
  title: LocalizedText
  moduleId: string
}

export interface TenantSite {
  kind: 'tenant'
  ctx: TenantContext
  nav: NavItem[]
  /** Module ids grouped by dimension, for the home page. */
  modules: {
    id: string
    dimension: string
    title: LocalizedText
    description?: LocalizedText | undefined
    path?: string
  }[]
  reference: Record<string, unknown>
  /**
   * Every registered module definition (enabled for this tenant or not), as the server was
   * started with: pages read permissions and admin entities from here at run time instead of
   * bundling a module list into the web build.
   */
  definitions: readonly AnyModule[]
}

export interface PlatformSite {
  kind: 'platform'
  tenants: { slug: string; name: string; province: string; url: string }[]
}

/** The signed-in person of a page request, if any. */
export interface PageSession {
  userId: string
  name: string
  email: string
  grants: Grant[]
  /** Token every admin form carries back (CSRF). */
  csrfToken: string
}

/** The load context the server gives every Remix loader and action. */
export interface WebLoadContext {
  site: TenantSite | PlatformSite
  locale: Locale
  requestId: string
  /** Path + query of the current page, for the language switch's way back. */
  currentPath: string
  session: PageSession | null
  /** Whether cookies must be Secure (the request came over HTTPS). */
  secureCookies: boolean
  /** The client's address (from X-Forwarded-For only behind a trusted proxy), for login throttling. */
  clientIp: string | undefined
}

/**
 * The tenant context of a page, or a 404 on the platform host.
 * @example const ctx = tenantContext(context); const page = await listAnnouncements(ctx, query)
 */
export function tenantContext(context: unknown): TenantContext {
  const site = (context as WebLoadContext).site
  if (site?.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  return site.ctx
}

/** Formats an instant as a date (and time) in the tenant's zone. */
export function formatInstant(
  instant: string | Date,
  tenant: Pick<TenantInfo, 'timezone'>,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { timeZone: tenant.timezone, ...options }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  )
}
