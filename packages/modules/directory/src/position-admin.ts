import { type AdminEntity, pickText } from '@cerdas/core'
import { officeField, sortField, tx, unitRef, verificationOf } from './admin-fields'
import {
  createPosition,
  deletePosition,
  getPosition,
  listPositionsForEditing,
  updatePosition,
  verifyPosition,
} from './positions'
import { createPositionSchema, type Position, updatePositionSchema } from './validation'

/** Positions (jabatan) in the admin console. */
export const positionAdmin: AdminEntity<Position> = {
  id: 'position',
  title: { id: 'Jabatan', en: 'Positions' },
  fields: [
    officeField,
    tx('title.id', 'Jabatan (Indonesia)', 'Title (Indonesian)', { required: true }),
    tx('title.en', 'Jabatan (Inggris)', 'Title (English)'),
    unitRef('unitId', 'Bidang', 'Unit'),
    tx('holderName', 'Nama pejabat (hanya jika publik)', 'Holder (only if public)'),
    sortField,
  ],
  columns: [
    { label: { id: 'Pejabat', en: 'Holder' }, value: (p) => p.holderName ?? '' },
    { label: { id: 'Kantor', en: 'Office' }, value: (p) => p.officeId },
  ],
  permissions: {
    create: 'directory.position:create',
    update: 'directory.position:update',
    delete: 'directory.position:delete',
    verify: 'directory.position:verify',
  },
  createSchema: createPositionSchema,
  updateSchema: updatePositionSchema,
  list: listPositionsForEditing,
  get: getPosition,
  create: createPosition,
  update: updatePosition,
  remove: deletePosition,
  verify: verifyPosition,
  idOf: (p) => p.id,
  labelOf: (p, locale) => pickText(p.title, locale),
  valuesOf: (p) => ({
    officeId: p.officeId,
    'title.id': p.title.id,
    'title.en': p.title.en ?? null,
    unitId: p.unitId,
    holderName: p.holderName,
    sortOrder: p.sortOrder,
  }),
  verificationOf,
}
