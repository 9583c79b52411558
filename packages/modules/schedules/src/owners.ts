import { isProblemError, problem, referenceTypes, resolveReference, type TenantContext } from '@cerdas/core'
import { UNKNOWN_OWNER, UNKNOWN_OWNER_TYPE } from './owner-messages'
import type { OwnerRef } from './validation'

/**
 * The owner as schedules store it: checked with the owning module (which
 * declares how its records are referenced, e.g. the directory answers an
 * office's id or slug with its slug) and rewritten to the canonical key, so
 * the owner's page finds its hours whichever of the two was typed. An owner
 * that does not exist is a 422 pointing at the field.
 * @example await canonicalOwner(ctx, { module: 'directory', type: 'office', id: 'off_01J…' }) // { …, id: 'disdukcapil' }
 */
export async function canonicalOwner(ctx: TenantContext, owner: OwnerRef, pointer = '/owner'): Promise<OwnerRef> {
  const key = await resolveReference(ctx, owner)
  if (key !== null) return { ...owner, id: key }
  const known = referenceTypes(ctx)
  const typeKnown = known.includes(`${owner.module}:${owner.type}`)
  throw problem(
    'validation',
    typeKnown
      ? `No ${owner.module} ${owner.type} "${owner.id}": use the id or key of an existing one.`
      : `Schedules can belong to ${known.join(', ') || 'nothing here'}, not ${owner.module}:${owner.type}.`,
    {
      errors: [
        typeKnown
          ? { pointer: `${pointer}/id`, message: UNKNOWN_OWNER }
          : { pointer: `${pointer}/type`, message: UNKNOWN_OWNER_TYPE },
      ],
    },
  )
}

/** An owner's problems by field name (`owner.id`, `owner.type`) for an import row; empty when it exists. */
export async function ownerIssues(ctx: TenantContext, owner: OwnerRef): Promise<{ field: string; message: string }[]> {
  try {
    await canonicalOwner(ctx, owner)
    return []
  } catch (error) {
    if (!isProblemError(error)) throw error
    return (error.problem.errors ?? []).map((e) => ({
      field: e.pointer.split('/').filter(Boolean).join('.'),
      message: error.problem.detail ?? e.message,
    }))
  }
}
