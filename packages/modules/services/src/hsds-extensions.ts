import type { Locale } from '@cerdas/core'
import type { Office, Unit } from '@cerdas/module-directory'
import { pick, pickOrNull } from './hsds-wording'

/** `x_cerdas_*` extension objects that organizations and services both carry. */

export const verificationOf = (v: Office['verification']) => ({
  verified: v.verified,
  verified_at: v.verifiedAt,
  verified_by: v.verifiedBy,
  source: v.source,
})

export function unitExtension(unit: Unit, locale: Locale) {
  return {
    id: unit.id,
    parent_id: unit.parentId,
    kind: unit.kind,
    name: pick(unit.name, locale),
    handles: pickOrNull(unit.handles, locale),
    phone: unit.contacts.phone,
    email: unit.contacts.email,
  }
}
