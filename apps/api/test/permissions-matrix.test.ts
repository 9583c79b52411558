import {
  DIMENSION_IDS,
  type DimensionId,
  hasPermission,
  type PermissionEntry,
  permissionCatalog,
  problemType,
  ROLE_IDS,
} from '@cerdas/core'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  expectProblem,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures, labelOf, type OwnerKind } from './support/fixtures'
import { type DocumentedOperation, fetchOpenApi, generallyTested, operationsOf } from './support/openapi'
import {
  CALLERS,
  expectAnonymousRefused,
  expectCell,
  expectForeignTokenRefused,
  manifestAllows,
  OPEN_TO_DIMENSION_TEAMS,
  ownerKindsOf,
} from './support/permission-matrix'

/**
 * The permission matrix, generated: every guarded route of the OpenAPI
 * document (x-permission) × every kind of caller, expected to be allowed or
 * refused exactly as the permission catalogue (platform + module manifests)
 * says. Callers are real tenant API tokens. The tenants enable every
 * registered module, whether or not their template does.
 */
const A = 'toba'
const B = 'samosir'
const HOST_A = `${A}.localhost`
const HOST_B = `${B}.localhost`
const UNAUTHORIZED = problemType('unauthorized')

// The document and the catalogue are read at collection time so each route and caller is its own test.
const collected = await (async () => {
  const platform = await createTestPlatform()
  try {
    await platform.createTenant('matrix')
    const doc = await fetchOpenApi(platform, 'matrix.localhost')
    return {
      guarded: generallyTested(operationsOf(doc)).filter((op) => op.permission),
      catalog: permissionCatalog(platform.platform.modules),
      modules: platform.platform.modules,
    }
  } finally {
    platform.close()
  }
})()
const catalog = new Map(collected.catalog.map((p) => [p.key, p]))
const guarded = collected.guarded
const entryOf = (op: DocumentedOperation): PermissionEntry => {
  const entry = catalog.get(op.permission as string)
  if (!entry) throw new Error(`${labelOf(op)} names ${op.permission}, which no manifest declares`)
  return entry
}
/**
 * The owners a route's requests name: one kind per dimension with modules when its permission
 * follows the owner (a schedule's, ADR 0110), else the fixtures' usual (unused by the rule).
 */
const ownersOf = (op: DocumentedOperation): (OwnerKind | undefined)[] =>
  entryOf(op).followsOwner ? ownerKindsOf(collected.modules, entryOf(op)) : [undefined]
const runs = guarded.flatMap((op) => ownersOf(op).map((owner) => ({ op, owner })))
const cells = runs.flatMap(({ op, owner }) =>
  CALLERS.map((caller) => ({
    op,
    owner,
    caller,
    allowed: manifestAllows(caller.grant, entryOf(op), owner?.dimension),
  })),
)

let t: TestPlatform
let apiA: ApiFixtures
const withOwners = new Map<string, ApiFixtures>()
/** Tenant A's fixtures naming records of the owner kind as owners; one per kind, so each makes its owner once. */
function apiOwnedBy(owner: OwnerKind | undefined): ApiFixtures {
  if (!owner) return apiA
  const key = `${owner.module}.${owner.type}.${owner.dimension}`
  let api = withOwners.get(key)
  if (!api) {
    api = apiA.withOwner(owner)
    withOwners.set(key, api)
  }
  return api
}
let apiB: ApiFixtures
/** Bearer secrets of tenant A's tokens, by caller name. */
const tokens = new Map<string, string>()

async function send(
  op: DocumentedOperation,
  request: { path: string; body?: string | FormData | Blob | undefined },
  token: string,
) {
  return t.request(HOST_A, request.path, { method: op.method.toUpperCase(), token, body: request.body })
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, A)
  await createTenantWithEveryModule(t, B)
  const doc = await fetchOpenApi(t, HOST_A)
  apiA = new ApiFixtures(t, A, doc)
  apiB = new ApiFixtures(t, B, doc)
  for (const { caller } of cells) {
    if (!tokens.has(caller.name)) tokens.set(caller.name, (await createTestToken(t, A, [caller.grant])).secret)
  }
})
afterAll(() => t?.close())

