import { defineEntity, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { officeOptions } from '@cerdas/module-directory'
import { z } from '@hono/zod-openapi'
import { label } from './labels'

/** The two bodies a regent regulation sets up. */
export const BODIES = ['council', 'team'] as const
export type Body = (typeof BODIES)[number]

export const BODY_LABELS: Record<Body, LocalizedText> = {
  council: label('Dewan smart city', 'Smart-city council'),
  team: label('Tim pelaksana', 'Implementation team'),
}

/** Roles in a body, in the order lists show them. */
export const BODY_ROLES = ['chair', 'vice_chair', 'secretary', 'member'] as const
export type BodyRole = (typeof BODY_ROLES)[number]

export const BODY_ROLE_LABELS: Record<BodyRole, LocalizedText> = {
  chair: label('Ketua', 'Chair'),
  vice_chair: label('Wakil ketua', 'Vice chair'),
  secretary: label('Sekretaris', 'Secretary'),
  member: label('Anggota', 'Member'),
}

const fields = {
  body: field.enum(BODIES, BODY_LABELS, {
    label: label('Badan', 'Body'),
    required: true,
    filterable: true,
    listed: true,
  }),
  role: field.enum(BODY_ROLES, BODY_ROLE_LABELS, {
    label: label('Peran', 'Role'),
    required: true,
    filterable: true,
    listed: true,
  }),
  position: field.localizedText({
    label: label('Jabatan', 'Position'),
    required: true,
    max: 300,
    listed: true,
    help: label('Misalnya "Kepala Dinas Komunikasi dan Informatika".', 'E.g. "Head of the communications office".'),
  }),
  institution: field.text({ label: label('Instansi', 'Institution'), max: 300, listed: true }),
  officeId: field.reference({
    label: label('Kantor di direktori', 'Office in the directory'),
    target: 'directory.office',
    stores: 'id',
    input: z.string().trim().min(1).max(64).openapi({ description: 'Office in the directory: id or slug' }),
    options: officeOptions,
  }),
  personName: field.text({
    label: label('Nama pejabat', "Person's name"),
    max: 200,
    private: true,
    section: label('Orang', 'Person'),
    help: label('Hanya tampil untuk publik bila dicentang di bawah.', 'Shown to the public only when ticked below.'),
  }),
  namePublic: field.boolean({ label: label('Nama boleh dipublikasikan', 'Name may be published') }),
  regulationId: field.reference({
    label: label('Ditetapkan oleh peraturan', 'Set by regulation'),
    target: 'governance.regulation',
    stores: 'id',
    section: label('Masa keanggotaan', 'Term'),
  }),
  startsOn: field.date({ label: label('Mulai', 'From') }),
  endsOn: field.date({
    label: label('Berakhir', 'Until'),
    help: label(
      'Isi saat peraturan baru menggantikannya: riwayatnya tetap tersimpan.',
      'Fill in when a new regulation replaces it: the history stays.',
    ),
  }),
  sourceNote: field.longText({
    label: label('Sumber data', 'Data source'),
    max: 2000,
    vouched: false,
  }),
}

/**
 * A seat on the smart-city council (dewan) or implementation team (tim pelaksana), by position and
 * institution; the person's name is private unless flagged public. Ended seats stay as history.
 */
export const member = defineEntity({
  module: 'governance',
  name: 'member',
  table: 'governance_members',
  idPrefix: 'gvm',
  title: label('Anggota dewan dan tim pelaksana', 'Council and implementation team members'),
  noun: label('anggota', 'members'),
  fields,
  order: { field: 'createdAt', direction: 'asc' },
  api: { path: '/governance/members', tag: 'Smart-city governance', schema: 'GovernanceMember' },
  publicUrl: () => '/kota-cerdas',
  roles: { create: ['admin'], update: ['admin'], delete: ['admin'], verify: ['admin'] },
  unlimitedOnly: true,
  derived: {
    schema: { publicName: z.string().nullable() },
    // The name goes out only where the tenant says it is public.
    of: (values) => ({
      publicName: values.namePublic === true ? ((values.personName as string | null) ?? null) : null,
    }),
  },
})

export type Member = EntityRecord<typeof fields, { publicName: string | null }>
