import { problemType } from '@cerdas/core'
import { DEFAULT_PHOTO_LIMITS } from '@cerdas/photos'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  expectProblem,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures, labelOf as label, requiredQuery } from './support/fixtures'
import {
  type DocumentedOperation,
  fetchOpenApi,
  fillPath,
  generallyTested,
  type JsonSchema,
  type OpenApiDocument,
  operationsOf,
  propertiesOf,
  resolveSchema,
  sampleValue,
  wrongTypeValue,
} from './support/openapi'

const HOST = 'uji.localhost'
const BODY_LIMIT = 64 * 1024
/** The most an upload may send: the photo limit and room for the multipart framing. */
const PHOTO_BODY_LIMIT = DEFAULT_PHOTO_LIMITS.maxBytes + 64 * 1024
/** The stable problem `type` of each refusal. */
const STABLE_TYPES: Record<number, string> = {
  400: problemType('malformedBody'),
  401: problemType('unauthorized'),
  404: problemType('notFound'),
  413: problemType('payloadTooLarge'),
  415: problemType('unsupportedMediaType'),
  422: problemType('validation'),
}

let t: TestPlatform
let doc: OpenApiDocument
let api: ApiFixtures

/** Every row of every table of the tenant, audit log and search index included. */
async function storedData(): Promise<Record<string, unknown[]>> {
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant uji missing')
  const db = await t.platform.tenantDb(tenant.record)
  const tables = await db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'cerdas_search_%' ORDER BY name",
  )
  const out: Record<string, unknown[]> = {}
  for (const { name } of tables.rows) {
    const rows = await db.$client.execute(`SELECT * FROM "${String(name)}"`)
    out[String(name)] = rows.rows.map((r) => ({ ...r }))
  }
  return out
}

/** A request that must be refused with `status` and leave every stored row as it was. */
async function expectRefused(status: number, label: string, send: () => Promise<Response>) {
  const before = await storedData()
  const res = await send()
  expect(res.status, `${label}: ${await res.clone().text()}`).toBe(status)
  await expectProblem(res, status, STABLE_TYPES[status])
  expect(await storedData(), `${label} changed stored data`).toEqual(before)
}

beforeAll(async () => {
  t = await createTestPlatform()
  // Every registered module on, so each route's own validation answers, not a module-off 404.
  await createTenantWithEveryModule(t, 'uji')
  doc = await fetchOpenApi(t, HOST)
  api = new ApiFixtures(t, 'uji', doc)
})
afterAll(() => t?.close())

// The document is read at collection time too, so each route gets its own named tests.
const collected = await (async () => {
  const platform = await createTestPlatform()
  try {
    await platform.createTenant('uji')
    const document = await fetchOpenApi(platform, HOST)
    return {
      writes: generallyTested(operationsOf(document)).filter((op) => op.isWrite),
      reads: generallyTested(operationsOf(document)),
    }
  } finally {
    platform.close()
  }
})()
const writes = collected.writes
const reads = collected.reads.filter((op) => op.method === 'get')

/** Public routes are probed without a token (that is how they are used); the rest as the operator. */
const tokenFor = (op: DocumentedOperation) => (op.isPublic ? null : TEST_OPERATOR_TOKEN)
const validBody = (op: DocumentedOperation) =>
  op.bodySchema ? JSON.stringify(sampleValue(doc, op.bodySchema)) : undefined

type Send = (init: RequestInit & { token?: string | null }) => Promise<Response>

