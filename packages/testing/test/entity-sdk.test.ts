import type { TenantDb } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeModuleContract } from '../src/module-contract'
import { expectProblem } from '../src/problem-assertions'
import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '../src/test-platform'
import sdkModule, { failures, place } from './fixtures/sdk-module'

// The generated module passes the contract every module must pass (migration drift, guarded routes, seeds, export).
describeModuleContract(sdkModule, {
  seedData: [
    { key: 'taman', name: { id: 'Taman Kota' }, kind: 'park', steps: [{ text: { id: 'Masuk' } }] },
    {
      key: 'museum',
      name: { id: 'Museum Batak', en: 'Batak Museum' },
      kind: 'museum',
      verification: { at: '2026-01-06T00:00:00Z', by: 'Disparbud', source: 'https://example.go.id/museum' },
    },
  ],
})

const HOST = 'sdk.localhost'
let t: TestPlatform
let db: TenantDb

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...modules, sdkModule] })
  await t.createTenant('sdk')
  await setModuleEnabled(t.platform, 'sdk', 'sdkcheck', true)
  const tenant = await t.platform.tenantBySlug('sdk')
  if (!tenant) throw new Error('tenant missing')
  db = await t.platform.tenantDb(tenant.record)
})
afterAll(() => t?.close())

type Place = Record<string, unknown> & { id: string; slug: string; verification: { verified: boolean } }

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN) =>
  t.send(HOST, method, `/api/v1${path}`, body, token)

async function create(input: Record<string, unknown> = {}): Promise<Place> {
  const res = await send('POST', '/sdk-places', { name: { id: 'Tempat' }, kind: 'park', ...input })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as Place
}

const count = async (sql: string, ...args: string[]) => Number((await db.$client.execute({ sql, args })).rows[0]?.n)
const rows = () => count('SELECT COUNT(*) AS n FROM sdkcheck_places')
const audits = (id: string) => count('SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE entity_id = ?', id)
const searchHits = async (q: string) => {
  const res = await t.request(HOST, `/api/v1/search?q=${encodeURIComponent(q)}`)
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id)
}

