import { type AdminEntity, pickText } from '@cerdas/core'
import { z } from 'zod'
import { SCHEDULE_KINDS } from './kinds'
import { ownerIssues } from './owners'
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule, verifySchedule } from './schedules'
import { createScheduleSchema, type OwnerRef, type Schedule, updateScheduleSchema } from './validation'

export { HOLIDAY_KIND_LABELS } from './kinds'

export const SCHEDULE_KIND_LABELS = {
  hours: { id: 'Jam buka', en: 'Opening hours' },
  presence: { id: 'Kehadiran petugas', en: 'Officer presence' },
} as const

/** A role form left empty (`role: { id: null }` or `{}`) means "no role". */
function normalizeRole(value: unknown): unknown {
  if (!value || typeof value !== 'object' || !('role' in value)) return value
  const role = (value as { role: unknown }).role
  if (role && typeof role === 'object' && !(role as { id?: unknown }).id) return { ...value, role: null }
  return value
}

/** The generic form covers who and what; the hours themselves are edited in the schedule editor. */
const adminCreateScheduleSchema = createScheduleSchema.omit({ definition: true, services: true })
const adminUpdateScheduleSchema = z.preprocess(normalizeRole, updateScheduleSchema)

/**
 * Schedules in the admin console: listed and described (owner, kind, label, role) by the generic
 * screens; their hours, overrides, closures and extra openings in the dedicated editor
 * (`/admin/jadwal/:id`).
 */
export const scheduleAdmin: AdminEntity<Schedule> = {
  id: 'schedule',
  title: { id: 'Jadwal', en: 'Schedules' },
  fields: [
    {
      name: 'label.id',
      label: { id: 'Nama jadwal (Indonesia)', en: 'Label (Indonesian)' },
      type: 'text',
      required: true,
    },
    { name: 'label.en', label: { id: 'Nama jadwal (Inggris)', en: 'Label (English)' }, type: 'text' },
    {
      name: 'kind',
      label: { id: 'Jenis', en: 'Kind' },
      type: 'select',
      required: true,
      options: SCHEDULE_KINDS.map((value) => ({ value, label: SCHEDULE_KIND_LABELS[value] })),
    },
    {
      name: 'owner.module',
      label: { id: 'Pemilik: modul', en: 'Owner: module' },
      type: 'text',
      required: true,
      help: { id: 'Misalnya directory', en: 'For example directory' },
    },
    {
      name: 'owner.type',
      label: { id: 'Pemilik: jenis data', en: 'Owner: record type' },
      type: 'text',
      required: true,
      help: { id: 'Misalnya office (kantor)', en: 'For example office' },
    },
    {
      name: 'owner.id',
      label: { id: 'Pemilik: ID', en: 'Owner: id' },
      type: 'text',
      required: true,
      help: { id: 'ID kantor, layanan, atau tempat', en: 'Id of the office, service or place' },
    },
    {
      name: 'role.id',
      label: { id: 'Peran petugas (Indonesia)', en: 'Officer role (Indonesian)' },
      type: 'text',
      help: { id: 'Untuk jadwal kehadiran petugas', en: 'For officer presence schedules' },
    },
    { name: 'role.en', label: { id: 'Peran petugas (Inggris)', en: 'Officer role (English)' }, type: 'text' },
  ],
  columns: [
    { label: { id: 'Pemilik', en: 'Owner' }, value: (s) => `${s.owner.module}/${s.owner.type}/${s.owner.id}` },
    { label: { id: 'Jenis', en: 'Kind' }, value: (s, locale) => pickText(SCHEDULE_KIND_LABELS[s.kind], locale) },
    { label: { id: 'Jam (OSM)', en: 'Hours (OSM)' }, value: (s) => s.openingHours },
  ],
  permissions: {
    create: 'schedules.schedule:create',
    update: 'schedules.schedule:update',
    delete: 'schedules.schedule:delete',
    verify: 'schedules.schedule:verify',
  },
  createSchema: adminCreateScheduleSchema,
  updateSchema: adminUpdateScheduleSchema,
  list: (ctx, page) => listSchedules(ctx, { cursor: page.cursor, limit: page.limit }),
  get: getSchedule,
  // A schedule created from the generic form starts closed every day; its hours are set in the editor.
  create: (ctx, input) =>
    createSchedule(ctx, { ...(normalizeRole(input) as object), definition: { weekly: {} } } as never),
  update: (ctx, id, input) => updateSchedule(ctx, id, normalizeRole(input) as never),
  checkInput: async (ctx, input: { owner?: OwnerRef }) => (input.owner ? ownerIssues(ctx, input.owner) : []),
  remove: deleteSchedule,
  verify: verifySchedule,
  idOf: (s) => s.id,
  labelOf: (s, locale) => pickText(s.label, locale),
  valuesOf: (s) => ({
    'label.id': s.label.id,
    'label.en': s.label.en ?? null,
    kind: s.kind,
    'owner.module': s.owner.module,
    'owner.type': s.owner.type,
    'owner.id': s.owner.id,
    'role.id': s.role?.id ?? null,
    'role.en': s.role?.en ?? null,
  }),
  verificationOf: (s) => ({ verifiedAt: s.verification.verifiedAt, verifiedBy: s.verification.verifiedBy }),
  publicUrl: (s) => `/jadwal/${s.id}`,
  editUrl: (s) => `/admin/jadwal/${s.id}`,
  createUrl: '/admin/jadwal/baru',
}
