import { getTableName, isTable } from 'drizzle-orm'
import { z } from 'zod'
import type { AdminDashboardSection, AdminEntity } from './admin-entity'
import type { ApiKit, ModuleRouter } from './api-kit'
import { DIMENSION_IDS, type DimensionId } from './dimensions'
import { type AnyEntity, type ModuleDeclaration, withEntities } from './entity/module-entities'
import type { ModuleIndicator } from './indicators'
import { type LocalizedText, localizedTextSchema } from './localized-text'
import { moduleSettings } from './module-settings'
import { DATASET_FREQUENCIES, EU_DATA_THEMES, type ModuleOpenData } from './open-data'
import type { ReferenceResolver } from './references'
import { type PermissionDefinition, ROLE_IDS } from './roles'
import type { SearchDocument, TenantContext } from './tenant'

/** One forward-only migration: statements applied atomically, in order. */
export interface Migration {
  /** Sortable id, e.g. `0001_create_announcements`. */
  id: string
  statements: string[]
}

export interface WebRoute {
  /** URL path without leading slash, e.g. `pengumuman/:id`. */
  path: string
  /** Route module file relative to the module package root. */
  file: string
}

/** A module's own console screen (e.g. the schedule editor), mounted under `/admin/`. */
export interface AdminRoute {
  /** URL path under `/admin/`, without leading slash, e.g. `jadwal/:id`. */
  path: string
  /** Route module file relative to `web.root` (the module package root). */
  file: string
  /**
   * The screen's form uploads a file (multipart) of at most `maxBytes`: the pages take its body up
   * to that size instead of the form limit.
   */
  upload?: { maxBytes: number }
  /**
   * A console navigation entry for the screen, shown to whoever may open the module's `entity`, or
   * with `permission` to whoever holds that permission for some team (one that follows the owner
   * admits every team holding it for its own dimension; the screen opens with the same permission).
   */
  nav?: { title: LocalizedText; entity: string; permission?: string }
}

export interface NavEntry {
  path: string
  title: LocalizedText
}

/** A module's section on the tenant home page (e.g. the latest announcements) or on another module's page. */
export interface HomeSection {
  title: LocalizedText
  moreUrl?: string | undefined
  items: {
    title: LocalizedText
    url: string
    date?: string | undefined
    /** A short line under the title, e.g. the bidang that handles a service. */
    note?: LocalizedText | undefined
    verified: boolean
  }[]
}

/** The record a linked section is shown for: its id and, where it has one, its slug. */
export interface SectionTarget {
  id: string
  slug?: string | undefined
}

export interface SeedInput<TData> {
  /** Template data for this module (already validated against `seed.data`). */
  data: TData
}

/** What a job run reports: how many records it changed, and anything else worth keeping (JSON). */
export interface JobResult {
  changed: number
  [key: string]: unknown
}

/**
 * Work a module has done on every tenant that enables it, every `everyMinutes` (e.g. closing
 * reports nobody answered). The platform's runner calls `run` with a context whose actor is the
 * system, at most once per period per tenant across every process (a lease row in the tenant
 * database), so `run` needs no locking of its own; it should still be idempotent, since a run
 * cut short is simply run again in a later period.
 */
export interface ModuleJob {
  /** Lowercase id, unique in the module, e.g. `auto-close`; shown as `module.id`. */
  id: string
  /** Period in whole minutes (1 to 10080, a week). */
  everyMinutes: number
  run: (ctx: TenantContext) => Promise<JobResult>
}

/**
 * The module's own HTTP endpoints outside /api/v1, for standards whose clients send forms and
 * read XML (Open311 GeoReport v2). Mounted at the site root under `prefix`, with the same tenant
 * resolution, caller identification (Bearer token or session), module-enabled check, security
 * headers, request id, logging and body limit as /api/v1, but any body type.
 */
export interface ModuleHttp {
  /** Path prefix the routes live under, e.g. `/open311`: one segment, not taken by the framework. */
  prefix: string
  /** Registers the routes; paths are relative to `prefix` (`/v2/requests.json`). */
  routes: (router: ModuleRouter, kit: ApiKit) => void
}