describe('entity SDK: every field kind round-trips', () => {
  it('stores and answers each kind, keeps private fields out of public answers and gives the console all', async () => {
    const created = await create({
      name: { id: 'Pantai Lumban Bulbul', en: 'Lumban Bulbul Beach' },
      summary: 'Pasir putih di tepi Danau Toba.',
      website: 'https://example.go.id/pantai',
      capacity: 500,
      fee: 10_000,
      opened: '2019-05-01',
      startsAt: '2026-01-01T08:00:00+07:00',
      free: false,
      tags: ['pantai', 'danau'],
      steps: [{ text: { id: 'Bayar tiket' }, minutes: 5 }, { text: { id: 'Masuk' } }],
      location: { lat: 2.33, lon: 99.08 },
      note: 'Pengelola: Pak Sitorus 0812',
    })
    expect(created).toMatchObject({
      slug: 'pantai-lumban-bulbul',
      name: { id: 'Pantai Lumban Bulbul', en: 'Lumban Bulbul Beach' },
      capacity: 500,
      fee: 10_000,
      opened: '2019-05-01',
      startsAt: '2026-01-01T01:00:00.000Z',
      endsAt: null,
      free: false,
      tags: ['pantai', 'danau'],
      steps: [
        { text: { id: 'Bayar tiket' }, minutes: 5 },
        { text: { id: 'Masuk' }, minutes: null },
      ],
      location: { lat: 2.33, lon: 99.08 },
      hasLocation: true,
    })
    const pub = (await (await send('GET', `/sdk-places/${created.slug}`, undefined, null)).json()) as Place
    expect(pub.id).toBe(created.id)
    expect(pub).not.toHaveProperty('note')
    expect(JSON.stringify(pub)).not.toContain('Sitorus')
    const ctx = t.platform.context((await t.platform.tenantBySlug('sdk'))!, db)
    expect((await place.getForEditing(ctx, created.id)).note).toBe('Pengelola: Pak Sitorus 0812')
    const values = place.admin.valuesOf(await place.getForEditing(ctx, created.id))
    expect(values).toMatchObject({ 'name.id': 'Pantai Lumban Bulbul', 'location.lat': 2.33, tags: 'pantai\ndanau' })
    // Inputs a default fills are not required in the form; the others are.
    const required = place.admin.fields.filter((f) => f.required).map((f) => f.name)
    expect(required).toEqual(['name.id', 'kind'])
    expect(JSON.parse(String(values.steps))).toEqual([
      { 'text.id': 'Bayar tiket', 'text.en': null, minutes: 5 },
      { 'text.id': 'Masuk', 'text.en': null, minutes: null },
    ])
  })

  it('keeps custom fields in their own columns, applies defaults and custom input schemas', async () => {
    const paid = await create({ name: { id: 'Museum Huta Bolon' }, entry: { free: false, amount: 20_000 }, code: 'HB' })
    expect(paid).toMatchObject({ entry: { free: false, amount: 20_000 }, rank: 0, code: 'HB' })
    const stored = await db.$client.execute({
      sql: 'SELECT entry_free, entry_amount FROM sdkcheck_places WHERE id = ?',
      args: [paid.id],
    })
    expect(stored.rows[0]).toMatchObject({ entry_free: 0, entry_amount: 20_000 })
    expect((await create({ name: { id: 'Taman Gratis' } })).entry).toEqual({ free: true, amount: null })
    await expectProblem(
      await send('POST', '/sdk-places', { name: { id: 'X' }, kind: 'park', entry: { free: false } }),
      422,
    )
    await expectProblem(await send('POST', '/sdk-places', { name: { id: 'X' }, kind: 'park', code: 'hb' }), 422)
  })

  it('makes the slug from the first source given, keeps it fixed and avoids reserved ones', async () => {
    const short = await create({ name: { id: 'Dinas Pariwisata' }, shortName: 'Dispar' })
    expect(short.slug).toBe('dispar')
    const reserved = await create({ name: { id: 'Baru' } })
    expect(reserved.slug).toBe('baru-2')
    await expectProblem(await send('POST', '/sdk-places', { name: { id: 'X' }, kind: 'park', slug: 'baru' }), 422)
    await expectProblem(await send('PATCH', `/sdk-places/${short.id}`, { slug: 'lain' }), 422)
  })

  it('stores a reference by id when asked, given a slug', async () => {
    const parent = await create({ name: { id: 'Induk Dua' } })
    const child = await create({ parentId: 'induk-dua' })
    expect(child.parentId).toBe(parent.id)
  })

  it('makes slugs unique and refuses a given slug that is taken', async () => {
    const a = await create({ name: { id: 'Air Terjun Situmurun' } })
    const b = await create({ name: { id: 'Air Terjun Situmurun' } })
    expect([a.slug, b.slug]).toEqual(['air-terjun-situmurun', 'air-terjun-situmurun-2'])
    const before = await rows()
    const problem = await expectProblem(
      await send('POST', '/sdk-places', { name: { id: 'X' }, kind: 'park', slug: a.slug }),
      422,
    )
    expect(JSON.stringify(problem.errors)).toContain('/slug')
    expect(await rows()).toBe(before)
  })
})

