import { DIMENSION_IDS, defineEntity, type EntityRecord, field } from '@cerdas/core'
import { officeOptions } from '@cerdas/module-directory'
import { z } from '@hono/zod-openapi'
import { label } from './labels'
import { localDate, yearOrDate } from './programme-fields'
import {
  BUDGET_SOURCE_LABELS,
  BUDGET_SOURCES,
  PROGRAMME_KIND_LABELS,
  PROGRAMME_KINDS,
  PROGRAMME_STATUS_LABELS,
  PROGRAMME_STATUSES,
} from './programme-labels'
import { DIMENSION_LABELS } from './team-member'

const fields = {
  kind: field.enum(PROGRAMME_KINDS, PROGRAMME_KIND_LABELS, {
    label: label('Jenis', 'Kind'),
    required: true,
    default: 'programme',
    filterable: true,
    listed: true,
  }),
  name: field.localizedText({ label: label('Nama program', 'Name'), required: true, max: 300, search: 'title' }),
  description: field.localizedText({
    label: label('Uraian', 'Description'),
    max: 5000,
    long: true,
    search: 'body',
  }),
  dimension: field.enum(DIMENSION_IDS, DIMENSION_LABELS, {
    label: label('Dimensi', 'Dimension'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
    help: label('Tim dimensi ini yang mengelola program.', "This dimension's team manages the programme."),
  }),
  ownerOffice: field.reference({
    label: label('Perangkat daerah penanggung jawab', 'Responsible office'),
    target: 'directory.office',
    options: officeOptions,
    filterable: true,
  }),
  status: field.enum(PROGRAMME_STATUSES, PROGRAMME_STATUS_LABELS, {
    label: label('Status', 'Status'),
    required: true,
    default: 'planned',
    filterable: true,
    listed: true,
  }),
  budgetSource: field.enum(BUDGET_SOURCES, BUDGET_SOURCE_LABELS, {
    label: label('Sumber anggaran', 'Budget source'),
    filterable: true,
    section: label('Anggaran dan waktu', 'Budget and timeline'),
  }),
  budgetAmount: field.money({
    label: label('Pagu anggaran (Rp)', 'Budget (Rp)'),
    maxValue: 1_000_000_000_000_000,
    help: label('Kosongkan bila belum ditetapkan.', 'Leave empty when not set.'),
  }),
  starts: field.text({ label: label('Mulai', 'Starts'), input: yearOrDate('2022'), listed: true }),
  ends: field.text({ label: label('Selesai', 'Ends'), input: yearOrDate('2026') }),
  milestones: field.list({
    label: label('Tahapan', 'Milestones'),
    rowLabel: label('Tahapan', 'Milestone'),
    maxValue: 50,
    section: label('Tahapan', 'Milestones'),
    of: {
      title: field.localizedText({ label: label('Tahapan', 'Milestone'), required: true, max: 300 }),
      due: field.date({ label: label('Target tanggal', 'Due'), input: localDate('2026-06-30') }),
      done: field.boolean({ label: label('Selesai', 'Done') }),
      doneOn: field.date({ label: label('Tanggal selesai', 'Done on'), input: localDate('2026-06-15') }),
    },
  }),
  sourceNote: field.longText({ label: label('Sumber data', 'Data source'), max: 1000, vouched: false }),
}

type Milestone = { done: boolean; doneOn: string | null }

/** Done milestones of all, as a whole percentage; null without milestones (status alone tells). */
export function progressOf(milestones: readonly Milestone[]): { done: number; total: number; percent: number } | null {
  if (milestones.length === 0) return null
  const done = milestones.filter((m) => m.done).length
  return { done, total: milestones.length, percent: Math.round((done / milestones.length) * 100) }
}

const progressSchema = z
  .object({ done: z.number().int(), total: z.number().int(), percent: z.number().int() })
  .nullable()
  .openapi({ description: 'Milestones done of all; null when the programme has none' })

type Values = Record<string, unknown>

/** A year compares with a date by its year: a programme may start on 2022-05-01 and end in 2022. */
function endsAfterStart(start: unknown, end: unknown): boolean {
  if (typeof start !== 'string' || typeof end !== 'string') return true
  const n = Math.min(start.length, end.length)
  return start.slice(0, n) <= end.slice(0, n)
}

/**
 * Program dan quick win of the smart-city masterplan: per dimension, with the office in charge,
 * budget source, status, timeline and milestones. The dimension decides which team edits it.
 */
export const programme = defineEntity({
  module: 'governance',
  name: 'programme',
  table: 'governance_programmes',
  idPrefix: 'prg',
  title: label('Program dan quick win', 'Programmes and quick wins'),
  noun: label('program', 'programmes'),
  fields,
  order: { field: 'createdAt', direction: 'asc' },
  api: { path: '/governance/programmes', tag: 'Smart-city governance', schema: 'GovernanceProgramme' },
  // Each dimension's team edits its own (ADR 0117).
  dimensionField: 'dimension',
  derived: {
    schema: { progress: progressSchema },
    of: (values: Values) => ({ progress: progressOf((values.milestones as Milestone[] | undefined) ?? []) }),
  },
  rules: [
    { field: 'ends', message: 'must not be before starts', holds: (v: Values) => endsAfterStart(v.starts, v.ends) },
    {
      field: 'milestones',
      message: 'a milestone with a done date must be marked done',
      holds: (v: Values) =>
        !Array.isArray(v.milestones) || (v.milestones as Milestone[]).every((m) => m.done || !m.doneOn),
    },
  ],
})

export type Programme = EntityRecord<typeof fields, { progress: ReturnType<typeof progressOf> }>