/**
 * A module API route whose body is a file rather than JSON (a regulation's PDF scan): the API
 * takes its body up to `maxBytes` and leaves the content type to the route.
 */
export interface ModuleUpload {
  /** The route's method and path under /api/v1, as registered: `/governance/regulations/{id}/document`. */
  method: 'put' | 'post'
  path: string
  /** Largest body, in bytes: larger ones are refused (413) while they stream. */
  maxBytes: number
}

export interface ModuleDefinition<TSettings extends z.ZodObject = z.ZodObject, TSeed = unknown> {
  /** Lowercase id; every table of the module is prefixed `${id}_`. */
  id: string
  dimension: DimensionId
  title: LocalizedText
  description?: LocalizedText
  /** Ids of modules that must be enabled with this one. */
  requires?: string[]
  /** Drizzle tables owned by the module, its entities' tables included. */
  schema: Record<string, unknown>
  /** Its entities (defineEntity), for other modules' reference fields. */
  entities?: readonly AnyEntity[]
  /** Applied to every tenant database, in order. */
  migrations: Migration[]
  /** Tenant-editable settings; every field must have a default. */
  settings?: TSettings
  /** `${id}.${entity}:${action}` → default roles. */
  permissions?: Record<string, PermissionDefinition>
  /**
   * The module's records other modules may point at, by entity type: the canonical key of a record
   * given its id or key, or null. Other modules resolve references through this (see
   * resolveReference), never by reading this module's tables.
   * @example references: { office: async (ctx, ref) => (await findOffice(ctx, ref))?.slug ?? null }
   */
  references?: Record<string, ReferenceResolver>
  /** Registers the module's OpenAPI routes (mounted under /api/v1). */
  api?: (router: ModuleRouter, kit: ApiKit) => void
  /**
   * Endpoints outside /api/v1 that take forms and answer XML or JSON (see {@link ModuleHttp}).
   * @example http: { prefix: '/open311', routes: (router, kit) => router.post('/v2/requests.json', handler) }
   */
  http?: ModuleHttp
  /**
   * Its API routes that take a file as their body, with their size limits (see {@link ModuleUpload}).
   * @example uploads: [{ method: 'put', path: '/governance/regulations/{id}/document', maxBytes: 20 * 1024 * 1024 }]
   */
  uploads?: ModuleUpload[]
  /**
   * Periodic work on every tenant that enables the module (see {@link ModuleJob}).
   * @example jobs: [{ id: 'auto-close', everyMinutes: 15, run: async (ctx) => ({ changed: await closeStale(ctx) }) }]
   */
  jobs?: ModuleJob[]
  /**
   * Measures the module computes from its own data, which other modules (the smart-city KPIs)
   * name as `module.id` instead of reading its tables (see {@link ModuleIndicator}).
   * @example indicators: [{ id: 'verified-share', title, unit: '%', compute: (ctx, { to }) => verifiedShare(ctx, to) }]
   */
  indicators?: ModuleIndicator[]
  /**
   * Its open data beyond what its entities give by themselves (each public entity is a dataset):
   * the publishing office, theme, frequency, other forms such as HSDS or iCalendar, and datasets
   * of its own (see {@link ModuleOpenData} and docs/open-data.md).
   * @example openData: { publisherOffice: { id: 'Dinas Pariwisata' }, entities: { event: { links: [icalLink] } } }
   */
  openData?: ModuleOpenData
  /** Every search document of the module, for (re)building the tenant index. */
  search?: (ctx: TenantContext) => Promise<SearchDocument[]>
  seed?: {
    /** Shape of the module's data in a template. */
    data: z.ZodType<TSeed>
    /** Idempotent: running it twice leaves the same rows. */
    run: (ctx: TenantContext, input: SeedInput<TSeed>) => Promise<void>
  }
  /** Records the admin console can list, edit, verify, import and export. */
  admin?: {
    entities: AdminEntity[]
    /** What the dashboard should tell this tenant's team about the module now; null hides it. */
    dashboard?: (ctx: TenantContext) => Promise<AdminDashboardSection | null>
    /** Custom console screens; their files are relative to `web.root`. */
    routes?: AdminRoute[]
  }
  web?: {
    /** Absolute directory the route files are relative to. */
    root: string
    routes: WebRoute[]
    /** The module's stylesheet, relative to `root`: served only on tenants that enable the module. */
    styles?: string
    nav?: NavEntry[]
    /** Content for the home page; null hides the section. */
    home?: (ctx: TenantContext) => Promise<HomeSection | null>
    /**
     * Sections this module adds to other modules' pages, keyed by the page's target such as
     * `directory.office`: modules stay linked, not welded (the directory never imports services,
     * yet an office page lists the services offered there).
     * @example sections: { 'directory.office': (ctx, office) => servicesAtOffice(ctx, office.id) }
     */
    sections?: Record<string, (ctx: TenantContext, target: SectionTarget) => Promise<HomeSection | null>>
    /**
     * The module's public pages for the tenant's `/sitemap.xml`: one entry per record page (a
     * service, an office, an announcement). The web server adds the home page and every nav path
     * itself, and makes the paths absolute with the request's origin. List only pages a visitor
     * without a session can open; leave out pages that take a query (`?from=`, filters).
     * @example sitemap: async (ctx) => (await listSlugs(ctx)).map((s) => ({ path: `/layanan/${s.slug}`, lastModified: s.updatedAt }))
     */
    sitemap?: (ctx: TenantContext) => Promise<SitemapEntry[]>
  }
}