describe('entity SDK: refused input loses nothing', () => {
  it.each([
    ['an unknown field', { extra: 1 }, '/'],
    ['a nested unknown field', { steps: [{ text: { id: 'a' }, colour: 'red' }] }, '/steps/0'],
    ['a value outside the enum', { kind: 'zoo' }, '/kind'],
    ['a fractional whole number', { capacity: 1.5 }, '/capacity'],
    ['a negative fee', { fee: -1 }, '/fee'],
    ['a latitude off the globe', { location: { lat: 91, lon: 0 } }, '/location/lat'],
    ['too many rows', { steps: Array.from({ length: 6 }, () => ({ text: { id: 'a' } })) }, '/steps'],
    ['a rule across fields', { startsAt: '2026-02-02T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' }, '/endsAt'],
    ['an unknown reference', { parent: 'tidak-ada' }, '/parent'],
    ["the module's own check", { capacity: 13 }, '/capacity'],
  ])('refuses %s with 422 at the field', async (_name, input, pointer) => {
    const before = await rows()
    const problem = await expectProblem(
      await send('POST', '/sdk-places', { name: { id: 'T' }, kind: 'park', ...input }),
      422,
    )
    expect((problem.errors as { pointer: string }[]).map((e) => e.pointer)).toContain(pointer)
    expect(await rows()).toBe(before)
  })

  it('checks the rule against the stored record on update', async () => {
    const p = await create({ startsAt: '2026-01-01T00:00:00Z' })
    await expectProblem(await send('PATCH', `/sdk-places/${p.id}`, { endsAt: '2025-12-01T00:00:00Z' }), 422)
    expect(((await (await send('GET', `/sdk-places/${p.id}`)).json()) as Place).endsAt).toBeNull()
  })

  it('stores a reference as the key its module answers, given an id', async () => {
    const parent = await create({ name: { id: 'Induk Satu' } })
    const child = await create({ parent: parent.id })
    expect(child.parent).toBe('induk-satu')
  })
})

describe('entity SDK: one write, one transaction', () => {
  it('a hook failing after the row was written leaves no row, no audit entry and no search entry', async () => {
    const before = await rows()
    failures.afterWrite = true
    try {
      await expectProblem(await send('POST', '/sdk-places', { name: { id: 'Sipiso-piso' }, kind: 'park' }), 409)
    } finally {
      failures.afterWrite = false
    }
    expect(await rows()).toBe(before)
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE entity = 'sdkcheck.place' AND action = 'create' AND after LIKE '%Sipiso%'",
      ),
    ).toBe(0)
    expect(await searchHits('Sipiso')).toEqual([])
  })

  it('an update undone by its hook keeps the old values and the verification', async () => {
    const p = await create({ name: { id: 'Bukit Holbung' } })
    await send('POST', `/sdk-places/${p.id}/verify`, { source: 'https://example.go.id' })
    const audited = await audits(p.id)
    failures.afterWrite = true
    try {
      await expectProblem(await send('PATCH', `/sdk-places/${p.id}`, { name: { id: 'Bukit Lain' } }), 409)
    } finally {
      failures.afterWrite = false
    }
    const after = (await (await send('GET', `/sdk-places/${p.id}`)).json()) as Place
    expect(after.name).toEqual({ id: 'Bukit Holbung' })
    expect(after.verification.verified).toBe(true)
    expect(await audits(p.id)).toBe(audited)
    expect(await searchHits('Holbung')).toContain(p.id)
  })

  it('a refused delete keeps the row, its search entry and writes no audit entry', async () => {
    const p = await create({ name: { id: 'Pulau Sibandang' } })
    failures.beforeDelete = true
    try {
      await expectProblem(await send('DELETE', `/sdk-places/${p.id}`), 409)
    } finally {
      failures.beforeDelete = false
    }
    expect((await send('GET', `/sdk-places/${p.id}`)).status).toBe(200)
    expect(await audits(p.id)).toBe(1)
    expect(await searchHits('Sibandang')).toContain(p.id)
    expect((await send('DELETE', `/sdk-places/${p.id}`)).status).toBe(204)
    expect(await searchHits('Sibandang')).toEqual([])
    expect(await audits(p.id)).toBe(2)
  })
})

describe('entity SDK: verification', () => {
  it('a change to a vouched field clears the stamp; a change to an unvouched one keeps it', async () => {
    const p = await create({ name: { id: 'Batu Gantung' } })
    await send('POST', `/sdk-places/${p.id}/verify`, {})
    const noted = (await (await send('PATCH', `/sdk-places/${p.id}`, { note: 'cek ulang Mei' })).json()) as Place
    expect(noted.verification.verified).toBe(true)
    const renamed = (await (await send('PATCH', `/sdk-places/${p.id}`, { capacity: 40 })).json()) as Place
    expect(renamed.verification.verified).toBe(false)
  })
})

