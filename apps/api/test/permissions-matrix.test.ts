import {
  DIMENSION_IDS,
  type DimensionId,
  type Grant,
  hasPermission,
  type PermissionEntry,
  permissionCatalog,
  problemType,
  ROLE_IDS,
} from '@cerdas/core'
import {
  createTestPlatform,
  createTestToken,
  expectProblem,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures, labelOf } from './support/fixtures'
import { type DocumentedOperation, fetchOpenApi, operationsOf } from './support/openapi'

/**
 * The permission matrix, generated: every guarded route of the OpenAPI
 * document (x-permission) × every kind of caller, expected to be allowed or
 * refused exactly as the permission catalogue (platform + module manifests)
 * says. Callers are real tenant API tokens.
 */
const A = 'toba'
const B = 'samosir'
const HOST_A = `${A}.localhost`
const HOST_B = `${B}.localhost`
const FORBIDDEN = problemType('forbidden')
const UNAUTHORIZED = problemType('unauthorized')

interface Caller {
  name: string
  grant: Grant
}

/** Every role, unlimited and limited to each dimension: the same callers for every route. */
const CALLERS: Caller[] = ROLE_IDS.flatMap((role) =>
  [null, ...DIMENSION_IDS].map((dimension: DimensionId | null) => ({
    name: dimension ? `${role}:${dimension}` : role,
    grant: { role, dimension },
  })),
)

/** Platform permissions whose answers are narrowed to the grant's dimension, so dimension teams hold them. */
const OPEN_TO_DIMENSION_TEAMS = new Set(['cerdas.console:read', 'cerdas.audit:read'])

/**
 * The rule restated from the manifest, independently of `hasPermission`, so
 * that a broken `hasPermission` (which the server itself uses) cannot make
 * the matrix agree with it. An admin grant counts as every role; a grant
 * limited to a dimension acts only on that dimension's modules.
 */
function manifestAllows(grant: Grant, entry: PermissionEntry): boolean {
  if (grant.role !== 'admin' && !entry.roles.includes(grant.role)) return false
  if (grant.dimension === null) return true
  if (entry.dimension === null) return OPEN_TO_DIMENSION_TEAMS.has(entry.key)
  return grant.dimension === entry.dimension
}

// The document and the catalogue are read at collection time so each route and caller is its own test.
const collected = await (async () => {
  const platform = await createTestPlatform()
  try {
    await platform.createTenant('matrix')
    const doc = await fetchOpenApi(platform, 'matrix.localhost')
    return {
      guarded: operationsOf(doc).filter((op) => op.permission),
      catalog: permissionCatalog(platform.platform.modules),
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
const cells = guarded.flatMap((op) =>
  CALLERS.map((caller) => ({ op, caller, allowed: manifestAllows(caller.grant, entryOf(op)) })),
)

let t: TestPlatform
let apiA: ApiFixtures
let apiB: ApiFixtures
/** Bearer secrets of tenant A's tokens, by caller name. */
const tokens = new Map<string, string>()

async function auditCount(slug: string): Promise<number> {
  const db = await tenantDbOf(t, slug)
  return Number((await db.$client.execute('SELECT COUNT(*) AS n FROM cerdas_audit_log')).rows[0]?.n)
}

async function send(
  host: string,
  op: DocumentedOperation,
  request: { path: string; body?: string | undefined },
  token: string | null,
) {
  return t.request(host, request.path, { method: op.method.toUpperCase(), token, body: request.body })
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant(A)
  await t.createTenant(B)
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

  it('agrees with hasPermission for every cell', () => {
    for (const { op, caller, allowed } of cells) {
      expect(hasPermission([caller.grant], entryOf(op)), `${labelOf(op)} as ${caller.name}`).toBe(allowed)
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

describe.each(guarded.map((op) => [labelOf(op), op] as const))('%s', (_name, op) => {
  const entry = entryOf(op)

  it.each(
    CALLERS.map(
      (caller) => [caller.name, manifestAllows(caller.grant, entry) ? 'allowed' : 'refused 403', caller] as const,
    ),
  )('as %s: %s', async (_caller, verdict, caller) => {
    const request = await apiA.wellFormed(op, { fresh: true })
    const before = await auditCount(A)
    const res = await send(HOST_A, op, request, tokens.get(caller.name) as string)
    if (verdict === 'allowed') {
      expect(res.status, `${labelOf(op)} as ${caller.name}: ${await res.clone().text()}`).toBeGreaterThanOrEqual(200)
      expect(res.status, `${labelOf(op)} as ${caller.name}: ${await res.clone().text()}`).toBeLessThan(300)
      // Every allowed write leaves its trace in the audit log.
      if (op.isWrite) expect(await auditCount(A)).toBeGreaterThan(before)
    } else {
      await expectProblem(res, 403, FORBIDDEN)
      expect(await auditCount(A), 'a refused write changes nothing').toBe(before)
    }
  })

  it('refuses a caller without credentials with 401', async () => {
    const request = await apiA.wellFormed(op, { fresh: true })
    const before = await auditCount(A)
    await expectProblem(await send(HOST_A, op, request, null), 401, UNAUTHORIZED)
    expect(await auditCount(A)).toBe(before)
  })

  it("refuses tenant A's admin token on tenant B's host with 401", async () => {
    const request = await apiB.wellFormed(op, { fresh: true })
    const before = await auditCount(B)
    await expectProblem(await send(HOST_B, op, request, tokens.get('admin') as string), 401, UNAUTHORIZED)
    expect(await auditCount(B)).toBe(before)
    // B's own operator-made request is accepted, so the 401 is about the token.
    const own = await send(HOST_B, op, request, TEST_OPERATOR_TOKEN)
    expect(own.status, await own.clone().text()).toBeLessThan(300)
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
      await expectProblem(await send(HOST_A, op, request, secret), 401, UNAUTHORIZED)
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
      await expectProblem(await send(HOST_A, op, request, expired.secret), 401, UNAUTHORIZED)
    }
  })

  it('a token of tenant A is unknown on tenant B even for reads that need no permission', async () => {
    const { secret } = await createTestToken(t, A, [{ role: 'admin', dimension: null }])
    await expectProblem(await me(secret, HOST_B), 401, UNAUTHORIZED)
    expect((await me(secret, HOST_A)).status).toBe(200)
  })
})
