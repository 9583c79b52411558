import { type AdminField, type AdminOption, type LocalizedText, listAll, type TenantContext } from '@cerdas/core'
import { listOfficesForEditing, officesByIds } from './offices'
import { listUnitsForEditing } from './units'
import type { Office, Unit } from './validation'

/** Console fields the directory's entities share: text, references to offices and units, order. */

export const tx = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField => ({
  name,
  label: { id, en },
  type: 'text',
  ...extra,
})

// ---------------------------------------------------------------------------
// Choices for references: offices by name, units grouped under their office.

const officeName = (o: Office): LocalizedText => ({
  id: o.shortName ? `${o.name.id} (${o.shortName})` : o.name.id,
  en: o.shortName ? `${o.name.en ?? o.name.id} (${o.shortName})` : (o.name.en ?? o.name.id),
})

async function officeOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return (await listAll(ctx, listOfficesForEditing)).map((o) => ({ value: o.id, label: officeName(o) }))
}

async function unitOptions(ctx: TenantContext): Promise<AdminOption[]> {
  const units = await listAll(ctx, listUnitsForEditing)
  const offices = await officesByIds(ctx, [...new Set(units.map((u) => u.officeId))])
  const nameOf = (u: Unit) => offices.get(u.officeId)?.name.id ?? u.officeId
  return units
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'id') || a.sortOrder - b.sortOrder)
    .map((u) => {
      const office = offices.get(u.officeId)
      return { value: u.id, label: u.name, group: office ? officeName(office) : { id: u.officeId } }
    })
}

export const officeRef = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField =>
  tx(name, id, en, { type: 'reference', optionsFrom: officeOptions, ...extra })
export const unitRef = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField =>
  tx(name, id, en, {
    type: 'reference',
    optionsFrom: unitOptions,
    help: { id: 'Harus bidang dari kantor yang sama.', en: 'Must be a unit of the same office.' },
    ...extra,
  })

export const verificationOf = (r: { verification: { verifiedAt: string | null; verifiedBy: string | null } }) => ({
  verifiedAt: r.verification.verifiedAt,
  verifiedBy: r.verification.verifiedBy,
})

/** Offices in the admin console. Coordinates and contacts are edited here; the slug is set on creation. */
export const officeField = officeRef('officeId', 'Kantor', 'Office', { required: true })
export const sortField = tx('sortOrder', 'Urutan', 'Order', {
  type: 'number',
  integer: true,
  help: { id: 'Urutan tampil di halaman kantor; kecil lebih dulu.', en: 'Order on the office page; smaller first.' },
})
