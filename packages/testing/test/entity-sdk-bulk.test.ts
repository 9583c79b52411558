import type { TenantDb } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestToken } from '../src/accounts'
import { expectProblem } from '../src/problem-assertions'
import { createTestPlatform, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '../src/test-platform'
import bulkModule from './fixtures/sdk-bulk-module'
import sdkModule, { failures } from './fixtures/sdk-module'

const HOST = 'sdk.localhost'
const OTHER = 'lain.localhost'
let t: TestPlatform
let db: TenantDb
let otherDb: TenantDb

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...modules, sdkModule, bulkModule] })
  for (const slug of ['sdk', 'lain']) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'sdkcheck', true)
    await setModuleEnabled(t.platform, slug, 'bulkcheck', true)
  }
  const dbOf = async (slug: string) => t.platform.tenantDb((await t.platform.tenantBySlug(slug))!.record)
  db = await dbOf('sdk')
  otherDb = await dbOf('lain')
})
afterAll(() => t?.close())

interface Written {
  created: number
  updated: number
  items: { index: number; id: string; slug: string; action: 'create' | 'update' }[]
}
interface RowProblem {
  errors: { pointer: string; message: string }[]
}
/** The items a 422 names (`/items/3/kind` → 3), in order, each once. */
const badItems = (problem: RowProblem) => [
  ...new Set(problem.errors.map((e) => Number(/^\/items\/(\d+)/.exec(e.pointer)?.[1]))),
]

const bulk = (body: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST, path = '/sdk-places') =>
  t.send(host, 'POST', `/api/v1${path}/bulk`, body, token)
const count = async (sql: string, on: TenantDb = db) => Number((await on.$client.execute(sql)).rows[0]?.n)
const places = (on: TenantDb = db) => count('SELECT COUNT(*) AS n FROM sdkcheck_places', on)
const audits = () => count("SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE entity = 'sdkcheck.place'")
const indexed = () => count("SELECT COUNT(*) AS n FROM cerdas_search_documents WHERE module = 'sdkcheck'")
const state = async () => ({ rows: await places(), audits: await audits(), search: await indexed() })
const place = (name: string, extra: Record<string, unknown> = {}) => ({ name: { id: name }, kind: 'park', ...extra })

describe('bulk writes: happy path', () => {
  it('creates every item in one call, audited per item and found by search', async () => {
    const before = await state()
    const written = await jsonOf<Written>(
      await bulk({
        items: [
          place('Danau Sidihoni Biru'),
          place('Bukit Holbung Hijau', { shortName: 'Holbung' }),
          place('Pantai Pasir Putih', { tags: ['pantai'] }),
        ],
      }),
    )
    expect(written).toMatchObject({ created: 3, updated: 0 })
    expect(written.items.map((i) => [i.index, i.slug, i.action])).toEqual([
      [0, 'danau-sidihoni-biru', 'create'],
      [1, 'holbung', 'create'],
      [2, 'pantai-pasir-putih', 'create'],
    ])
    expect(await state()).toEqual({ rows: before.rows + 3, audits: before.audits + 3, search: before.search + 3 })
    const record = await jsonOf<{ id: string; tags: string[] }>(await t.request(HOST, '/api/v1/sdk-places/holbung'))
    expect(record.id).toBe(written.items[1]?.id)
    // One audit entry per item, each the record as created.
    for (const item of written.items) {
      const { rows } = await db.$client.execute({
        sql: 'SELECT action, after FROM cerdas_audit_log WHERE entity_id = ?',
        args: [item.id],
      })
      expect(rows.map((r) => r.action)).toEqual(['create'])
      expect(JSON.parse(String(rows[0]?.after))).toMatchObject({ id: item.id, slug: item.slug })
    }
    const hits = await jsonOf<{ items: { id: string }[] }>(await t.request(HOST, '/api/v1/search?q=sidihoni'))
    expect(hits.items.map((i) => i.id)).toContain(written.items[0]?.id)
    // The batch's entries are chained and signed as entries written one by one are.
    const tenant = await t.platform.tenantBySlug('sdk')
    expect(await t.platform.verifyAudit(tenant?.record.id ?? '', db)).toMatchObject({ ok: true })
  })

  it('gives items with the same name distinct slugs, and later items see earlier ones', async () => {
    const written = await jsonOf<Written>(
      await bulk({
        items: [
          place('Air Terjun Efrata'),
          place('Air Terjun Efrata'),
          // A reference to a record created earlier in the same batch.
          place('Jalan ke Efrata', { parent: 'air-terjun-efrata', parentId: 'air-terjun-efrata-2' }),
        ],
      }),
    )
    expect(written.items.map((i) => i.slug)).toEqual(['air-terjun-efrata', 'air-terjun-efrata-2', 'jalan-ke-efrata'])
    const child = await jsonOf<{ parent: string; parentId: string }>(
      await t.request(HOST, '/api/v1/sdk-places/jalan-ke-efrata'),
    )
    expect(child).toMatchObject({ parent: 'air-terjun-efrata', parentId: written.items[1]?.id })
  })

  it('upserts: an item naming a record by slug or id updates it, audited with its state before', async () => {
    const [first, second] = (
      await jsonOf<Written>(await bulk({ items: [place('Museum Huta Bolon'), place('Museum Batak Tomok')] }))
    ).items
    const before = await state()
    const written = await jsonOf<Written>(
      await bulk({
        mode: 'upsert',
        items: [
          place('Museum Huta Bolon Simanindo', { slug: 'museum-huta-bolon', kind: 'museum' }),
          { id: second?.id, ...place('Museum Batak di Tomok', { kind: 'museum' }) },
          place('Museum Baru Sekali', { slug: 'museum-baru-sekali' }),
        ],
      }),
    )
    expect(written).toMatchObject({ created: 1, updated: 2 })
    expect(written.items.map((i) => [i.id, i.action])).toEqual([
      [first?.id, 'update'],
      [second?.id, 'update'],
      [expect.any(String), 'create'],
    ])
    const updated = await jsonOf<{ name: { id: string }; kind: string; slug: string }>(
      await t.request(HOST, `/api/v1/sdk-places/${first?.id}`),
    )
    expect(updated).toMatchObject({
      name: { id: 'Museum Huta Bolon Simanindo' },
      kind: 'museum',
      slug: 'museum-huta-bolon',
    })
    expect(await state()).toEqual({ rows: before.rows + 1, audits: before.audits + 3, search: before.search + 1 })
    const { rows } = await db.$client.execute({
      sql: "SELECT before FROM cerdas_audit_log WHERE entity_id = ? AND action = 'update'",
      args: [second?.id ?? ''],
    })
    expect(JSON.parse(String(rows[0]?.before))).toMatchObject({ name: { id: 'Museum Batak Tomok' }, kind: 'park' })
    const tenant = await t.platform.tenantBySlug('sdk')
    expect(await t.platform.verifyAudit(tenant?.record.id ?? '', db)).toMatchObject({ ok: true })
    const hits = await jsonOf<{ items: { id: string; title: string }[] }>(
      await t.request(HOST, '/api/v1/search?q=simanindo'),
    )
    expect(hits.items.map((i) => i.id)).toContain(first?.id)
  })
})

