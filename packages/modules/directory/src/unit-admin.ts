import { type AdminEntity, pickText } from '@cerdas/core'
import { officeField, sortField, tx, unitRef, verificationOf } from './admin-fields'
import { UNIT_KIND_LABELS } from './labels'
import { createUnit, deleteUnit, getUnit, listUnitsForEditing, updateUnit, verifyUnit } from './units'
import { createUnitSchema, UNIT_KINDS, type Unit, updateUnitSchema } from './validation'

/** Units (bidang/seksi) in the admin console. */
export const unitAdmin: AdminEntity<Unit> = {
  id: 'unit',
  title: { id: 'Bidang / seksi', en: 'Units (bidang/seksi)' },
  fields: [
    officeField,
    {
      name: 'kind',
      label: { id: 'Jenis', en: 'Kind' },
      type: 'select',
      required: true,
      options: UNIT_KINDS.map((value) => ({ value, label: UNIT_KIND_LABELS[value] })),
    },
    tx('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    tx('name.en', 'Nama (Inggris)', 'Name (English)'),
    unitRef('parentId', 'Unit induk', 'Parent unit'),
    tx('handles.id', 'Menangani (Indonesia)', 'Handles (Indonesian)', { type: 'textarea' }),
    tx('handles.en', 'Menangani (Inggris)', 'Handles (English)', { type: 'textarea' }),
    tx('phone', 'Telepon', 'Phone'),
    tx('email', 'Surel', 'Email'),
    sortField,
  ],
  columns: [
    { label: { id: 'Jenis', en: 'Kind' }, value: (u, locale) => pickText(UNIT_KIND_LABELS[u.kind], locale) },
    { label: { id: 'Kantor', en: 'Office' }, value: (u) => u.officeId },
  ],
  permissions: {
    create: 'directory.unit:create',
    update: 'directory.unit:update',
    delete: 'directory.unit:delete',
    verify: 'directory.unit:verify',
  },
  createSchema: createUnitSchema,
  updateSchema: updateUnitSchema,
  list: listUnitsForEditing,
  get: getUnit,
  create: createUnit,
  update: updateUnit,
  remove: deleteUnit,
  verify: verifyUnit,
  idOf: (u) => u.id,
  labelOf: (u, locale) => pickText(u.name, locale),
  valuesOf: (u) => ({
    officeId: u.officeId,
    kind: u.kind,
    'name.id': u.name.id,
    'name.en': u.name.en ?? null,
    parentId: u.parentId,
    'handles.id': u.handles?.id ?? null,
    'handles.en': u.handles?.en ?? null,
    phone: u.contacts.phone,
    email: u.contacts.email,
    sortOrder: u.sortOrder,
  }),
  verificationOf,
}