describe('the matrix itself', () => {
  it('covers every guarded route, with both allowed and refused cells, and dimensions that matter', () => {
    expect(guarded.length).toBeGreaterThanOrEqual(8)
    expect(guarded.some((op) => op.isWrite)).toBe(true)
    expect(cells.some((c) => c.allowed && c.caller.grant.role !== 'admin')).toBe(true)
    expect(cells.some((c) => !c.allowed)).toBe(true)
    // Somewhere an editor of the module's dimension may, and an editor of another may not.
    const byRoute = new Map<DocumentedOperation, typeof cells>()
    for (const c of cells) byRoute.set(c.op, [...(byRoute.get(c.op) ?? []), c])
    const editors = (row: typeof cells) =>
      row.filter((c) => c.caller.grant.role === 'editor' && c.caller.grant.dimension)
    expect(
      [...byRoute.values()].some((row) => editors(row).some((c) => c.allowed) && editors(row).some((c) => !c.allowed)),
      'a route where the editor dimension decides',
    ).toBe(true)
    expect(CALLERS).toHaveLength(ROLE_IDS.length * (DIMENSION_IDS.length + 1))
  })

  it("runs the routes whose permission follows the owner with owners of several teams, each team's editor allowed only its own", () => {
    const following = runs.filter((r) => r.owner)
    expect(following.length, 'schedules follow their owner').toBeGreaterThan(0)
    const dimensions = new Set(following.map((r) => r.owner?.dimension))
    expect(dimensions.size, 'owners of more than one dimension').toBeGreaterThanOrEqual(3)
    for (const { op, owner } of following.filter((r) => entryOf(r.op).roles.includes('editor'))) {
      const editors = cells.filter(
        (c) => c.op === op && c.owner === owner && c.caller.grant.role === 'editor' && c.caller.grant.dimension,
      )
      expect(
        editors.filter((c) => c.allowed).map((c) => c.caller.grant.dimension),
        `${labelOf(op)} owned in ${owner?.module}`,
      ).toEqual([owner?.dimension])
    }
  })

  it('agrees with hasPermission for every cell, given the owner', () => {
    for (const { op, owner, caller, allowed } of cells) {
      const dimension = owner?.dimension as DimensionId | undefined
      expect(hasPermission([caller.grant], entryOf(op), dimension), `${labelOf(op)} as ${caller.name}`).toBe(allowed)
    }
  })

  it('lets the route guard through exactly the grants some owner allows', () => {
    for (const op of guarded.filter((o) => entryOf(o).followsOwner)) {
      for (const caller of CALLERS) {
        const someOwner = ownersOf(op).some((owner) => manifestAllows(caller.grant, entryOf(op), owner?.dimension))
        expect(hasPermission([caller.grant], entryOf(op)), `${labelOf(op)} as ${caller.name}`).toBe(someOwner)
      }
    }
  })

  it('lets an unlimited admin do everything and nobody else delete announcements or manage users and tokens', () => {
    for (const key of ['announcements.announcement:delete', 'cerdas.users:manage', 'cerdas.tokens:manage']) {
      const entry = catalog.get(key)
      expect(entry, key).toBeDefined()
      for (const caller of CALLERS) {
        const limitedToOwnModule =
          caller.grant.role === 'admin' && caller.grant.dimension === (entry as PermissionEntry).dimension
        expect(manifestAllows(caller.grant, entry as PermissionEntry), `${key} ${caller.name}`).toBe(
          caller.name === 'admin' || limitedToOwnModule,
        )
      }
    }
  })

  it('gives no grant limited to a dimension a platform permission beyond the console and its own audit entries', () => {
    for (const entry of collected.catalog.filter((p) => p.module === 'cerdas')) {
      for (const caller of CALLERS.filter((c) => c.grant.dimension !== null)) {
        expect(hasPermission([caller.grant], entry), `${entry.key} as ${caller.name}`).toBe(
          OPEN_TO_DIMENSION_TEAMS.has(entry.key) &&
            (caller.grant.role === 'admin' || entry.roles.includes(caller.grant.role)),
        )
      }
    }
  })
})

const runName = (r: (typeof runs)[number]) =>
  r.owner ? `${labelOf(r.op)} owned by ${r.owner.module}.${r.owner.type} (${r.owner.dimension})` : labelOf(r.op)

describe.each(runs.map((r) => [runName(r), r] as const))('%s', (_name, { op, owner }) => {
  const entry = entryOf(op)

  it.each(
    CALLERS.map(
      (caller) =>
        [
          caller.name,
          manifestAllows(caller.grant, entry, owner?.dimension) ? 'allowed' : 'refused 403',
          caller,
        ] as const,
    ),
  )('as %s: %s', async (_caller, verdict, caller) => {
    await expectCell(apiOwnedBy(owner), op, caller, verdict === 'allowed', tokens.get(caller.name) as string)
  })

  it('refuses a caller without credentials with 401', async () => {
    await expectAnonymousRefused(apiOwnedBy(owner), op)
  })

  it("refuses tenant A's admin token on tenant B's host with 401", async () => {
    await expectForeignTokenRefused(owner ? apiB.withOwner(owner) : apiB, op, tokens.get('admin') as string)
  })
})

describe('tokens that are no longer valid', () => {
  const me = (token: string, host = HOST_A) => t.request(host, '/api/v1/auth/me', { token })

  it('a revoked token is refused with 401 on every guarded route', async () => {
    const { id, secret } = await createTestToken(t, A, [{ role: 'admin', dimension: null }])
    const ok = (await (await me(secret)).json()) as { actor: { kind: string; id: string } }
    expect(ok.actor).toMatchObject({ kind: 'token', id })
    const revoke = await t.request(HOST_A, `/api/v1/tokens/${id}`, { method: 'DELETE', token: TEST_OPERATOR_TOKEN })
    expect(revoke.status).toBe(200)
    expect(((await revoke.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull()
    await expectProblem(await me(secret), 401, UNAUTHORIZED)
    for (const op of guarded) {
      const request = await apiA.wellFormed(op, { fresh: true })
      await expectProblem(await send(op, request, secret), 401, UNAUTHORIZED)
    }
  })

  it('an expired token is refused with 401 on every guarded route; one expiring later still works', async () => {
    const expired = await createTestToken(t, A, [{ role: 'admin', dimension: null }], {
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    })
    const later = await createTestToken(t, A, [{ role: 'admin', dimension: null }], {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    expect(((await (await me(later.secret)).json()) as { actor: { id: string } }).actor.id).toBe(later.id)
    await expectProblem(await me(expired.secret), 401, UNAUTHORIZED)
    for (const op of guarded) {
      const request = await apiA.wellFormed(op, { fresh: true })
      await expectProblem(await send(op, request, expired.secret), 401, UNAUTHORIZED)
    }
  })

  it('a token of tenant A is unknown on tenant B even for reads that need no permission', async () => {
    const { secret } = await createTestToken(t, A, [{ role: 'admin', dimension: null }])
    await expectProblem(await me(secret, HOST_B), 401, UNAUTHORIZED)
    expect((await me(secret, HOST_A)).status).toBe(200)
  })
})