/** The refusals that only apply to routes taking a JSON body. */
function describeBodyRefusals(op: DocumentedOperation, bodySchema: JsonSchema, send: Send) {
  it('refuses malformed JSON with 400', async () => {
    for (const body of ['{', '{"title":', 'not json', '{"a":1,}']) {
      await expectRefused(400, `${label(op)} body ${body}`, () => send({ body }))
    }
  })

  it('refuses a field of the wrong type with 422', async () => {
    const valid = sampleValue(doc, bodySchema) as Record<string, unknown>
    const properties = propertiesOf(doc, bodySchema)
    expect(Object.keys(properties).length).toBeGreaterThan(0)
    for (const [name, schema] of Object.entries(properties)) {
      const body = JSON.stringify({ ...valid, [name]: wrongTypeValue(doc, schema) })
      await expectRefused(422, `${label(op)} ${name} of the wrong type`, () => send({ body }))
    }
    for (const body of ['[]', '"text"', '42', 'null']) {
      await expectRefused(422, `${label(op)} body ${body}`, () => send({ body }))
    }
  })

  it('refuses unknown fields with 422', async () => {
    const valid = sampleValue(doc, bodySchema) as Record<string, unknown>
    expect(resolveSchema(doc, bodySchema).additionalProperties).toBe(false)
    for (const extra of [{ zzUnknown: 1 }, { id: 'ann_01J00000000000000000000000' }, { verifiedBy: 'me' }]) {
      const body = JSON.stringify({ ...valid, ...extra })
      await expectRefused(422, `${label(op)} with ${Object.keys(extra)[0]}`, () => send({ body }))
    }
  })
}

describe('bad input on write routes, generated from the OpenAPI document', () => {
  it('finds write routes to test', () => {
    expect(writes.length).toBeGreaterThanOrEqual(4)
    expect(writes.filter((op) => op.bodySchema).length).toBeGreaterThanOrEqual(3)
  })

  it('finds public routes (x-public) and guarded ones (x-permission) among them', () => {
    expect(writes.some((op) => op.isPublic)).toBe(true)
    expect(writes.some((op) => op.permission)).toBe(true)
  })

  describe.each(writes.map((op) => [label(op), op] as const))('%s', (_name, op) => {
    // The refusals address a real record, so a 404 cannot stand in for them.
    let path = op.path
    beforeAll(async () => {
      path = await api.pathOf(op)
    })
    const send: Send = (init) =>
      t.request(HOST, path, { method: op.method.toUpperCase(), token: tokenFor(op), ...init })

    if (op.bodySchema) describeBodyRefusals(op, op.bodySchema, send)

    it('refuses an oversized body with 413', async () => {
      const valid = (op.bodySchema ? sampleValue(doc, op.bodySchema) : {}) as Record<string, unknown>
      // Photo uploads have their own, larger limit, and a module's file uploads theirs.
      const upload = t.platform.modules
        .flatMap((m) => m.uploads ?? [])
        .find((u) => u.method === op.method && `/api/v1${u.path}` === op.path)
      const limit =
        upload?.maxBytes ?? (op.operation.requestBody?.content['multipart/form-data'] ? PHOTO_BODY_LIMIT : BODY_LIMIT)
      const body = JSON.stringify({ ...valid, padding: 'x'.repeat(limit + 1) })
      await expectRefused(413, `${label(op)} oversized`, () => send({ body }))
      await expectRefused(413, `${label(op)} oversized without a token`, () => send({ body, token: null }))
    })

    it('refuses a body that is not JSON with 415', async () => {
      const body = validBody(op) ?? '{}'
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        await expectRefused(415, `${label(op)} as ${type}`, () => send({ body, headers: { 'content-type': type } }))
      }
    })

    if (op.isPublic) {
      it('is public: it documents no security and a caller without a token is not refused', async () => {
        expect(op.permission).toBeUndefined()
        expect(op.operation.security ?? []).toEqual([])
        const request = await api.wellFormed(op, { fresh: true })
        expect(request.token).toBeNull()
        const res = await t.request(HOST, request.path, { method: op.method.toUpperCase(), body: request.body })
        expect(res.status, await res.clone().text()).toBeLessThan(300)
      })
    } else {
      it('refuses a caller without a token with 401', async () => {
        await expectRefused(401, `${label(op)} anonymous`, () => send({ token: null, body: validBody(op) }))
      })
    }

    it('refuses a bad token with 401', async () => {
      for (const headers of [
        { authorization: 'Bearer not-the-operator-token' },
        { authorization: `Bearer ${TEST_OPERATOR_TOKEN}x` },
        { authorization: `Basic ${Buffer.from(`operator:${TEST_OPERATOR_TOKEN}`).toString('base64')}` },
        { authorization: 'Bearer' },
        { authorization: `Bearer ${TEST_OPERATOR_TOKEN} extra` },
      ]) {
        await expectRefused(401, `${label(op)} ${headers.authorization.slice(0, 12)}`, () =>
          send({ token: null, headers, body: validBody(op) }),
        )
      }
    })

    it('accepts the same request when it is well-formed (so the refusals above are about the input)', async () => {
      // A fresh record, so a delete or a change here leaves the other routes' records alone.
      const request = await api.wellFormed(op, { fresh: true })
      const res = await t.request(HOST, request.path, {
        method: op.method.toUpperCase(),
        token: request.token,
        body: request.body,
      })
      expect(res.status, await res.clone().text()).toBeLessThan(300)
      expect(res.status).toBeGreaterThanOrEqual(200)
    })
  })
})

