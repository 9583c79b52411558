import {
  type AnyModule,
  DIMENSION_IDS,
  type DimensionId,
  type Grant,
  type PermissionEntry,
  problemType,
  ROLE_IDS,
} from '@cerdas/core'
import { expectProblem, TEST_OPERATOR_TOKEN, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { expect } from 'vitest'
import { type ApiFixtures, labelOf, type OwnerKind } from './fixtures'
import type { DocumentedOperation } from './openapi'

/**
 * The cells of the generated permission matrix (apps/api/test/permissions-matrix.test.ts): who
 * calls, what the manifest says they may do, and what one call must show. Shared with the test
 * that runs the matrix for a module no template enables (new-module-matrices.test.ts).
 */
export interface Caller {
  name: string
  grant: Grant
}

/** Every role, unlimited and limited to each dimension: the same callers for every route. */
export const CALLERS: Caller[] = ROLE_IDS.flatMap((role) =>
  [null, ...DIMENSION_IDS].map((dimension: DimensionId | null) => ({
    name: dimension ? `${role}:${dimension}` : role,
    grant: { role, dimension },
  })),
)

/** Platform permissions whose answers are narrowed to the grant's dimension, so dimension teams hold them. */
export const OPEN_TO_DIMENSION_TEAMS = new Set(['cerdas.console:read', 'cerdas.audit:read', 'cerdas.photos:upload'])

/**
 * The rule restated from the manifest, independently of `hasPermission`, so
 * that a broken `hasPermission` (which the server itself uses) cannot make
 * the matrix agree with it. An admin grant counts as every role; a grant
 * limited to a dimension acts only on that dimension's modules, and for a
 * permission that follows the owner (a schedule's) on records owned by that
 * dimension's modules: `ownerDimension` is the dimension of the requests' owner.
 */
export function manifestAllows(grant: Grant, entry: PermissionEntry, ownerDimension?: string): boolean {
  if (entry.followsOwner && ownerDimension === undefined)
    throw new Error(`${entry.key} follows the owner: the cell needs the dimension of the requests' owner`)
  if (grant.role !== 'admin' && !entry.roles.includes(grant.role)) return false
  if (grant.dimension === null) return true
  // Regulations and team memberships are the whole tenant's: no team's own admin writes them.
  if (entry.unlimitedOnly) return false
  if (entry.dimension === null) return OPEN_TO_DIMENSION_TEAMS.has(entry.key)
  return grant.dimension === (entry.followsOwner ? ownerDimension : entry.dimension)
}

/**
 * The owner kinds a route whose permission follows the owner is run with: for each dimension with
 * modules, the first module (by id) of that dimension with an entity other modules' records can
 * belong to and the API creates, so every team's side of the rule has cells. A route of records
 * that name their team (`dimensionField`, ADR 0117) runs once per dimension, its requests naming it.
 */
export function ownerKindsOf(modules: readonly AnyModule[], entry: PermissionEntry): OwnerKind[] {
  const declaring = modules
    .find((m) => m.id === entry.module)
    ?.entities?.find((e) => Object.keys(e.permissions).includes(entry.key))
  const field = declaring?.declaration.dimensionField
  if (declaring && field)
    return DIMENSION_IDS.map((dimension) => ({
      module: entry.module,
      type: declaring.name,
      collection: `/api/v1${declaring.declaration.api?.path ?? ''}`,
      dimension,
      field,
    }))
  const kinds = new Map<string, OwnerKind>()
  for (const mod of [...modules].sort((a, b) => a.id.localeCompare(b.id))) {
    if (mod.id === entry.module || kinds.has(mod.dimension)) continue
    const entity = (mod.entities ?? []).find(
      (e) =>
        e.declaration.api && !e.declaration.ownerField && (e.declaration.api.routes ?? ['create']).includes('create'),
    )
    if (!entity?.declaration.api || !mod.references?.[entity.name]) continue
    kinds.set(mod.dimension, {
      module: mod.id,
      type: entity.name,
      collection: `/api/v1${entity.declaration.api.path}`,
      dimension: mod.dimension,
    })
  }
  return [...kinds.values()]
}

export async function auditCount(t: TestPlatform, slug: string): Promise<number> {
  const db = await tenantDbOf(t, slug)
  return Number((await db.$client.execute('SELECT COUNT(*) AS n FROM cerdas_audit_log')).rows[0]?.n)
}

/** A well-formed request for the route on a fresh record (made before the audit count is taken). */
async function prepare(api: ApiFixtures, op: DocumentedOperation) {
  const request = await api.wellFormed(op, { fresh: true })
  return (token: string | null) =>
    api.t.request(api.host, request.path, { method: op.method.toUpperCase(), token, body: request.body })
}

/** The 404 a route answers on a tenant without its module, told as such. */
async function expectNoModuleMissing(api: ApiFixtures, op: DocumentedOperation, res: Response) {
  if (res.status === 404) await api.explainModulesNotEnabled(labelOf(op), await res.clone().text())
}

/** One cell: an allowed caller gets a 2xx (and a write leaves an audit entry); a refused one a 403 that changes nothing. */
export async function expectCell(
  api: ApiFixtures,
  op: DocumentedOperation,
  caller: Caller,
  allowed: boolean,
  token: string,
): Promise<void> {
  const send = await prepare(api, op)
  const before = await auditCount(api.t, api.slug)
  const res = await send(token)
  const label = `${labelOf(op)} as ${caller.name}`
  if (allowed) {
    await expectNoModuleMissing(api, op, res)
    expect(res.status, `${label}: ${await res.clone().text()}`).toBeGreaterThanOrEqual(200)
    expect(res.status, `${label}: ${await res.clone().text()}`).toBeLessThan(300)
    // Every allowed write leaves its trace in the audit log.
    if (op.isWrite) expect(await auditCount(api.t, api.slug), label).toBeGreaterThan(before)
  } else {
    await expectProblem(res, 403, problemType('forbidden'))
    expect(await auditCount(api.t, api.slug), 'a refused write changes nothing').toBe(before)
  }
}

/** A caller without credentials is refused with 401 and nothing changes. */
export async function expectAnonymousRefused(api: ApiFixtures, op: DocumentedOperation): Promise<void> {
  const send = await prepare(api, op)
  const before = await auditCount(api.t, api.slug)
  const res = await send(null)
  await expectNoModuleMissing(api, op, res)
  await expectProblem(res, 401, problemType('unauthorized'))
  expect(await auditCount(api.t, api.slug)).toBe(before)
}

/** Another tenant's admin token on this tenant's host is refused with 401, while this tenant's own works. */
export async function expectForeignTokenRefused(
  api: ApiFixtures,
  op: DocumentedOperation,
  foreignToken: string,
): Promise<void> {
  const send = await prepare(api, op)
  const before = await auditCount(api.t, api.slug)
  const foreign = await send(foreignToken)
  await expectNoModuleMissing(api, op, foreign)
  await expectProblem(foreign, 401, problemType('unauthorized'))
  expect(await auditCount(api.t, api.slug)).toBe(before)
  // The tenant's own operator-made request is accepted, so the 401 is about the token.
  const own = await send(TEST_OPERATOR_TOKEN)
  await expectNoModuleMissing(api, op, own)
  expect(own.status, await own.clone().text()).toBeLessThan(300)
}
