import type { SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { z } from 'zod'
import type { AdminEntity } from '../admin-entity'
import type { ApiKit, ModuleRouter } from '../api-kit'
import type { SitemapEntry } from '../define-module'
import { DIMENSION_IDS } from '../dimensions'
import type { LocalizedText } from '../localized-text'
import type { PermissionDefinition } from '../roles'
import type { SearchDocument, TenantContext } from '../tenant'
import { entityAdmin } from './admin'
import { createTableStatements, drizzleTable, entityColumns, fieldKeys } from './columns'
import {
  DEFAULT_ENTITY_ROLES,
  ENTITY_ACTIONS,
  type EntityAction,
  type EntityDeclaration,
  type EntityInput,
  type EntityRecord,
} from './declaration'
import type { FieldMap, FieldValue } from './fields'
import { ownerPermits, ownerVisible, visibleDimensions } from './owner-permissions'
import * as records from './records'
import { registerEntityRoutes } from './routes'
import { entitySchemas, listQuerySchema } from './schemas'
import { notFound } from './store'

const VERBS: Record<EntityAction, LocalizedText> = {
  create: { id: 'Membuat', en: 'Create' },
  update: { id: 'Mengubah', en: 'Edit' },
  delete: { id: 'Menghapus', en: 'Delete' },
  verify: { id: 'Memverifikasi', en: 'Verify' },
}

/** Words capitalised only as a title lowered (`Tempat Kuliner` → `tempat kuliner`); `UMKM` stays. */
const lowerTitle = (text: string) => text.replace(/\b\p{Lu}\p{Ll}*\b/gu, (word) => word.toLowerCase())

export type Entity<F extends FieldMap, D extends Record<string, unknown>> = ReturnType<typeof defineEntity<F, D>>

/**
 * Declares an entity once; the framework derives its table and first migration, strict schemas,
 * API routes, console screens, search documents, seeds, sitemap and permissions. Every write
 * commits the row, its audit entry and its search entry in one transaction.
 * @example
 * export const announcement = defineEntity({
 *   module: 'announcements', name: 'announcement', table: 'announcements_items', idPrefix: 'ann',
 *   title: { id: 'Pengumuman', en: 'Announcements' },
 *   fields: { title: field.localizedText({ label, required: true, max: 200, search: 'title' }) },
 *   api: { path: '/announcements', tag: 'Announcements', schema: 'Announcement' }, page: '/pengumuman',
 * })
 */
export function defineEntity<F extends FieldMap, D extends Record<string, unknown> = Record<string, never>>(
  declaration: EntityDeclaration<F, D>,
) {
  const d = declaration
  checkDeclaration(d as unknown as EntityDeclaration<FieldMap, Record<string, unknown>>)
  const hasSlug = d.slug !== undefined
  const columns = entityColumns(d.fields, { slug: hasSlug })
  const table = drizzleTable(d.table, columns)
  const store: records.EntityStore = { declaration: d as unknown as records.EntityStore['declaration'], table }
  const schemas = entitySchemas({
    name: d.api?.schema ?? d.name,
    fields: d.fields,
    slug: hasSlug ? { fixed: d.slug?.fixed === true } : false,
    rules: d.rules ?? [],
    derived: (d.derived?.schema ?? {}) as Record<string, z.ZodType>,
  })
  const listQuery = listQuerySchema(d.fields)
  const noun = d.noun ?? { id: lowerTitle(d.title.id), en: lowerTitle(d.title.en ?? d.title.id) }
  const permissionKey = (action: EntityAction) => `${d.module}.${d.name}:${action}`
  const permissions: Record<string, PermissionDefinition> = Object.fromEntries(
    ENTITY_ACTIONS.map((action) => [
      permissionKey(action),
      {
        title: { id: `${VERBS[action].id} ${noun.id}`, en: `${VERBS[action].en} ${noun.en}` },
        roles: d.roles?.[action] ?? DEFAULT_ENTITY_ROLES[action],
        ...(d.ownerField || d.dimensionField ? { followsOwner: true } : {}),
        ...(d.dimensionField ? { ownerDimensions: [...DIMENSION_IDS] } : {}),
        ...(d.unlimitedOnly ? { unlimitedOnly: true } : {}),
      },
    ]),
  )
  const byAction = {
    create: permissionKey('create'),
    update: permissionKey('update'),
    delete: permissionKey('delete'),
    verify: permissionKey('verify'),
  }

  type Out = EntityRecord<F, D>
  type In = EntityInput<F>
  type ListQuery = { cursor?: string | undefined; limit: number; sort?: string | undefined } & {
    [K in keyof F]?: FieldValue<F[K]> | undefined
  }
  /** The public list; `where` narrows it further (words in a name, a case-blind match). */
  const list = (ctx: TenantContext, query: ListQuery, where?: SQL[]) =>
    records.listRecords(ctx, store, query, where) as Promise<records.Page<Out>>
  const get = (ctx: TenantContext, key: string) => records.getRecord(ctx, store, key) as Promise<Out>
  const getForEditing = (ctx: TenantContext, key: string) =>
    records.getRecordForEditing(ctx, store, key) as Promise<Out>
  const dimensionColumn = d.dimensionField
    ? (table as unknown as Record<string, SQLiteColumn>)[d.dimensionField]
    : undefined
  /**
   * Every record for editors; `where` narrows it (to the owners the caller may see, say). Records
   * that name their team are narrowed to the caller's dimensions here (ADR 0117).
   */
  const listForEditing = (ctx: TenantContext, page: { cursor?: string | undefined; limit: number }, where?: SQL[]) =>
    records.listRecordsForEditing(ctx, store, page, [
      ...(dimensionColumn ? visibleDimensions(ctx, dimensionColumn) : []),
      ...(where ?? []),
    ]) as Promise<records.Page<Out>>
  const create = (ctx: TenantContext, input: In, options?: records.CreateOptions) =>
    records.createRecord(ctx, store, input, options) as Promise<Out>
  const update = (ctx: TenantContext, key: string, input: In) =>
    records.updateRecord(ctx, store, key, input) as Promise<Out>
  const remove = (ctx: TenantContext, key: string) => records.deleteRecord(ctx, store, key)
  const verify = (ctx: TenantContext, key: string, input: { source?: string | undefined }) =>
    records.verifyRecord(ctx, store, key, input) as Promise<Out>
  /**
   * Many creates (and, upserting, updates by `id` or `slug`) in one transaction, each checked,
   * audited and indexed as a single write; any bad item refuses the batch (a 422 by item index).
   */
  const bulkUpsert = (
    ctx: TenantContext,
    items: readonly (In & { id?: string | undefined })[],
    options: { mode: records.BulkMode } = { mode: 'create' },
  ) => records.bulkWriteRecords(ctx, store, items as records.BulkItem[], options.mode)

  const seedData = schemas.seed

  const generatedAdmin = entityAdmin({
    name: d.name,
    title: d.title,
    fields: d.fields,
    permissions: byAction,
    page: d.page,
    publicUrl: d.publicUrl,
    functions: {
      createSchema: schemas.create,
      updateSchema: schemas.update,
      list: listForEditing,
      get: getForEditing,
      create,
      update,
      remove,
      verify,
      writeMany: (ctx, rows) =>
        bulkUpsert(
          ctx,
          rows.map((row) => ({ ...row.input, ...(row.id ? { id: row.id } : {}) })),
          { mode: 'upsert' },
        ),
    },
  })
  const customized = d.admin ? d.admin(generatedAdmin) : generatedAdmin
  // A console that writes through functions of its own cannot take the generated bulk path.
  const ownWrites = customized.create !== generatedAdmin.create || customized.update !== generatedAdmin.update
  const { writeMany: _writeMany, ...withoutBulk } = customized
  const chosen = (ownWrites ? withoutBulk : customized) as unknown as AdminEntity<Out>
  // Records of an owner or a team outside the caller's dimensions are not the caller's to open (ADRs 0110, 0117).
  const scoped: AdminEntity<Out> =
    d.ownerField || d.dimensionField
      ? {
          ...chosen,
          followsOwner: true,
          ...(d.dimensionField ? { ownerDimensions: [...DIMENSION_IDS] } : {}),
          get: async (ctx, id) => {
            const record = await chosen.get(ctx, id)
            if (!ownerVisible(ctx, store, record as Record<string, unknown>)) throw notFound(store, id)
            return record
          },
        }
      : chosen
  const admin: AdminEntity<Out> = d.unlimitedOnly ? { ...scoped, unlimitedOnly: true } : scoped

  return {
    declaration: d,
    name: d.name,
    /** `module.entity`, as audit entries name it. */
    qualifiedName: `${d.module}.${d.name}`,
    table,
    /** The statements of the entity's first migration (`cerdas module new` writes them into the module). */
    createStatements: () => {
      const order = d.order ?? { field: 'createdAt', direction: 'desc' as const }
      const f = d.fields[order.field]
      const key = f ? fieldKeys(order.field, f)[0] : order.field
      const column = columns.find((c) => c.key === key)?.column ?? 'created_at'
      const indexed = [{ column, descending: order.direction === 'desc' }]
      return createTableStatements(d.table, columns, indexed)
    },
    schemas: { ...schemas, listQuery },
    permissions,
    /** The full permission key of an action: `permission('update')` → `announcements.announcement:update`. */
    permission: (action: EntityAction) => permissionKey(action),
    /**
     * Whether the caller's grants hold an action's permission for this record: always true unless
     * the permissions follow the record's owner or named team (`ownerField`, `dimensionField`) and it is another team's.
     */
    permits: (ctx: TenantContext, action: EntityAction, record: Record<string, unknown>) =>
      ownerPermits(ctx, store, action, record),
    /** Whether the console shows the caller this record (its owner is of one of their dimensions). */
    visibleTo: (ctx: TenantContext, record: Record<string, unknown>) => ownerVisible(ctx, store, record),
    /** The public pages: the list, and a record's page by its slug or id (`/` when the entity has no pages). */
    urls: {
      list: d.page ?? '/',
      record: (record: { id: string; slug?: string | null | undefined }) =>
        d.page ? `${d.page}/${record.slug ?? record.id}` : '/',
    },
    list,
    get,
    getForEditing,
    listForEditing,
    create,
    update,
    remove,
    verify,
    bulkUpsert,
    /** How many records the public list shows now. */
    count: (ctx: TenantContext) => records.countRecords(ctx, store),
    /** Public records by id or slug in one query (a record under both keys). */
    byKeys: (ctx: TenantContext, keys: readonly string[]) =>
      records.recordsByKeys(ctx, store, keys) as Promise<Map<string, Out>>,
    /**
     * Every record as a choice for another module's reference field.
     * @example venue: field.reference({ label, target: 'directory.office', options: office.options })
     */
    options: (ctx: TenantContext) => records.recordOptions(ctx, store),
    /** The id of a record named by id or slug, or null. */
    resolveId: (ctx: TenantContext, ref: string) => records.canonicalKey(ctx, store, ref, 'id'),
    /** The key other modules store for a record: its slug, else its id. */
    resolve: (ctx: TenantContext, ref: string) => records.canonicalKey(ctx, store, ref),
    searchDocument: (record: Out): SearchDocument | null => records.searchDocumentOf(store, record),
    searchDocuments: (ctx: TenantContext) => records.searchDocuments(ctx, store),
    sitemap: (ctx: TenantContext): Promise<SitemapEntry[]> => records.sitemapEntries(ctx, store),
    seed: {
      data: seedData,
      run: (ctx: TenantContext, { data }: { data: z.output<typeof seedData> }) =>
        records.seedRecords(ctx, store, data as Parameters<typeof records.seedRecords>[2]),
    },
    admin,
    routes: (router: ModuleRouter, kit: ApiKit) => {
      if (!d.api) return
      registerEntityRoutes(router, kit, {
        path: d.api.path,
        tag: d.api.tag,
        singular: d.name.replaceAll('_', ' '),
        plural: noun.en ?? noun.id,
        summaries: d.api.summaries,
        only: d.api.routes,
        permissions: byAction,
        schemas: { ...schemas, listQuery },
        list,
        get,
        create,
        update,
        remove,
        verify,
        bulk: bulkUpsert,
      })
    },
  }
}

/** Mistakes a declaration can hold, found when the module loads rather than on some request. */
function checkDeclaration(d: EntityDeclaration<FieldMap, Record<string, unknown>>) {
  const problems: string[] = []
  if (!d.table.startsWith(`${d.module}_`)) problems.push(`table "${d.table}" must be prefixed "${d.module}_"`)
  // The name is part of permission keys (module.entity:action), which take lowercase words.
  if (!/^[a-z][a-z0-9_]*$/.test(d.name)) problems.push(`name "${d.name}" must be lowercase letters, digits or _`)
  for (const [name, f] of Object.entries(d.fields)) {
    if (['id', 'slug', 'seedKey', 'verification', 'createdAt', 'updatedAt'].includes(name))
      problems.push(`field "${name}" is a name the framework uses`)
    if (f.sortable && !f.required) problems.push(`field "${name}" is sortable, so it must be required`)
    if (f.filterable && !['enum', 'boolean', 'reference', 'text', 'lines'].includes(f.kind))
      problems.push(`field "${name}" of kind ${f.kind} cannot be a filter`)
    if (f.kind === 'reference' && !/^[a-z][a-z0-9]*\.[a-z][a-zA-Z0-9]*$/.test(f.target ?? ''))
      problems.push(`field "${name}" must name its target as module.entity`)
  }
  if (d.ownerField && d.dimensionField) problems.push('a record follows its owner or names its team, not both')
  if (d.dimensionField) {
    const f = d.fields[d.dimensionField]
    if (
      f?.kind !== 'enum' ||
      !f.required ||
      !(f.values ?? []).every((v) => (DIMENSION_IDS as readonly string[]).includes(v))
    )
      problems.push(`dimension field "${d.dimensionField}" must be a required enum of dimension ids`)
  }
  const slugSources = d.slug ? (Array.isArray(d.slug.from) ? d.slug.from : [d.slug.from]) : []
  if (d.slug && !slugSources.some((name) => d.fields[name]?.required === true))
    problems.push(`one slug source of "${slugSources.join(', ')}" must be required`)
  if (d.order && d.order.field !== 'createdAt' && d.fields[d.order.field]?.required !== true)
    problems.push(`order field "${d.order.field}" must be required`)
  if (problems.length > 0)
    throw new Error(`Entity "${d.module}.${d.name}" is not valid:\n  - ${problems.join('\n  - ')}`)
}