describe('entity SDK: lists', () => {
  it('filters by declared filters, sorts by declared sorts, walks every page once and hides what is not published', async () => {
    const made: Place[] = []
    for (let i = 0; i < 5; i++)
      made.push(
        await create({
          name: { id: `Museum ${i}` },
          kind: 'museum',
          free: i % 2 === 0,
          startsAt: `2025-0${i + 1}-01T00:00:00Z`,
        }),
      )
    const future = await create({ name: { id: 'Museum Nanti' }, kind: 'museum', startsAt: '2999-01-01T00:00:00Z' })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = `kind=museum&sort=startsAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await (await send('GET', `/sdk-places?${query}`, undefined, null)).json()) as {
        items: Place[]
        nextCursor: string | null
      }
      seen.push(...page.items.map((p) => p.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(made.map((p) => p.id))
    expect(seen).not.toContain(future.id)
    expect((await send('GET', `/sdk-places/${future.id}`, undefined, null)).status).toBe(404)
    const free = (await (await send('GET', '/sdk-places?kind=museum&free=true', undefined, null)).json()) as {
      items: Place[]
    }
    expect(free.items.map((p) => p.id).sort()).toEqual([made[0]?.id, made[2]?.id, made[4]?.id].sort())
  })

  it.each([['sort=name'], ['sort=capacity'], ['kind=zoo'], ['free=yes'], ['capacity=3']])('refuses %s', async (q) => {
    await expectProblem(await send('GET', `/sdk-places?${q}`, undefined, null), 422)
  })

  it('fetches records by id or slug in one query', async () => {
    const a = await create({ name: { id: 'Sigale-gale' } })
    const b = await create({ name: { id: 'Tomok' } })
    const ctx = t.platform.context((await t.platform.tenantBySlug('sdk'))!, db)
    const found = await place.byKeys(ctx, [a.id, 'tomok', 'tidak-ada'])
    expect(found.get(a.id)?.slug).toBe('sigale-gale')
    expect(found.get('tomok')?.id).toBe(b.id)
    expect(found.has('tidak-ada')).toBe(false)
    expect(sdkModule.urls.place?.record({ id: a.id, slug: a.slug })).toBe('/tempat-uji/sigale-gale')
    const options = await place.options(ctx)
    expect(options).toContainEqual({ value: 'tomok', label: { id: 'Tomok' } })
  })

  it('counts what the public list shows, leaving out what is not published yet', async () => {
    const ctx = t.platform.context((await t.platform.tenantBySlug('sdk'))!, db)
    const before = await place.count(ctx)
    expect(before).toBe(
      await count('SELECT COUNT(*) AS n FROM sdkcheck_places WHERE starts_at <= ?', new Date().toISOString()),
    )
    await create({ name: { id: 'Batu Gantung' }, startsAt: '2025-01-01T00:00:00Z' })
    await create({ name: { id: 'Belum Dibuka' }, startsAt: '2999-01-01T00:00:00Z' })
    expect(await place.count(ctx)).toBe(before + 1)
  })
})

describe('entity SDK: choices and resolved values', () => {
  it('takes lines only from their fixed values, and offers those and a text field’s options in the console', async () => {
    expect((await create({ audience: ['kids'] })).audience).toEqual(['kids'])
    const problem = await expectProblem(
      await send('POST', '/sdk-places', { name: { id: 'T' }, kind: 'park', audience: ['aliens'] }),
      422,
    )
    expect((problem.errors as { pointer: string }[]).map((e) => e.pointer)).toContain('/audience/0')
    const output = place.schemas.output.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>
    expect(output.audience?.safeParse(['aliens']).success).toBe(false)
    const fields = Object.fromEntries(place.admin.fields.map((f) => [f.name, f]))
    expect(fields.audience).toMatchObject({
      type: 'multiselect',
      options: [
        { value: 'kids', label: { id: 'Anak', en: 'Children' } },
        { value: 'adults', label: { id: 'Dewasa', en: 'Adults' } },
      ],
    })
    expect(fields.twin?.type).toBe('reference')
    const ctx = t.platform.context((await t.platform.tenantBySlug('sdk'))!, db)
    expect(await fields.twin?.optionsFrom?.(ctx)).toEqual([
      {
        value: 'plc_sipiso',
        label: { id: 'Sipiso-piso', en: 'Sipiso-piso' },
        group: { id: 'Air terjun', en: 'Waterfalls' },
      },
    ])
  })

  it('stores what the resolve hook makes of a value, and refuses what it cannot resolve at the field', async () => {
    const p = await create({ twin: 'sipiso' })
    expect(p.twin).toBe('plc_sipiso')
    const before = await rows()
    const problem = await expectProblem(
      await send('POST', '/sdk-places', { name: { id: 'T' }, kind: 'park', twin: 'tidak-ada' }),
      422,
    )
    expect((problem.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/twin'])
    expect(await rows()).toBe(before)
    // An update that leaves the value out keeps what was stored.
    const renamed = (await (await send('PATCH', `/sdk-places/${p.id}`, { capacity: 3 })).json()) as Place
    expect(renamed.twin).toBe('plc_sipiso')
  })

  it('tells the resolve hook whether a write seeds a template record, so a seed can skip lookups', async () => {
    const { defineEntity } = await import('@cerdas/core')
    const seen: (string | null)[] = []
    const seeding = defineEntity({
      ...place.declaration,
      hooks: {
        async resolve(_ctx, _values, _input, _id, write) {
          seen.push(write.seedKey)
          return { values: {}, errors: [] }
        },
      },
    })
    const ctx = t.platform.context((await t.platform.tenantBySlug('sdk'))!, db)
    await seeding.create(ctx, { name: { id: 'Bibit' }, kind: 'park' }, { seedKey: 'bibit' })
    const made = await seeding.create(ctx, { name: { id: 'Tangan' }, kind: 'park' })
    await seeding.update(ctx, made.id, { capacity: 4 })
    expect(seen).toEqual(['bibit', null, null])
  })
})

describe('entity SDK: generated routes', () => {
  it('registers only the routes a declaration asks for, leaving the rest to hand-written ones', async () => {
    const { defineEntity } = await import('@cerdas/core')
    const { OpenAPIHono } = await import('@hono/zod-openapi')
    const partial = defineEntity({
      ...place.declaration,
      api: { path: '/sdk-partial', tag: 'x', schema: 'SdkPartial', routes: ['get', 'verify'] },
    })
    const router = new OpenAPIHono()
    partial.routes(router as never, { requirePermission: () => async (_c, next) => next(), guard: (r) => r })
    expect([...new Set(router.routes.map((r) => `${r.method} ${r.path}`))]).toEqual([
      'GET /sdk-partial/:id',
      'POST /sdk-partial/:id/verify',
    ])
  })
})

describe('entity SDK: console', () => {
  it('links a record without a page of its own to where the public sees it, as the declaration says', async () => {
    const { defineEntity } = await import('@cerdas/core')
    const listed = defineEntity({
      ...place.declaration,
      page: undefined,
      publicUrl: (record) => `/tempat-uji-semua#${record.id}`,
    })
    expect(listed.admin.publicUrl?.({ id: 'plc_1' } as never)).toBe('/tempat-uji-semua#plc_1')
    expect(defineEntity({ ...place.declaration, page: undefined }).admin.publicUrl).toBeUndefined()
  })

  it('lets a declaration adjust the console entity it generates (fewer inputs, its own screens)', async () => {
    const { defineEntity } = await import('@cerdas/core')
    const adjusted = defineEntity({
      ...place.declaration,
      admin: (generated) => ({
        ...generated,
        fields: generated.fields.filter((f) => f.name !== 'website'),
        editUrl: (record) => `/admin/tempat/${record.id}`,
      }),
    })
    expect(adjusted.admin.fields.map((f) => f.name)).not.toContain('website')
    expect(place.admin.fields.map((f) => f.name)).toContain('website')
    expect(adjusted.admin.editUrl?.({ id: 'plc_1' } as never)).toBe('/admin/tempat/plc_1')
  })
})

