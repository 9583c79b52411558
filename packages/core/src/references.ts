import type { TenantContext } from './tenant'

/**
 * How another module points at a record of this one (a schedule's owner, say):
 * module, entity type and the record's key.
 */
export interface RecordReference {
  module: string
  type: string
  id: string
}

/**
 * A module's answer to "which record is this?": the canonical key other modules
 * store for the record named by `ref` (its id or its key), or null when there is none.
 */
export type ReferenceResolver = (ctx: TenantContext, ref: string) => Promise<string | null>

/**
 * The canonical key of a reference through the owning module's own declaration
 * (`references` in its definition), so no module reads another's tables. Null
 * when the module is not enabled for the tenant, declares no such type, or has
 * no such record.
 * @example await resolveReference(ctx, { module: 'directory', type: 'office', id: 'off_01J…' }) // 'disdukcapil'
 */
export async function resolveReference(ctx: TenantContext, ref: RecordReference): Promise<string | null> {
  if (!ctx.tenant.modules[ref.module]) return null
  const resolve = ctx.modules.find((m) => m.id === ref.module)?.references?.[ref.type]
  return resolve ? resolve(ctx, ref.id) : null
}

/** The entity types other modules may reference, as `module:type`, of the modules enabled for the tenant. */
export function referenceTypes(ctx: TenantContext): string[] {
  return ctx.modules
    .filter((m) => ctx.tenant.modules[m.id])
    .flatMap((m) => Object.keys(m.references ?? {}).map((type) => `${m.id}:${type}`))
}
