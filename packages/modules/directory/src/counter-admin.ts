import { type AdminEntity, pickText } from '@cerdas/core'
import { officeField, sortField, tx, unitRef, verificationOf } from './admin-fields'
import {
  createCounter,
  deleteCounter,
  getCounter,
  listCountersForEditing,
  updateCounter,
  verifyCounter,
} from './counters'
import { type Counter, createCounterSchema, updateCounterSchema } from './validation'

/** Counters (loket) in the admin console. */
export const counterAdmin: AdminEntity<Counter> = {
  id: 'counter',
  title: { id: 'Loket', en: 'Counters' },
  fields: [
    officeField,
    tx('code', 'Nomor loket', 'Counter number', { required: true }),
    tx('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    tx('name.en', 'Nama (Inggris)', 'Name (English)'),
    unitRef('unitId', 'Bidang yang melayani', 'Unit serving it'),
    tx('location.id', 'Letak (Indonesia)', 'Location (Indonesian)'),
    tx('location.en', 'Letak (Inggris)', 'Location (English)'),
    sortField,
  ],
  columns: [
    { label: { id: 'Nomor', en: 'Number' }, value: (c) => c.code },
    { label: { id: 'Kantor', en: 'Office' }, value: (c) => c.officeId },
  ],
  permissions: {
    create: 'directory.counter:create',
    update: 'directory.counter:update',
    delete: 'directory.counter:delete',
    verify: 'directory.counter:verify',
  },
  createSchema: createCounterSchema,
  updateSchema: updateCounterSchema,
  list: listCountersForEditing,
  get: getCounter,
  create: createCounter,
  update: updateCounter,
  remove: deleteCounter,
  verify: verifyCounter,
  idOf: (c) => c.id,
  labelOf: (c, locale) => `${c.code} · ${pickText(c.name, locale)}`,
  valuesOf: (c) => ({
    officeId: c.officeId,
    code: c.code,
    'name.id': c.name.id,
    'name.en': c.name.en ?? null,
    unitId: c.unitId,
    'location.id': c.location?.id ?? null,
    'location.en': c.location?.en ?? null,
    sortOrder: c.sortOrder,
  }),
  verificationOf,
}
