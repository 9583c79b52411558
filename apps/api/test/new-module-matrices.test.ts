import {
  type ApiKit,
  defineModule,
  type ModuleRouter,
  newId,
  permissionCatalog,
  problem,
  problemResponses,
} from '@cerdas/core'
import { modules as registeredModules } from '@cerdas/registry'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  expectProblem,
  modulesNotEnabled,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { createRoute, z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures } from './support/fixtures'
import { type DocumentedOperation, fetchOpenApi, operationsOf } from './support/openapi'
import {
  CALLERS,
  expectAnonymousRefused,
  expectCell,
  expectForeignTokenRefused,
  manifestAllows,
} from './support/permission-matrix'

/**
 * A module registered after the templates were written (as `cerdas module new` leaves one): no
 * template enables it. The generated matrices create their tenants with every registered module
 * enabled, so its routes are covered from the start, and a tenant that leaves it off makes them
 * fail with a message that says so.
 */
const plant = z.object({ id: z.string(), name: z.string() }).openapi('KebunPlant')

const createPlant = createRoute({
  method: 'post',
  path: '/kebun/plants',
  tags: ['Kebun'],
  summary: 'Add a plant',
  security: [{ bearer: [] }],
  'x-permission': 'kebun.plant:create',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.strictObject({ name: z.string().min(1).max(100) }) } },
    },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: plant } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

const getPlant = createRoute({
  method: 'get',
  path: '/kebun/plants/{id}',
  tags: ['Kebun'],
  summary: 'One plant',
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: { description: 'The plant', content: { 'application/json': { schema: plant } } },
    ...problemResponses(404),
  },
})

const kebun = defineModule({
  id: 'kebun',
  dimension: 'environment',
  title: { id: 'Kebun Kota', en: 'City gardens' },
  schema: {},
  migrations: [
    { id: '0001_create_kebun', statements: ['CREATE TABLE kebun_plants (id TEXT PRIMARY KEY, name TEXT NOT NULL)'] },
  ],
  permissions: { 'kebun.plant:create': { title: { id: 'Menambah tanaman', en: 'Add plants' }, roles: ['editor'] } },
  api: (router: ModuleRouter, kit: ApiKit) => {
    router.openapi(kit.guard(createPlant), async (c) => {
      const row = { id: newId('keb'), name: c.req.valid('json').name }
      await c.var.ctx.transaction(async (tx) => {
        await tx.db.$client.execute({
          sql: 'INSERT INTO kebun_plants (id, name) VALUES (?, ?)',
          args: [row.id, row.name],
        })
        await tx.audit({ action: 'create', entity: 'kebun.plant', entityId: row.id, after: row })
      })
      return c.json(row, 201)
    })
    router.openapi(getPlant, async (c) => {
      const { id } = c.req.valid('param')
      const found = await c.var.ctx.db.$client.execute({
        sql: 'SELECT id, name FROM kebun_plants WHERE id = ?',
        args: [id],
      })
      const row = found.rows[0]
      if (!row) throw problem('notFound', `No plant with id ${id}`)
      return c.json({ id: String(row.id), name: String(row.name) }, 200)
    })
  },
})

const A = 'toba'
const B = 'samosir'
/** Made from the kabupaten template alone, as the matrices made their tenants before. */
const OFF = 'polos'

let t: TestPlatform
let apiA: ApiFixtures
let apiB: ApiFixtures
let apiOff: ApiFixtures
let guardedWrite: DocumentedOperation
const tokens = new Map<string, string>()

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...registeredModules, kebun] })
  await createTenantWithEveryModule(t, A)
  await createTenantWithEveryModule(t, B)
  await t.createTenant(OFF)
  const doc = await fetchOpenApi(t, `${A}.localhost`)
  apiA = new ApiFixtures(t, A, doc)
  apiB = new ApiFixtures(t, B, doc)
  apiOff = new ApiFixtures(t, OFF, doc)
  guardedWrite = operationsOf(doc).find((op) => op.path === '/api/v1/kebun/plants' && op.method === 'post')!
  for (const caller of CALLERS) tokens.set(caller.name, (await createTestToken(t, A, [caller.grant])).secret)
})
afterAll(() => t?.close())

describe('a module no template enables, in the generated matrices', () => {
  it('is off on a tenant from the kabupaten template and on in the matrices’ tenants', async () => {
    expect(await modulesNotEnabled(t, OFF)).toContain('kebun')
    expect(await modulesNotEnabled(t, A)).toEqual([])
    expect(await modulesNotEnabled(t, B)).toEqual([])
    expect(guardedWrite.permission).toBe('kebun.plant:create')
  })

  it('has each caller allowed or refused on its guarded write exactly as its manifest says', async () => {
    const entry = permissionCatalog(t.platform.modules).find((p) => p.key === 'kebun.plant:create')!
    const verdicts = CALLERS.map((caller) => manifestAllows(caller.grant, entry))
    // Both kinds of cells, and the editor's dimension decides.
    expect(verdicts).toContain(true)
    expect(verdicts).toContain(false)
    expect(manifestAllows({ role: 'editor', dimension: 'environment' }, entry)).toBe(true)
    expect(manifestAllows({ role: 'editor', dimension: 'governance' }, entry)).toBe(false)
    for (const caller of CALLERS)
      await expectCell(apiA, guardedWrite, caller, manifestAllows(caller.grant, entry), tokens.get(caller.name)!)
  })

  it('refuses callers without credentials and with another tenant’s token with 401', async () => {
    await expectAnonymousRefused(apiA, guardedWrite)
    await expectForeignTokenRefused(apiB, guardedWrite, tokens.get('admin')!)
  })

  it('keeps its records to their tenant and answers malformed bodies with a problem', async () => {
    const id = await apiA.createRecord('/api/v1/kebun/plants')
    expect((await t.request(`${A}.localhost`, `/api/v1/kebun/plants/${id}`)).status).toBe(200)
    for (const token of [null, TEST_OPERATOR_TOKEN])
      await expectProblem(await t.request(`${B}.localhost`, `/api/v1/kebun/plants/${id}`, { token }), 404)
    const wrongType = await t.request(`${A}.localhost`, '/api/v1/kebun/plants', {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
      body: JSON.stringify({ name: 12345 }),
    })
    expect([400, 422]).toContain(wrongType.status)
    expect(wrongType.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('fails on a tenant that leaves it off with a message that says the module is not enabled', async () => {
    const notEnabled = /does not enable module\(s\) [a-z, ]*\bkebun\b.*createTenantWithEveryModule/
    await expect(apiOff.createRecord('/api/v1/kebun/plants')).rejects.toThrow(notEnabled)
    const admin = CALLERS.find((c) => c.name === 'admin')!
    const { secret } = await createTestToken(t, OFF, [admin.grant])
    await expect(expectCell(apiOff, guardedWrite, admin, true, secret)).rejects.toThrow(notEnabled)
  })
})