/** One page in a tenant's sitemap. */
export interface SitemapEntry {
  /** Absolute path of the public page, e.g. `/layanan/ktp-el-baru`. */
  path: string
  /** When the page's content last changed: an ISO 8601 date or instant (UTC). */
  lastModified?: string | undefined
}

export type AnyModule = ModuleDefinition<z.ZodObject, any>

const MODULE_ID = /^[a-z][a-z0-9]{1,30}$/
/** Ids taken by the framework: its tables (`cerdas_`) and the web app's route ids. */
export const RESERVED_MODULE_IDS: readonly string[] = ['cerdas', 'root', 'routes']
/**
 * First path segments the framework serves itself (the API, the console, files, the web app's
 * own pages): a module's `http.prefix` may not take them.
 */
export const RESERVED_HTTP_PREFIXES: readonly string[] = [
  'api',
  'admin',
  'media',
  'vendor',
  'assets',
  'metrics',
  'robots.txt',
  'sitemap.xml',
  'favicon.svg',
  'brand',
  'cari',
  'data',
  'bahasa',
  '__tidak-ada',
]
const HTTP_PREFIX = /^\/[a-z][a-z0-9-]{1,30}$/
const JOB_ID = /^[a-z][a-z0-9-]{0,39}$/
const isFunction = (v: unknown) => typeof v === 'function'
const PERMISSION_KEY = /^[a-z][a-z0-9]*\.[a-z][a-z0-9_]*:[a-z][a-z_]*$/