describe('bad input on read routes, generated from the OpenAPI document', () => {
  it('finds read routes to test', () => {
    expect(reads.length).toBeGreaterThanOrEqual(3)
  })

  describe.each(reads.map((op) => [label(op), op] as const))('%s', (_name, op) => {
    let recordPath = op.path
    beforeAll(async () => {
      recordPath = await api.pathOf(op)
    })
    const query = () => requiredQuery(doc, op)
    const get = (
      params: URLSearchParams,
      path = recordPath,
      token: string | null = op.permission ? TEST_OPERATOR_TOKEN : null,
    ) => t.request(HOST, params.size > 0 ? `${path}?${params}` : path, { token })

    it('answers the well-formed request', async () => {
      const res = await get(query())
      expect(res.status, await res.clone().text()).toBe(200)
    })

    if (op.permission)
      it('is guarded: refuses a caller without a token with 401 and a bad token with 401', async () => {
        await expectProblem(await get(query(), recordPath, null), 401, STABLE_TYPES[401])
        await expectProblem(await get(query(), recordPath, `${TEST_OPERATOR_TOKEN}x`), 401, STABLE_TYPES[401])
      })

    it('refuses bad query parameters with a 4xx problem', async () => {
      const queryParams = (op.operation.parameters ?? []).filter((p) => p.in === 'query')
      const cases: [string, URLSearchParams][] = []
      if (queryParams.length > 0) {
        // Only documented parameters are accepted.
        const unknown = query()
        unknown.set('zzUnknown', '1')
        cases.push(['an unknown parameter', unknown])
      }
      for (const p of queryParams) {
        const schema = resolveSchema(doc, p.schema)
        const bad = (value: string) => {
          const params = query()
          params.set(p.name, value)
          return params
        }
        if (schema.type === 'integer' || schema.type === 'number') {
          cases.push([`${p.name}=abc`, bad('abc')], [`${p.name}=1.5`, bad('1.5')])
          if (schema.maximum !== undefined) cases.push([`${p.name} over its maximum`, bad(String(schema.maximum + 1))])
          if (schema.minimum !== undefined) cases.push([`${p.name} under its minimum`, bad(String(schema.minimum - 1))])
        }
        if (schema.enum) cases.push([`${p.name} outside its enum`, bad('zz-not-listed')])
        if (schema.maxLength !== undefined)
          cases.push([`${p.name} over its length`, bad('a'.repeat(schema.maxLength + 1))])
        if (p.required) {
          const missing = query()
          missing.delete(p.name)
          cases.push([`${p.name} missing`, missing])
        }
      }
      for (const [name, params] of cases) {
        const res = await get(params)
        expect(res.status, `${label(op)} ${name}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${label(op)} ${name}`).toBeLessThan(500)
        await expectProblem(res, res.status)
      }
    })

    if (op.path.includes('{'))
      it('refuses a path parameter over its length with 422', async () => {
        const param = (op.operation.parameters ?? []).find((p) => p.in === 'path')
        const max = param ? resolveSchema(doc, param.schema).maxLength : undefined
        expect(max).toBeDefined()
        await expectProblem(await get(query(), fillPath(op.path, { id: 'a'.repeat((max ?? 0) + 1) })), 422)
      })
  })
})

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/api/nothing-here'],
    ['GET', '/api/v1/announcements/x/y/z'],
    ['POST', '/api/v1/nothing-here'],
    ['PUT', '/api/v1/announcements'],
    ['DELETE', '/api/v1/announcements'],
  ])('answers %s %s with a 404 problem', async (method, path) => {
    await expectRefused(404, `${method} ${path}`, () =>
      t.request(HOST, path, { method, token: TEST_OPERATOR_TOKEN, ...(method === 'GET' ? {} : { body: '{}' }) }),
    )
  })
})
