import type { SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { z } from 'zod'
import type { AdminEntity } from '../admin-entity'
import type { LocalizedText } from '../localized-text'
import type { FieldError } from '../problem'
import type { RoleId } from '../roles'
import type { TenantContext } from '../tenant'
import type { FieldMap, FieldValue } from './fields'
import type { EntityRule } from './schemas'

/** The write actions every entity has; each is one permission. */
export const ENTITY_ACTIONS = ['create', 'update', 'delete', 'verify'] as const
export type EntityAction = (typeof ENTITY_ACTIONS)[number]

/** The roles of each action's permission unless a declaration says otherwise. */
export const DEFAULT_ENTITY_ROLES: Record<EntityAction, RoleId[]> = {
  create: ['admin', 'editor'],
  update: ['admin', 'editor'],
  delete: ['admin'],
  verify: ['admin', 'editor', 'verifier'],
}

/** The entity's columns by field name (single-column fields) and bookkeeping key, for `published`/`current`. */
export type EntityColumns<F extends FieldMap = FieldMap> = Record<
  (keyof F & string) | 'id' | 'createdAt' | 'updatedAt' | 'verifiedAt',
  SQLiteColumn
>

/** A record as the framework reads it: the declared fields, derived ones and the envelope. */
export type EntityRecord<F extends FieldMap, D = unknown> = {
  id: string
  slug?: string
} & { -readonly [K in keyof F]: FieldValue<F[K]> } & D & {
    verification: { verified: boolean; verifiedAt: string | null; verifiedBy: string | null; source: string | null }
    createdAt: string
    updatedAt: string
  }

/** What a client may give when creating or updating (the strict schemas decide what is required). */
export type EntityInput<F extends FieldMap> = { slug?: string | undefined } & {
  -readonly [K in keyof F]?: FieldValue<F[K]> | null | undefined
}

/**
 * One entity of a module, declared once: its fields and how the public sees it. Everything else
 * (table, schemas, routes, console, search, seeds, sitemap, permissions) is derived.
 */
export interface EntityDeclaration<F extends FieldMap, D extends Record<string, unknown> = Record<string, never>> {
  /** The owning module's id. */
  module: string
  /** Entity id within the module, singular: `announcement`. */
  name: string
  /** Table name, prefixed with the module id: `announcements_items`. */
  table: string
  /** Prefix of new ids: `ann` gives `ann_01J…`. */
  idPrefix: string
  /** What the records are called, plural: console title, permission names. */
  title: LocalizedText
  /** The same, lowercase as inside a sentence (`Membuat {noun}`); default: `title` with capitalised words lowered. */
  noun?: LocalizedText
  fields: F
  /**
   * A URL key made from a text field (its Indonesian text; the first of several that is given),
   * unique in the tenant; may also be given. `fixed`: it never changes after creation (others
   * link to it). `reserved`: keys taken by the module's own pages.
   */
  slug?: { from: (keyof F & string) | readonly (keyof F & string)[]; fixed?: boolean; reserved?: readonly string[] }
  /** Order of lists, newest first by default. */
  order?: { field: (keyof F & string) | 'createdAt'; direction: 'asc' | 'desc' }
  /** The JSON API: `/announcements` with OpenAPI tag and component name. */
  api?: {
    path: string
    tag: string
    schema: string
    summaries?: Partial<Record<EntityRouteName, string>>
    /** The generated routes to register (default all six); the module writes the others by hand. */
    routes?: readonly EntityRouteName[]
  }
  /** The public pages: the list at `page`, a record at `page/<slug or id>`. */
  page?: string
  /** Where the public sees a record without a page of its own (a holiday on its year's list): the console links there. */
  publicUrl?: (record: Record<string, unknown>) => string
  /** Which records the public may open (an announcement once published); all when left out. */
  published?: (columns: EntityColumns<F>, now: string) => SQL | undefined
  /** Which of those the public lists show (an announcement until it expires); all when left out. */
  current?: (columns: EntityColumns<F>, now: string) => SQL | undefined
  /**
   * The columns holding the instants at which `published` or `current` changes for a record (an
   * announcement's publishAt and expiresAt): a cached public answer lasts until the next of them.
   */
  visibilityChangesAt?: (columns: EntityColumns<F>) => SQLiteColumn[]
  /**
   * Computed output fields, with their schemas for the OpenAPI document. `of` is given every field,
   * private ones included, so it may show part of one (a name where flagged public).
   */
  derived?: {
    schema: Record<string, z.ZodType>
    of(values: Record<string, unknown>, now: string): D
  }
  /** Rules across fields, checked on create, on update and on the merged record. */
  rules?: EntityRule[]
  /** Roles per action, where they differ from admin+editor (create, update), admin (delete), admin+editor+verifier (verify). */
  roles?: Partial<Record<EntityAction, RoleId[]>>
  /**
   * For records that belong to another module's record (a schedule's owner): the field holding
   * the owner as a reference `{ module, type, id }`. The write permissions then follow the owner
   * (ADR 0110): a grant limited to a dimension writes, and sees in the console and the audit
   * trail, only records whose owner's module is of that dimension (on an update, the stored
   * owner's and the new one's), checked in the write before anything is stored.
   */
  ownerField?: keyof F & string
  /**
   * For records that name the team they belong to (a programme of the economy team): an `enum`
   * field of dimension ids. The write permissions are then held in that dimension (ADR 0117): a
   * grant limited to a dimension writes, and sees in the console and the audit trail, only records
   * naming its dimension (on an update, the stored one and the new one).
   */
  dimensionField?: keyof F & string
  /**
   * Only grants unlimited by dimension write the records (a regulation, a team membership): an
   * admin or editor limited to a dimension is refused at the route.
   */
  unlimitedOnly?: boolean
  /** Ranks search results among equal matches. */
  searchBoost?: number
  /**
   * Records shown on another record's page rather than their own (a unit on its office's page):
   * the URL of each, by id, for their search entries. Without `page` or this, records are not searched.
   */
  searchUrls?: (ctx: TenantContext, records: Record<string, unknown>[]) => Promise<Map<string, string>>
  hooks?: EntityHooks
  /**
   * Adjusts the console entity generated from the fields (fewer inputs, the module's own edit and
   * create screens); the writes stay the entity's own unless replaced.
   */
  admin?: (generated: AdminEntity<Record<string, unknown>>) => AdminEntity<any>
}

export type EntityRouteName = 'list' | 'get' | 'create' | 'update' | 'delete' | 'verify'

/**
 * Plain functions a module adds to the framework's writes. They run inside the write's transaction,
 * so what they write commits with the row, or nothing does.
 */
export interface EntityHooks {
  /**
   * What is stored for what a client named, from the merged record and the input (another module's
   * record named by slug stored as its id): the values to store instead, and problems by field.
   */
  resolve?(
    ctx: TenantContext,
    values: Record<string, unknown>,
    input: Record<string, unknown>,
    id: string | null,
    /** The write itself: a seed's key (a template record, whose references may not exist yet), else null. */
    write: { seedKey: string | null },
  ): Promise<{ values: Record<string, unknown>; errors: FieldError[] }>
  /** Problems of a valid input against other records (a name already taken): each next to its field. */
  check?(ctx: TenantContext, values: Record<string, unknown>, id: string | null): Promise<FieldError[]>
  /** After the row is written: dependent rows, other caches. */
  afterWrite?(ctx: TenantContext, id: string, action: 'create' | 'update' | 'verify'): Promise<void>
  /** Before the row is deleted: refuse (throw a problem) or remove dependent rows. */
  beforeDelete?(ctx: TenantContext, id: string): Promise<void>
}
