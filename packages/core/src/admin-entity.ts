import type { z } from 'zod'
import type { Locale, LocalizedText } from './localized-text'
import type { TenantContext } from './tenant'

/** One input of an admin form. `name` is a dotted path into the input object, e.g. `title.en`. */
export interface AdminField {
  name: string
  label: LocalizedText
  type: 'text' | 'textarea' | 'select' | 'datetime' | 'url' | 'number' | 'checkbox'
  required?: boolean
  options?: { value: string; label: LocalizedText }[]
  help?: LocalizedText
}

export interface AdminColumn<T> {
  label: LocalizedText
  value: (item: T, locale: Locale) => string
}

/**
 * How the admin console shows and edits one kind of record of a module.
 * The console builds list, form, verify, delete and CSV/XLSX screens from
 * this; the functions are the module's own business functions, so every
 * write is validated and audited exactly as through the API.
 */
export interface AdminEntity<T = any> {
  /** Entity id within the module, e.g. `announcement`. */
  id: string
  title: LocalizedText
  fields: AdminField[]
  columns: AdminColumn<T>[]
  /** Permission per action; an action without one is not offered. */
  permissions: { create?: string; update?: string; delete?: string; verify?: string }
  /** Input schemas the form values are checked against (field errors are mapped back by path). */
  createSchema?: z.ZodType
  updateSchema?: z.ZodType
  /** Every record, drafts and expired ones included, newest first. */
  list(
    ctx: TenantContext,
    page: { cursor?: string | undefined; limit: number },
  ): Promise<{ items: T[]; nextCursor: string | null }>
  get(ctx: TenantContext, id: string): Promise<T>
  create?(ctx: TenantContext, input: any): Promise<T>
  update?(ctx: TenantContext, id: string, input: any): Promise<T>
  remove?(ctx: TenantContext, id: string): Promise<void>
  verify?(ctx: TenantContext, id: string, input: { source?: string | undefined }): Promise<T>
  idOf(item: T): string
  labelOf(item: T, locale: Locale): string
  /** Current values by field name, for the edit form and exports. */
  valuesOf(item: T): Record<string, string | number | boolean | null>
  verificationOf?(item: T): { verifiedAt: string | null; verifiedBy: string | null }
  /** Public page of the record, if any. */
  publicUrl?(item: T): string
  /**
   * A dedicated console page that edits the record (e.g. the schedule editor), if the generic
   * form does not cover everything; the generic list links the record there.
   */
  editUrl?(item: T): string
  /** A dedicated console page that creates records, instead of the generic form. */
  createUrl?: string
}

/** A module's section on the admin dashboard, e.g. holidays and special hours coming up. */
export interface AdminDashboardSection {
  title: LocalizedText
  /** Said when there are no items. */
  empty: LocalizedText
  items: { label: string; detail?: string | undefined; url?: string | undefined }[]
}
