import {
  DIMENSION_IDS,
  DIMENSIONS,
  type DimensionId,
  defineEntity,
  type EntityRecord,
  type FieldOption,
  field,
  type LocalizedText,
  type TenantContext,
} from '@cerdas/core'
import { listUsers } from '@cerdas/identity'
import { z } from '@hono/zod-openapi'
import { label } from './labels'
import { checkTeamMember, memberUserOf, syncTeamGrants } from './team-grants'

export const TEAM_ROLES = ['lead', 'member'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

export const TEAM_ROLE_LABELS: Record<TeamRole, LocalizedText> = {
  lead: label('Ketua tim', 'Team lead'),
  member: label('Anggota', 'Member'),
}

export const DIMENSION_LABELS = Object.fromEntries(DIMENSIONS.map((d) => [d.id, d.title])) as Record<
  DimensionId,
  LocalizedText
>

/** The tenant's accounts as choices: name and email, for the console only. */
async function userOptions(ctx: TenantContext): Promise<FieldOption[]> {
  return (await listUsers(ctx.db)).map((u) => ({ value: u.id, label: { id: `${u.name} (${u.email})` } }))
}

const fields = {
  dimension: field.enum(DIMENSION_IDS, DIMENSION_LABELS, {
    label: label('Dimensi', 'Dimension'),
    required: true,
    filterable: true,
    listed: true,
  }),
  userId: field.text({
    label: label('Akun pengguna', 'User account'),
    required: true,
    max: 64,
    private: true,
    listed: true,
    options: userOptions,
    help: label(
      'Keanggotaan memberi akun ini peran editor dimensi tersebut; mengakhirinya mencabut peran itu.',
      "Membership gives this account the dimension's editor role; ending it takes the role away.",
    ),
  }),
  teamRole: field.enum(TEAM_ROLES, TEAM_ROLE_LABELS, {
    label: label('Peran di tim', 'Role in team'),
    required: true,
    listed: true,
  }),
  position: field.localizedText({ label: label('Jabatan', 'Position'), max: 300 }),
  institution: field.text({ label: label('Instansi', 'Institution'), max: 300 }),
  personName: field.text({
    label: label('Nama', 'Name'),
    max: 200,
    private: true,
    help: label('Hanya tampil untuk publik bila dicentang di bawah.', 'Shown to the public only when ticked below.'),
  }),
  namePublic: field.boolean({ label: label('Nama boleh dipublikasikan', 'Name may be published') }),
  startsOn: field.date({ label: label('Mulai', 'From') }),
  endsOn: field.date({
    label: label('Berakhir', 'Until'),
    help: label(
      'Sejak tanggal ini peran editor dari tim dicabut.',
      "From this date the team's editor role is taken away.",
    ),
  }),
}

/**
 * A member of one of the six dimension teams: a tenant account, which the membership makes an
 * editor of that dimension's modules while it lasts (see team-grants.ts).
 */
export const teamMember = defineEntity({
  module: 'governance',
  name: 'team_member',
  table: 'governance_team_members',
  idPrefix: 'gtm',
  title: label('Anggota tim dimensi', 'Dimension team members'),
  noun: label('anggota tim', 'team members'),
  fields,
  order: { field: 'createdAt', direction: 'asc' },
  api: { path: '/governance/team-members', tag: 'Smart-city governance', schema: 'GovernanceTeamMember' },
  publicUrl: () => '/kota-cerdas',
  roles: { create: ['admin'], update: ['admin'], delete: ['admin'], verify: ['admin'] },
  // A membership grants roles: a team's own admin must not add members to it.
  unlimitedOnly: true,
  hooks: {
    check: checkTeamMember,
    // The membership, the account's team roles and their audit entries commit together.
    afterWrite: async (ctx, id) => {
      const userId = await memberUserOf(ctx, id)
      if (userId) await syncTeamGrants(ctx, userId)
    },
    beforeDelete: async (ctx, id) => {
      const userId = await memberUserOf(ctx, id)
      if (userId) await syncTeamGrants(ctx, userId, id)
    },
  },
  derived: {
    schema: { publicName: z.string().nullable() },
    of: (values) => ({
      publicName: values.namePublic === true ? ((values.personName as string | null) ?? null) : null,
    }),
  },
})

export type TeamMember = EntityRecord<typeof fields, { publicName: string | null }>
