/**
 * What web pages need from the core, without the server-only parts (zod,
 * drizzle): safe to import from route modules.
 */
import type { AdminEntity } from './admin-entity'
import type { AnyModule, HomeSection, SectionTarget } from './define-module'
import { type Locale, type LocalizedText, pickText } from './localized-text'
import type { SendModuleMail } from './module-mail'
import type { Grant } from './permissions'
import { isProblemError } from './problem'
// Types Remix's AppLoadContext as WebLoadContext wherever route files import this entry.
import type {} from './remix-load-context'
import type { TenantContext, TenantInfo } from './tenant'

export type { Locale, LocalizedText } from './localized-text'
export type { ModuleMail, ModuleMailResult, SendModuleMail } from './module-mail'
export {
  PHOTO_CONTENT_TYPES,
  PHOTO_FORMATS,
  PHOTO_WIDTHS,
  type PhotoFormat,
  type PhotoRef,
  photoHeightAt,
  photoSrcSet,
  photoUrl,
  photoWidths,
} from './photo-ref'
export { pickText }

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
  /** The account has a temporary password: the console sends the person to choose a new one first. */
  mustChangePassword?: boolean
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
  /**
   * Stores an uploaded photo for the tenant (the console's photo inputs): checked, re-encoded and
   * audited as POST /api/v1/photos does. The web app provides it.
   */
  uploadPhoto?: (ctx: TenantContext, bytes: Uint8Array) => Promise<{ id: string; width: number; height: number }>
  /**
   * Sends a plain-text message through the tenant's own mail settings (e.g. a one-time code to a
   * resident); never throws, answers whether it left. The web app provides it.
   * @example const { sent } = (await context.sendMail?.(ctx, { to, subject, text })) ?? { sent: false }
   */
  sendMail?: SendModuleMail
  /** The console's services for modules' own admin screens (see adminScreen); the web app provides them. */
  openAdminScreen?: (web: WebLoadContext, request: Request, entity: AdminEntityRef) => AdminScreen
}

/** One admin entity of one module, e.g. `{ module: 'schedules', entity: 'schedule' }`. */
export interface AdminEntityRef {
  module: string
  entity: string
  /**
   * Admit whoever holds this permission for some team instead of whoever may open the entity's
   * console screens: a screen of records every team works (reports, by their category's dimension).
   */
  permission?: string
}

/**
 * What a module's own console screen works with once the person is known: the same checks,
 * form token and notices as the console's generic screens, without importing the web app.
 */
export interface AdminScreen {
  ctx: TenantContext
  locale: Locale
  entity: AdminEntity
  /** List path of the entity's generic console screens, e.g. `/admin/data/schedules/schedule`. */
  path: string
  /** Whether the entity offers the action and the person may take it. */
  can: (action: 'create' | 'update' | 'delete' | 'verify') => boolean
  /** Refuses with 403 unless `can(action)`. */
  require: (action: 'create' | 'update' | 'delete' | 'verify') => void
  /** A record's verification state as one sentence in the page's language, or null. */
  verification: (record: unknown) => { verified: boolean; text: string } | null
  /** The posted form, refused with 403 unless it carries the session's form token. */
  readForm: (request: Request) => Promise<FormData>
  /** A redirect whose next page shows a notice once; `key` is the screen's own message key. */
  redirectWithNotice: (to: string, key: string) => Response
  /** The notice key of this request, if any and signed for this session, and the header that forgets it. */
  takeNotice: (request: Request) => { key: string | null; headers: Record<string, string> }
}

/**
 * Opens a module's console screen for one of its entities: a login redirect without a session,
 * 404 when the module is off, 403 when the person may not open the entity.
 * @example const screen = adminScreen(context, request, { module: 'schedules', entity: 'schedule' })
 */
export function adminScreen(context: unknown, request: Request, entity: AdminEntityRef): AdminScreen {
  const web = context as WebLoadContext
  if (!web.openAdminScreen) throw new Response('Not found', { status: 404 })
  return web.openAdminScreen(web, request, entity)
}

/**
 * The tenant context of a page, or a 404 on the platform host.
 * @example const ctx = tenantContext(context); const page = await announcement.list(ctx, { limit: 10 })
 */
export function tenantContext(context: unknown): TenantContext {
  const site = (context as WebLoadContext).site
  if (site?.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  return site.ctx
}

/**
 * Awaits a page's lookup and turns a 404 problem (no such record) into the site's 404 page;
 * other errors go on.
 * @example const office = await orNotFound(getOfficeDetail(ctx, params.slug ?? ''))
 */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 404) throw new Response('Not found', { status: 404 })
    throw error
  }
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

/** A module section (home page or linked) with its texts picked for one locale, ready to render. */
export interface SectionView {
  id: string
  title: string
  moreUrl?: string | undefined
  items: { title: string; url: string; date?: string | undefined; note?: string | undefined; verified: boolean }[]
}

/** Picks a section's texts for the page's locale and formats its dates in the tenant's zone. */
export function sectionView(
  id: string,
  section: HomeSection,
  tenant: Pick<TenantInfo, 'timezone'>,
  locale: Locale,
): SectionView {
  return {
    id,
    title: pickText(section.title, locale),
    moreUrl: section.moreUrl,
    items: section.items.map((item) => ({
      title: pickText(item.title, locale),
      url: item.url,
      date: item.date ? formatInstant(item.date, tenant, locale) : undefined,
      note: item.note ? pickText(item.note, locale) : undefined,
      verified: item.verified,
    })),
  }
}

/**
 * The sections enabled modules add to a page of another module (`web.sections[target]`), in
 * module order; empty sections are left out.
 * @example const extra = await linkedSections(site, 'directory.office', { id: office.id, slug: office.slug }, locale)
 */
export async function linkedSections(
  site: TenantSite,
  target: string,
  record: SectionTarget,
  locale: Locale,
): Promise<SectionView[]> {
  const views: SectionView[] = []
  for (const mod of site.definitions) {
    const build = mod.web?.sections?.[target]
    if (!build || !site.ctx.tenant.modules[mod.id]) continue
    const section = await build(site.ctx, record)
    if (section && section.items.length > 0) views.push(sectionView(mod.id, section, site.ctx.tenant, locale))
  }
  return views
}