const definitionSchema = z.object({
  id: z
    .string()
    .regex(MODULE_ID, 'must be 2-31 lowercase letters or digits, starting with a letter')
    // A module's page route ids start with its id; the web app's own are `root` and `routes/…`.
    .refine((id) => !RESERVED_MODULE_IDS.includes(id), 'is reserved for the framework'),
  dimension: z.enum(DIMENSION_IDS),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  requires: z.array(z.string()).optional(),
  schema: z.record(z.string(), z.unknown()),
  migrations: z.array(
    z.object({ id: z.string().regex(/^\d{4}_[a-z0-9_]+$/), statements: z.array(z.string().min(1)).min(1) }),
  ),
  http: z
    .object({
      prefix: z
        .string()
        .regex(HTTP_PREFIX, 'must be one lowercase path segment such as /open311')
        .refine((p) => !RESERVED_HTTP_PREFIXES.includes(p.slice(1)), 'is served by the framework itself'),
      routes: z.custom<unknown>(isFunction, 'must be a function'),
    })
    .optional(),
  uploads: z
    .array(
      z.object({
        method: z.enum(['put', 'post']),
        path: z.string().regex(/^(\/[a-z0-9-]+|\/\{[a-zA-Z]+\})+$/, 'must be a path such as /things/{id}/file'),
        maxBytes: z
          .number()
          .int()
          .min(1)
          .max(100 * 1024 * 1024),
      }),
    )
    .optional(),
  jobs: z
    .array(
      z.object({
        id: z.string().regex(JOB_ID, 'must be lowercase letters, digits or hyphens, starting with a letter'),
        everyMinutes: z.number().int().min(1).max(10_080),
        run: z.custom<unknown>(isFunction, 'must be a function'),
      }),
    )
    .optional(),
  indicators: z
    .array(
      z.object({
        id: z.string().regex(JOB_ID, 'must be lowercase letters, digits or hyphens, starting with a letter'),
        title: localizedTextSchema,
        unit: z.string().min(1).max(30),
        compute: z.custom<unknown>(isFunction, 'must be a function'),
      }),
    )
    .optional(),
  openData: z
    .object({
      theme: z.enum(EU_DATA_THEMES).optional(),
      frequency: z.enum(DATASET_FREQUENCIES).optional(),
      datasets: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) })).optional(),
    })
    .optional(),
  permissions: z
    .record(
      // Keys are checked in checkModule: zod reports a bad record key only as "Invalid key in record".
      z.string(),
      z.object({ title: localizedTextSchema, roles: z.array(z.enum(ROLE_IDS)) }),
    )
    .optional(),
})

/** Thrown when a module definition or a set of modules is not valid. */
export class ModuleDefinitionError extends Error {
  constructor(moduleId: string, messages: string[]) {
    super(`Module "${moduleId}" is not valid:\n  - ${messages.join('\n  - ')}`)
    this.name = 'ModuleDefinitionError'
  }
}

