import { DIMENSION_IDS, type DimensionId, type LocalizedText, type TenantContext } from '@cerdas/core'
import { everyRecord } from './every-record'
import { BODY_ROLES, type Body, type BodyRole, type Member, member } from './member'
import { type Regulation, regulation } from './regulation'
import { TEAM_ROLES, type TeamMember, type TeamRole, teamMember } from './team-member'
import { termHolds, todayOf } from './today'

/** A regulation as the public sees it in force, with its validity. */
export interface RegulationInForce {
  id: string
  kind: Regulation['kind']
  number: string | null
  title: LocalizedText
  signedOn: string | null
  validFrom: string
  validUntil: string | null
  url: string | null
  verified: boolean
}

const inForce = (r: Regulation): RegulationInForce => ({
  id: r.id,
  kind: r.kind,
  number: r.number,
  title: r.title,
  signedOn: r.signedOn,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  url: r.url,
  verified: r.verification.verified,
})

/** Every regulation establishing a body, newest validity first. */
export async function regulationsOf(ctx: TenantContext, body: Body): Promise<RegulationInForce[]> {
  const all = await everyRecord((cursor) => regulation.list(ctx, { limit: 100, cursor }))
  return all.filter((r) => r.establishes.includes(body)).map(inForce)
}

/** Whether a regulation is in force on a date (valid until that day included). */
const holdsOn = (r: RegulationInForce, date: string) =>
  r.validFrom <= date && (r.validUntil === null || r.validUntil >= date)

/**
 * The regulation in force for the council and for the implementation team (the one valid most
 * recently), each null when none is recorded as in force on the date (today by default).
 */
export async function currentRegulations(
  ctx: TenantContext,
  options: { at?: Date } = {},
): Promise<Record<Body, RegulationInForce | null>> {
  const date = todayOf(ctx, options.at ?? ctx.now())
  const pick = async (body: Body) => (await regulationsOf(ctx, body)).find((r) => holdsOn(r, date)) ?? null
  return { council: await pick('council'), team: await pick('team') }
}

/** A seat as the public sees it: position and institution, the name only where flagged public. */
export interface PublicSeat {
  id: string
  body: Body
  role: BodyRole
  position: LocalizedText
  institution: string | null
  officeId: string | null
  name: string | null
  regulationId: string | null
  startsOn: string | null
  endsOn: string | null
  verified: boolean
}

const seatOf = (m: Member): PublicSeat => ({
  id: m.id,
  body: m.body,
  role: m.role,
  position: m.position,
  institution: m.institution,
  officeId: m.officeId,
  name: m.publicName,
  regulationId: m.regulationId,
  startsOn: m.startsOn,
  endsOn: m.endsOn,
  verified: m.verification.verified,
})

const byRole = (a: PublicSeat, b: PublicSeat) =>
  BODY_ROLES.indexOf(a.role) - BODY_ROLES.indexOf(b.role) || a.position.id.localeCompare(b.position.id, 'id')

/**
 * The seats of the council or the implementation team held on a date (today by default), chair
 * first, then vice chair, secretary and members; public fields only.
 */
export async function bodyMembers(ctx: TenantContext, body: Body, options: { at?: Date } = {}): Promise<PublicSeat[]> {
  const date = todayOf(ctx, options.at ?? ctx.now())
  const all = await everyRecord((cursor) => member.list(ctx, { limit: 100, cursor, body }))
  return all
    .filter((m) => termHolds(m, date))
    .map(seatOf)
    .sort(byRole)
}

/** The seats of a body that have ended by a date (today by default): its history, latest end first. */
export async function formerBodyMembers(
  ctx: TenantContext,
  body: Body,
  options: { at?: Date } = {},
): Promise<PublicSeat[]> {
  const date = todayOf(ctx, options.at ?? ctx.now())
  const all = await everyRecord((cursor) => member.list(ctx, { limit: 100, cursor, body }))
  return all
    .filter((m) => m.endsOn !== null && m.endsOn <= date)
    .map(seatOf)
    .sort((a, b) => (b.endsOn ?? '').localeCompare(a.endsOn ?? '') || byRole(a, b))
}

/** A member of a dimension team as the public sees it: never an account, an email or a private name. */
export interface PublicTeamMember {
  teamRole: TeamRole
  position: LocalizedText | null
  institution: string | null
  name: string | null
}

/** The six dimension teams with their members today (leads first), every dimension listed. */
export async function dimensionTeams(
  ctx: TenantContext,
  options: { at?: Date } = {},
): Promise<{ dimension: DimensionId; members: PublicTeamMember[] }[]> {
  const date = todayOf(ctx, options.at ?? ctx.now())
  const all: TeamMember[] = await everyRecord((cursor) => teamMember.list(ctx, { limit: 100, cursor }))
  return DIMENSION_IDS.map((dimension) => ({
    dimension,
    members: all
      .filter((m) => m.dimension === dimension && termHolds(m, date))
      .sort((a, b) => TEAM_ROLES.indexOf(a.teamRole) - TEAM_ROLES.indexOf(b.teamRole))
      .map((m) => ({ teamRole: m.teamRole, position: m.position, institution: m.institution, name: m.publicName })),
  }))
}