describe('entity SDK: declarations that cannot work fail when the module loads', () => {
  it.each([
    ['a table without the module prefix', { table: 'places' }],
    ['a sortable optional field', { fields: { n: { ...place.declaration.fields.capacity, sortable: true } } }],
    ['a reserved field name', { fields: { slug: place.declaration.fields.website } }],
    ['a name permission keys cannot take', { name: 'touristPlace' }],
  ])('refuses %s', async (_name, change) => {
    const { defineEntity } = await import('@cerdas/core')
    expect(() => defineEntity({ ...place.declaration, slug: undefined, ...change } as never)).toThrow(/not valid/)
  })
})

describe('entity SDK: parts of another record', () => {
  // Halls ordered by name, rooms placed in their hall's order and found on their hall's page.
  let p: TestPlatform
  const HALLS = 'aula.localhost'
  const partsCtx = async () => {
    const tenant = (await p.platform.tenantBySlug('aula'))!
    return p.platform.context(tenant, await p.platform.tenantDb(tenant.record))
  }
  const post = async (path: string, body: unknown) => {
    const res = await p.request(HALLS, `/api/v1${path}`, {
      method: 'POST',
      token: TEST_OPERATOR_TOKEN,
      body: JSON.stringify(body),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as Record<string, unknown> & { id: string; slug?: string }
  }

  beforeAll(async () => {
    const { default: partsModule } = await import('./fixtures/sdk-parts-module')
    p = await createTestPlatform({ modules: [...modules, partsModule] })
    await p.createTenant('aula')
    await setModuleEnabled(p.platform, 'aula', 'sdkparts', true)
    for (const name of ['Cendana', 'Anggrek', 'Beringin']) await post('/sdk-halls', { name: { id: name } })
  })
  afterAll(() => p?.close())

  it('lists by a translated text field, page by page', async () => {
    const { hall } = await import('./fixtures/sdk-parts-module')
    const ctx = await partsCtx()
    const first = await hall.list(ctx, { limit: 2 })
    const rest = await hall.list(ctx, { limit: 2, cursor: first.nextCursor ?? undefined })
    expect([...first.items, ...rest.items].map((h) => h.name.id)).toEqual(['Anggrek', 'Beringin', 'Cendana'])
    expect(rest.nextCursor).toBeNull()
  })

  it('narrows a list with conditions the module writes', async () => {
    const { hall } = await import('./fixtures/sdk-parts-module')
    const { like } = await import('drizzle-orm')
    const name = (hall.table as unknown as Record<string, import('drizzle-orm/sqlite-core').SQLiteColumn>)
      .nameIndonesian
    const page = await hall.list(await partsCtx(), { limit: 10 }, [like(name as never, '%ng%')])
    expect(page.items.map((h) => h.name.id)).toEqual(['Anggrek', 'Beringin'])
  })

  it('works out a default when creating: the place after the last of the hall', async () => {
    const anggrek = 'anggrek'
    const a = await post('/sdk-rooms', { hallId: anggrek, name: { id: 'Ruang A' } })
    const b = await post('/sdk-rooms', { hallId: anggrek, name: { id: 'Ruang B' }, rank: 7 })
    const c = await post('/sdk-rooms', { hallId: anggrek, name: { id: 'Ruang C' } })
    const other = await post('/sdk-rooms', { hallId: 'cendana', name: { id: 'Ruang D' } })
    expect([a.rank, b.rank, c.rank, other.rank]).toEqual([0, 7, 8, 0])
  })

  it('indexes records without a page of their own at the URL the module gives, and offers grouped choices', async () => {
    const room = await post('/sdk-rooms', { hallId: 'beringin', name: { id: 'Ruang Gondang' } })
    const res = await p.request(HALLS, `/api/v1/search?q=gondang`)
    const hits = ((await res.json()) as { items: { id: string; url: string }[] }).items
    expect(hits.find((h) => h.id === room.id)?.url).toBe(`/aula-uji/beringin#room-${room.id}`)
    const { room: rooms } = await import('./fixtures/sdk-parts-module')
    const hallField = rooms.admin.fields.find((f) => f.name === 'hallId')
    const options = await hallField?.optionsFrom?.(await partsCtx())
    expect(options?.[0]).toMatchObject({ label: { id: 'Anggrek' }, group: { id: 'Anggrek' } })
  })
})