/** Lists what is wrong with a module definition; empty when it is valid. */
export function checkModule(definition: AnyModule): string[] {
  const problems: string[] = []
  const parsed = definitionSchema.safeParse(definition)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`)
    return problems
  }
  const prefix = `${definition.id}_`
  for (const [key, table] of Object.entries(definition.schema)) {
    if (!isTable(table)) {
      problems.push(`schema.${key}: is not a drizzle table`)
      continue
    }
    const name = getTableName(table)
    if (!name.startsWith(prefix)) problems.push(`schema.${key}: table "${name}" must be prefixed "${prefix}"`)
  }
  const ids = definition.migrations.map((m) => m.id)
  const sorted = [...ids].sort()
  if (new Set(ids).size !== ids.length) problems.push('migrations: ids must be unique')
  if (ids.join() !== sorted.join()) problems.push('migrations: must be listed in id order')
  for (const key of Object.keys(definition.permissions ?? {})) {
    if (!PERMISSION_KEY.test(key)) problems.push(`permissions.${key}: must look like module.entity:action`)
    else if (!key.startsWith(`${definition.id}.`))
      problems.push(`permissions.${key}: must start with "${definition.id}."`)
  }
  if (definition.settings) {
    const defaults = definition.settings.safeParse({})
    if (!defaults.success) {
      const fields = defaults.error.issues.map((i) => i.path.join('.')).join(', ')
      problems.push(`settings: every field needs a default (missing for: ${fields})`)
    }
  }
  const jobIds = (definition.jobs ?? []).map((j) => j.id)
  if (new Set(jobIds).size !== jobIds.length) problems.push('jobs: ids must be unique')
  const indicatorIds = (definition.indicators ?? []).map((i) => i.id)
  if (new Set(indicatorIds).size !== indicatorIds.length) problems.push('indicators: ids must be unique')
  if (definition.requires?.includes(definition.id)) problems.push('requires: a module cannot require itself')
  return problems
}

/** Handles a module definition gives its own code, so keys and defaults are written once. */
export interface ModuleHandles<TSettings extends z.ZodObject> {
  /**
   * The full key of one of the module's permissions; an unknown key throws when the module loads.
   * @example mod.permission('announcement:update') // 'announcements.announcement:update'
   */
  permission(key: string): string
  /**
   * The module's settings for the tenant, typed, with every default applied.
   * @example const { pageSize } = mod.settingsOf(ctx)
   */
  settingsOf(ctx: TenantContext): z.output<TSettings>
  /**
   * The public pages of the module's entities, by entity name.
   * @example announcements.urls.announcement?.record(a) // '/pengumuman/ann_01J…'
   */
  urls: Record<string, AnyEntity['urls']>
}

/**
 * Declares a module: the one export of a module package. Its entities (defineEntity) bring their
 * tables, permissions, routes, console screens, search, seeds and sitemap. Validates the whole
 * definition at once so a mistake fails at start-up with a clear message.
 * @example
 * export default defineModule({
 *   id: 'announcements', dimension: 'governance',
 *   title: { id: 'Pengumuman', en: 'Announcements' },
 *   entities: [announcement], migrations, settings, web,
 * })
 */
export function defineModule<TSettings extends z.ZodObject = z.ZodObject, TSeed = unknown>(
  declaration: ModuleDeclaration<ModuleDefinition<TSettings, TSeed>>,
): ModuleDefinition<TSettings, TSeed> & ModuleHandles<TSettings> {
  const definition = withEntities<ModuleDefinition<TSettings, TSeed>>(declaration)
  const problems = checkModule(definition as AnyModule)
  if (problems.length > 0) throw new ModuleDefinitionError(definition.id ?? '(no id)', problems)
  const settings = (definition.settings ?? z.object({})) as TSettings
  return {
    ...definition,
    permission(key) {
      const full = `${definition.id}.${key}`
      if (!definition.permissions?.[full]) throw new ModuleDefinitionError(definition.id, [`no permission "${full}"`])
      return full
    },
    settingsOf: (ctx) => moduleSettings(ctx, definition.id, settings),
    urls: Object.fromEntries((definition.entities ?? []).map((e) => [e.name, e.urls])),
  }
}

/**
 * Checks a set of modules together (unique ids, requirements present, no
 * cycles, no shared table names) and returns them in dependency order.
 */
export function orderModules(modules: readonly AnyModule[]): AnyModule[] {
  const byId = new Map<string, AnyModule>()
  const tables = new Map<string, string>()
  for (const mod of modules) {
    if (byId.has(mod.id)) throw new ModuleDefinitionError(mod.id, ['is registered twice'])
    byId.set(mod.id, mod)
    for (const table of Object.values(mod.schema)) {
      if (!isTable(table)) continue
      const name = getTableName(table)
      const owner = tables.get(name)
      if (owner) throw new ModuleDefinitionError(mod.id, [`table "${name}" is already owned by "${owner}"`])
      tables.set(name, mod.id)
    }
  }
  // A module's open endpoints must not shadow another module's pages or endpoints.
  const prefixes = new Map<string, string>()
  for (const mod of modules) {
    if (!mod.http) continue
    const segment = mod.http.prefix.slice(1)
    const owner = prefixes.get(segment)
    if (owner)
      throw new ModuleDefinitionError(mod.id, [`http.prefix "${mod.http.prefix}" is already used by "${owner}"`])
    prefixes.set(segment, mod.id)
  }
  for (const mod of modules) {
    for (const route of mod.web?.routes ?? []) {
      const owner = prefixes.get(route.path.split('/')[0] ?? '')
      if (owner)
        throw new ModuleDefinitionError(mod.id, [`page "/${route.path}" lies under the http.prefix of "${owner}"`])
    }
  }
  const ordered: AnyModule[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (mod: AnyModule, path: string[]) => {
    const seen = state.get(mod.id)
    if (seen === 'done') return
    if (seen === 'visiting')
      throw new ModuleDefinitionError(mod.id, [`dependency cycle: ${[...path, mod.id].join(' → ')}`])
    state.set(mod.id, 'visiting')
    for (const required of mod.requires ?? []) {
      const dep = byId.get(required)
      if (!dep) throw new ModuleDefinitionError(mod.id, [`requires "${required}", which is not registered`])
      visit(dep, [...path, mod.id])
    }
    state.set(mod.id, 'done')
    ordered.push(mod)
  }
  for (const mod of modules) visit(mod, [])
  return ordered
}
