import { defineEntity, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { officeOptions } from '@cerdas/module-directory'
import { label } from './labels'
import { localDate, notAfter, wallTime } from './programme-fields'

export const AGENDA_KINDS = ['council_meeting', 'bimtek', 'team_meeting', 'other'] as const
export type AgendaKind = (typeof AGENDA_KINDS)[number]
export const AGENDA_KIND_LABELS: Record<AgendaKind, LocalizedText> = {
  council_meeting: label('Rapat dewan smart city', 'Smart-city council meeting'),
  bimtek: label('Bimbingan teknis (bimtek)', 'Technical coaching (bimtek)'),
  team_meeting: label('Rapat tim pelaksana', 'Implementation team meeting'),
  other: label('Kegiatan lain', 'Other'),
}

const fields = {
  kind: field.enum(AGENDA_KINDS, AGENDA_KIND_LABELS, {
    label: label('Jenis kegiatan', 'Kind'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  title: field.localizedText({ label: label('Judul', 'Title'), required: true, max: 300, search: 'title' }),
  startDate: field.date({
    label: label('Tanggal mulai', 'Start date'),
    required: true,
    listed: true,
    input: localDate('2021-06-28'),
    section: label('Waktu dan tempat', 'Date and place'),
  }),
  endDate: field.date({
    label: label('Tanggal selesai', 'End date'),
    input: localDate('2021-06-29'),
    help: label('Untuk kegiatan beberapa hari; kosongkan bila satu hari.', 'For several days; empty for one day.'),
  }),
  startTime: field.text({
    label: label('Jam mulai', 'Start time'),
    input: wallTime,
    help: label(
      'Waktu setempat, JJ:MM. Kosongkan bila sepanjang hari atau belum diketahui.',
      'Local time, HH:MM. Empty for all day or not known.',
    ),
  }),
  endTime: field.text({ label: label('Jam selesai', 'End time'), input: wallTime }),
  placeOffice: field.reference({
    label: label('Di kantor pemerintah', 'At a government office'),
    target: 'directory.office',
    options: officeOptions,
  }),
  place: field.text({
    label: label('Tempat', 'Place'),
    max: 300,
    search: 'keywords',
    help: label(
      'Nama gedung dan alamat, bila bukan kantor terdaftar.',
      'Building and address, if not a listed office.',
    ),
  }),
  participants: field.lines({
    label: label('Instansi peserta', "Participants' institutions"),
    max: 200,
    maxValue: 100,
    section: label('Peserta dan bahan', 'Participants and materials'),
  }),
  materials: field.list({
    label: label('Bahan', 'Materials'),
    rowLabel: label('Bahan', 'Material'),
    maxValue: 30,
    of: {
      title: field.localizedText({ label: label('Judul bahan', 'Title'), required: true, max: 300 }),
      url: field.url({ label: label('Tautan', 'Link'), required: true }),
    },
  }),
  summary: field.localizedText({ label: label('Ringkasan hasil', 'Summary'), max: 5000, long: true, search: 'body' }),
  sourceNote: field.longText({ label: label('Sumber data', 'Data source'), max: 1000, vouched: false }),
}

type Values = Record<string, unknown>
const given = (v: unknown) => v !== undefined && v !== null

/**
 * Agenda of the smart-city programme: council and team meetings, technical coaching (bimtek).
 * Dates and times are local to the tenant's zone; an entry without a start time lasts all day.
 * Kept by the governance team.
 */
export const agenda = defineEntity({
  module: 'governance',
  name: 'agenda',
  table: 'governance_agenda',
  idPrefix: 'agd',
  title: label('Agenda kota cerdas', 'Smart-city agenda'),
  noun: label('agenda', 'agenda entries'),
  fields,
  order: { field: 'startDate', direction: 'asc' },
  api: {
    path: '/governance/agenda',
    tag: 'Smart-city governance',
    schema: 'GovernanceAgendaEntry',
    // The list (entries in a window) and the calendar feeds are written by hand.
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  rules: [
    {
      field: 'endDate',
      message: 'must not be before startDate',
      holds: (v: Values) => notAfter(v.startDate, v.endDate),
    },
    {
      field: 'endTime',
      message: 'needs a startTime, and on a one-day entry must be after it',
      holds: (v: Values) => {
        if (!given(v.endTime)) return true
        if (typeof v.startTime !== 'string') return v.startTime === undefined && typeof v.startDate !== 'string'
        if (typeof v.startDate !== 'string') return true
        const oneDay = typeof v.endDate !== 'string' || v.endDate === v.startDate
        return !oneDay || (v.endTime as string) > v.startTime
      },
    },
  ],
})

export type AgendaEntry = EntityRecord<typeof fields>