describe('bulk writes: a bad item writes nothing', () => {
  it('lists every item the schema refuses by its index and field', async () => {
    const before = await state()
    const problem = (await expectProblem(
      await bulk({
        items: [place('Baik Satu'), place('Buruk', { kind: 'zoo' }), place('Baik Dua'), { kind: 'park' }],
      }),
      422,
    )) as unknown as RowProblem
    expect(badItems(problem)).toEqual([1, 3])
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/items/1/kind', '/items/3/name'])
    expect(await state()).toEqual(before)
  })

  it.each([
    ["the module's own check", { capacity: 13 }, '/capacity'],
    ["the module's resolve hook", { twin: 'tidak-ada' }, '/twin'],
    ['an unknown reference', { parent: 'tidak-ada' }, '/parent'],
    ['a taken slug', { slug: 'danau-sidihoni-biru' }, '/slug'],
  ])('refuses the whole batch for %s, naming the item', async (_name, bad, pointer) => {
    const before = await state()
    const problem = (await expectProblem(
      await bulk({ items: [place('Sebelum'), place('Buruk', bad), place('Sesudah')] }),
      422,
    )) as unknown as RowProblem
    expect(problem.errors.map((e) => e.pointer)).toEqual([`/items/1${pointer}`])
    expect(await state()).toEqual(before)
  })

  it('undoes the items before when a hook fails after its row was written', async () => {
    const before = await state()
    failures.afterWrite = true
    try {
      const problem = (await expectProblem(
        await bulk({ items: [place('Pertama Gagal'), place('Kedua Gagal')] }),
        422,
      )) as unknown as RowProblem
      expect(badItems(problem)).toEqual([0, 1])
    } finally {
      failures.afterWrite = false
    }
    expect(await state()).toEqual(before)
  })

  it('refuses an id when creating, an unknown id when upserting, and an item naming a record twice', async () => {
    const before = await state()
    const [existing] = (await jsonOf<Written>(await bulk({ items: [place('Dua Kali Disebut')] }))).items
    const created = await state()
    const idOnCreate = (await expectProblem(
      await bulk({ items: [{ id: existing?.id, ...place('X') }] }),
      422,
    )) as unknown as RowProblem
    expect(idOnCreate.errors.map((e) => e.pointer)).toEqual(['/items/0/id'])
    const unknown = (await expectProblem(
      await bulk({ mode: 'upsert', items: [place('Y'), { id: 'plc_tidak_ada', ...place('Z') }] }),
      422,
    )) as unknown as RowProblem
    expect(unknown.errors.map((e) => e.pointer)).toEqual(['/items/1/id'])
    const twice = (await expectProblem(
      await bulk({
        mode: 'upsert',
        items: [{ id: existing?.id, ...place('A') }, place('B', { slug: existing?.slug })],
      }),
      422,
    )) as unknown as RowProblem
    expect(twice.errors.map((e) => e.pointer)).toEqual(['/items/1/slug'])
    expect(await state()).toEqual(created)
    expect(created.rows).toBe(before.rows + 1)
  })

  it('takes at most 500 items and at least one', async () => {
    const before = await state()
    await expectProblem(await bulk({ items: Array.from({ length: 501 }, (_, i) => place(`P${i}`)) }), 422)
    await expectProblem(await bulk({ items: [] }), 422)
    await expectProblem(await bulk({ items: [place('X')], extra: true }), 422)
    expect(await state()).toEqual(before)
  })
})

