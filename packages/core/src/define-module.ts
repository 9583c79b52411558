import { getTableName, isTable } from 'drizzle-orm'
import { z } from 'zod'
import type { AdminDashboardSection, AdminEntity } from './admin-entity'
import type { ApiKit, ModuleRouter } from './api-kit'
import { DIMENSION_IDS, type DimensionId } from './dimensions'
import { type AnyEntity, type ModuleDeclaration, withEntities } from './entity/module-entities'
import { type LocalizedText, localizedTextSchema } from './localized-text'
import { moduleSettings } from './module-settings'
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
  /** A console navigation entry for the screen, shown to whoever may open the module's `entity`. */
  nav?: { title: LocalizedText; entity: string }
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
