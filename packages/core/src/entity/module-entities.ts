import type { AdminEntity } from '../admin-entity'
import type { ModuleDefinition, SitemapEntry } from '../define-module'
import type { SearchDocument, TenantContext } from '../tenant'
import type { Entity } from './define-entity'

export type AnyEntity = Entity<any, any>

/**
 * What a module declares: its definition, where entities may stand for the tables, permissions,
 * routes, console screens, search, seeds and sitemap they bring.
 */
export type ModuleDeclaration<TDefinition extends ModuleDefinition<any, any>> = Omit<
  TDefinition,
  'schema' | 'admin' | 'entities'
> & {
  /** Entities declared with defineEntity. */
  entities?: readonly AnyEntity[]
  /** Drizzle tables besides the entities'. */
  schema?: Record<string, unknown>
  admin?: Omit<NonNullable<TDefinition['admin']>, 'entities'> & { entities?: AdminEntity[] }
}

async function concat<T>(ctx: TenantContext, parts: ((ctx: TenantContext) => Promise<T[]>)[]): Promise<T[]> {
  const out: T[] = []
  for (const part of parts) out.push(...(await part(ctx)))
  return out
}

/**
 * The module definition with its entities' parts joined to what the module wrote by hand:
 * generated routes are registered before hand-written ones, generated console screens come first.
 */
export function withEntities<TDefinition extends ModuleDefinition<any, any>>(
  declaration: ModuleDeclaration<TDefinition>,
): TDefinition {
  const { entities = [], ...rest } = declaration
  if (entities.length === 0) return { ...rest, schema: rest.schema ?? {} } as unknown as TDefinition
  // Entities stay on the definition: other modules' reference fields find their target through them.
  const hand = rest as unknown as TDefinition
  const search = [...entities.map((e) => e.searchDocuments), ...(hand.search ? [hand.search] : [])]
  const sitemap = [
    ...entities.filter((e) => e.declaration.page).map((e) => e.sitemap),
    ...(hand.web?.sitemap ? [hand.web.sitemap] : []),
  ]
  const seeded = entities.length === 1 ? entities[0] : undefined
  return {
    ...hand,
    entities,
    schema: { ...Object.fromEntries(entities.map((e) => [e.name, e.table])), ...(declaration.schema ?? {}) },
    permissions: { ...Object.assign({}, ...entities.map((e) => e.permissions)), ...(hand.permissions ?? {}) },
    references: {
      ...Object.fromEntries(entities.map((e) => [e.name, e.resolve])),
      ...(hand.references ?? {}),
    },
    api: (router, kit) => {
      for (const entity of entities) entity.routes(router, kit)
      hand.api?.(router, kit)
    },
    search: (ctx: TenantContext) => concat<SearchDocument>(ctx, search),
    // One entity's template data is its list of records; several entities need a hand-written seed.
    ...(hand.seed || !seeded ? {} : { seed: seeded.seed }),
    admin: {
      ...(declaration.admin ?? {}),
      entities: [...entities.map((e) => e.admin), ...(declaration.admin?.entities ?? [])],
    },
    ...(hand.web ? { web: { ...hand.web, sitemap: (ctx: TenantContext) => concat<SitemapEntry>(ctx, sitemap) } } : {}),
  } as TDefinition
}