describe('bulk writes: who may write where', () => {
  it('needs a caller (401) with the create permission (403)', async () => {
    const before = await state()
    await expectProblem(await bulk({ items: [place('Tanpa Token')] }, null), 401)
    const verifier = await createTestToken(t, 'sdk', [{ role: 'verifier', dimension: null }])
    await expectProblem(await bulk({ items: [place('Hanya Verifikator')] }, verifier.secret), 403)
    expect(await state()).toEqual(before)
  })

  it('needs the update permission too to upsert', async () => {
    const editor = await createTestToken(t, 'sdk', [{ role: 'editor', dimension: null }])
    const entries = () => count('SELECT COUNT(*) AS n FROM bulkcheck_entries')
    const item = { name: { id: 'Entri Satu' } }
    await jsonOf(await bulk({ items: [item] }, editor.secret, HOST, '/bulk-entries'))
    await expectProblem(await bulk({ mode: 'upsert', items: [item] }, editor.secret, HOST, '/bulk-entries'), 403)
    expect(await entries()).toBe(1)
    const admin = await createTestToken(t, 'sdk', [{ role: 'admin', dimension: null }])
    const upserted = await jsonOf<Written>(
      await bulk(
        { mode: 'upsert', items: [{ slug: 'entri-satu', name: { id: 'Entri Satu Diubah' } }] },
        admin.secret,
        HOST,
        '/bulk-entries',
      ),
    )
    expect(upserted).toMatchObject({ created: 0, updated: 1 })
  })

  it("a token of one tenant writes nothing in another's", async () => {
    const token = await createTestToken(t, 'sdk', [{ role: 'admin', dimension: null }])
    const [mine, theirs] = [await places(), await places(otherDb)]
    await expectProblem(await bulk({ items: [place('Tamu Tak Diundang')] }, token.secret, OTHER), 401)
    const written = await jsonOf<Written>(await bulk({ items: [place('Milik Lain')] }, TEST_OPERATOR_TOKEN, OTHER))
    expect([await places(), await places(otherDb)]).toEqual([mine, theirs + 1])
    // An id of the other tenant names nothing here.
    await expectProblem(await bulk({ mode: 'upsert', items: [{ id: written.items[0]?.id, ...place('Z') }] }), 422)
    expect(await places()).toBe(mine)
  })

  it("an item cannot reference another tenant's record, by slug or by id", async () => {
    const [theirs] = (
      await jsonOf<Written>(await bulk({ items: [place('Hanya Di Tetangga')] }, TEST_OPERATOR_TOKEN, OTHER))
    ).items
    const before = await state()
    const problem = (await expectProblem(
      await bulk({
        items: [place('Anak Satu', { parent: theirs?.slug }), place('Anak Dua', { parentId: theirs?.id })],
      }),
      422,
    )) as unknown as RowProblem
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/items/0/parent', '/items/1/parentId'])
    expect(await state()).toEqual(before)
  })
})

describe('bulk writes: the API document', () => {
  it('documents the bulk route with its permission, body and result', async () => {
    const doc = (await (await t.request(HOST, '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string; requestBody?: unknown }>>
      components: { schemas: Record<string, { properties?: Record<string, { maxItems?: number }> }> }
    }
    expect(doc.paths['/api/v1/sdk-places/bulk']?.post?.['x-permission']).toBe('sdkcheck.place:create')
    expect(doc.components.schemas.SdkPlaceBulk?.properties?.items?.maxItems).toBe(500)
    expect(doc.components.schemas).toHaveProperty('SdkPlaceBulkResult')
  })
})
