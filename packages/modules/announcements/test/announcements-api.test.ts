import { encodeCursor, type TenantDb } from '@cerdas/core'
import { createTestPlatform, expectProblem, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Announcement } from '../src/index'

const HOST = 'uji.localhost'
const DAY = 24 * 60 * 60 * 1000
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()

let t: TestPlatform
let db: TenantDb

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant uji missing')
  db = await t.platform.tenantDb(tenant.record)
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN) =>
  t.send(HOST, method, path, body, token)

async function create(input: Record<string, unknown> = {}): Promise<Announcement> {
  const res = await send('POST', '/api/v1/announcements', {
    title: { id: 'Pengumuman uji' },
    body: { id: 'Isi pengumuman uji' },
    category: 'general',
    ...input,
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as Announcement
}

async function list(query = ''): Promise<{ items: Announcement[]; nextCursor: string | null }> {
  const res = await t.request(HOST, `/api/v1/announcements${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { items: Announcement[]; nextCursor: string | null }
}

async function search(q: string): Promise<string[]> {
  const res = await t.request(HOST, `/api/v1/search?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: { id: string }[] }).items.map((hit) => hit.id)
}

async function rowCount(): Promise<number> {
  return Number((await db.$client.execute('SELECT COUNT(*) AS n FROM announcements_items')).rows[0]?.n)
}

interface AuditRow {
  action: string
  actorKind: string
  actorId: string
  before: unknown
  after: unknown
}

/**
 * The tenant's audit entries for an entity, newest first. Read with SQL: this
 * package does not depend on @cerdas/platform, whose listAudit does the same.
 */
async function listAudit(entityId?: string): Promise<AuditRow[]> {
  const result = await db.$client.execute({
    sql: `SELECT * FROM cerdas_audit_log WHERE entity = 'announcements.announcement'
      ${entityId ? 'AND entity_id = ?' : ''} ORDER BY seq DESC`,
    args: entityId ? [entityId] : [],
  })
  return result.rows.map((r) => ({
    action: String(r.action),
    actorKind: String(r.actor_kind),
    actorId: String(r.actor_id),
    before: r.before === null ? null : JSON.parse(String(r.before)),
    after: r.after === null ? null : JSON.parse(String(r.after)),
  }))
}

async function auditCount(entityId?: string): Promise<number> {
  return (await listAudit(entityId)).length
}

describe('announcements API: happy paths', () => {
  it('creates an announcement with the operator token', async () => {
    const res = await send('POST', '/api/v1/announcements', {
      title: { id: 'Jam layanan baru', en: 'New service hours' },
      body: { id: 'Kantor buka 08.00', en: 'Office opens 08:00' },
      category: 'service',
      link: 'https://example.go.id/jam',
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Announcement
    expect(created.id).toMatch(/^ann_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(created.title).toEqual({ id: 'Jam layanan baru', en: 'New service hours' })
    expect(created.category).toBe('service')
    expect(created.link).toBe('https://example.go.id/jam')
    expect(created.expired).toBe(false)
    expect(created.verification).toEqual({ verified: false, verifiedAt: null, verifiedBy: null, source: null })
  })

  it('gets a published announcement by id', async () => {
    const created = await create({ title: { id: 'Satu pengumuman' } })
    const res = await t.request(HOST, `/api/v1/announcements/${created.id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(created)
  })

  it('lists newest first with a cursor that walks every page exactly once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await create({ category: 'event', publishAt: iso(-(i + 1) * 60_000) })).id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await list(`?category=event&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((a) => a.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    // Created with publish times going back in time, so creation order is newest-first order.
    expect(seen).toEqual(ids)
  })

  it('filters the list by category', async () => {
    const emergency = await create({ category: 'emergency', title: { id: 'Darurat banjir' } })
    const emergencies = await list('?category=emergency&limit=100')
    expect(emergencies.items.map((a) => a.id)).toContain(emergency.id)
    expect(emergencies.items.every((a) => a.category === 'emergency')).toBe(true)
    const general = await list('?category=general&limit=100')
    expect(general.items.map((a) => a.id)).not.toContain(emergency.id)
  })

  it('updates an announcement', async () => {
    const created = await create()
    const res = await send('PATCH', `/api/v1/announcements/${created.id}`, {
      title: { id: 'Judul diubah' },
      category: 'service',
    })
    expect(res.status).toBe(200)
    const updated = (await res.json()) as Announcement
    expect(updated.title).toEqual({ id: 'Judul diubah' })
    expect(updated.category).toBe('service')
    expect(updated.body).toEqual(created.body)
    const fetched = await (await t.request(HOST, `/api/v1/announcements/${created.id}`)).json()
    expect(fetched).toEqual(updated)
  })

  it('verify stamps verifiedAt and verifiedBy', async () => {
    const created = await create()
    const before = Date.now()
    const res = await send('POST', `/api/v1/announcements/${created.id}/verify`, { source: 'SK Bupati 12/2026' })
    expect(res.status).toBe(200)
    const verified = (await res.json()) as Announcement
    expect(verified.verification.verified).toBe(true)
    expect(verified.verification.verifiedBy).toBe('test operator')
    expect(verified.verification.source).toBe('SK Bupati 12/2026')
    expect(Date.parse(verified.verification.verifiedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
    const fetched = (await (await t.request(HOST, `/api/v1/announcements/${created.id}`)).json()) as Announcement
    expect(fetched.verification).toEqual(verified.verification)
  })

  it('deletes with 204, then the announcement is 404', async () => {
    const created = await create()
    const res = await send('DELETE', `/api/v1/announcements/${created.id}`)
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    await expectProblem(await t.request(HOST, `/api/v1/announcements/${created.id}`), 404)
    await expectProblem(await send('DELETE', `/api/v1/announcements/${created.id}`), 404)
    expect((await list('?limit=100')).items.map((a) => a.id)).not.toContain(created.id)
  })
})

describe('announcements API: publication window', () => {
  it('does not list or serve a scheduled announcement publicly', async () => {
    const scheduled = await create({ publishAt: iso(DAY), title: { id: 'Terjadwal besok' } })
    expect((await list('?limit=100')).items.map((a) => a.id)).not.toContain(scheduled.id)
    await expectProblem(await t.request(HOST, `/api/v1/announcements/${scheduled.id}`), 404)
    await expectProblem(
      await t.request(HOST, `/api/v1/announcements/${scheduled.id}`, { token: TEST_OPERATOR_TOKEN }),
      404,
    )
    expect(await search('terjadwal')).not.toContain(scheduled.id)
  })

  it('does not list an expired announcement', async () => {
    const expired = await create({ publishAt: iso(-2 * DAY), expiresAt: iso(-DAY) })
    const current = await create({ publishAt: iso(-2 * DAY), expiresAt: iso(DAY) })
    const ids = (await list('?limit=100')).items.map((a) => a.id)
    expect(ids).not.toContain(expired.id)
    expect(ids).toContain(current.id)
    expect(expired.expired).toBe(true)
    expect(current.expired).toBe(false)
  })
})

describe('announcements API: audit log', () => {
  it('writes exactly one audit entry per write, with who, what, before and after', async () => {
    const total = await auditCount()
    const created = await create({ title: { id: 'Diaudit' } })
    expect(await auditCount()).toBe(total + 1)
    const [createEntry] = await listAudit(created.id)
    expect(createEntry).toMatchObject({
      action: 'create',
      actorKind: 'operator',
      actorId: expect.stringMatching(/^opt_/),
      before: null,
    })
    expect(createEntry?.after).toEqual(created)

    const patched = await send('PATCH', `/api/v1/announcements/${created.id}`, { title: { id: 'Diaudit lagi' } })
    expect(patched.status).toBe(200)
    expect(await auditCount()).toBe(total + 2)
    const [updateEntry] = await listAudit(created.id)
    expect(updateEntry?.action).toBe('update')
    expect((updateEntry?.before as Announcement | undefined)?.title.id).toBe('Diaudit')
    expect((updateEntry?.after as Announcement | undefined)?.title.id).toBe('Diaudit lagi')

    expect((await send('POST', `/api/v1/announcements/${created.id}/verify`, {})).status).toBe(200)
    expect(await auditCount()).toBe(total + 3)
    expect((await listAudit(created.id))[0]?.action).toBe('verify')

    expect((await send('DELETE', `/api/v1/announcements/${created.id}`)).status).toBe(204)
    expect(await auditCount()).toBe(total + 4)
    const [deleteEntry] = await listAudit(created.id)
    expect(deleteEntry).toMatchObject({ action: 'delete', after: null })
    expect((deleteEntry?.before as Announcement | undefined)?.id).toBe(created.id)
    expect(await auditCount(created.id)).toBe(4)
  })

  it('writes no audit entry for a refused write', async () => {
    const created = await create()
    const total = await auditCount()
    await expectProblem(await send('PATCH', `/api/v1/announcements/${created.id}`, { category: 'nope' }), 422)
    await expectProblem(await send('DELETE', `/api/v1/announcements/${created.id}`, undefined, null), 401)
    await expectProblem(await send('POST', '/api/v1/announcements', { title: { id: 'x' } }), 422)
    expect(await auditCount()).toBe(total)
  })
})

describe('announcements API: search index', () => {
  it('indexes on create, re-indexes on update and drops on delete', async () => {
    const created = await create({ title: { id: 'Vaksinasi gratis di puskesmas' } })
    expect(await search('vaksinasi')).toContain(created.id)

    const res = await send('PATCH', `/api/v1/announcements/${created.id}`, { title: { id: 'Imunisasi gratis' } })
    expect(res.status).toBe(200)
    expect(await search('imunisasi')).toContain(created.id)
    expect(await search('vaksinasi')).not.toContain(created.id)

    expect((await send('DELETE', `/api/v1/announcements/${created.id}`)).status).toBe(204)
    expect(await search('imunisasi')).not.toContain(created.id)
  })

  it('drops an announcement from search when it is rescheduled into the future', async () => {
    const created = await create({ title: { id: 'Lomba perahu tradisional' } })
    expect(await search('perahu')).toContain(created.id)
    const res = await send('PATCH', `/api/v1/announcements/${created.id}`, { publishAt: iso(DAY) })
    expect(res.status).toBe(200)
    expect(await search('perahu')).not.toContain(created.id)
  })
})

describe('announcements API: refused input', () => {
  const valid = { title: { id: 'Judul' }, body: { id: 'Isi' }, category: 'general' }

  it.each([
    ['title is a string', { ...valid, title: 'Judul' }, '/title'],
    ['category outside the list', { ...valid, category: 'gossip' }, '/category'],
    ['publishAt is not a date', { ...valid, publishAt: 'besok' }, '/publishAt'],
    ['link is not http(s)', { ...valid, link: 'javascript:alert(1)' }, '/link'],
    ['title.id is empty', { ...valid, title: { id: '  ' } }, '/title/id'],
    ['body is missing', { title: valid.title, category: 'general' }, '/body'],
  ])('refuses wrong types on create: %s', async (_name, body, pointer) => {
    const before = await rowCount()
    const problem = await expectProblem(await send('POST', '/api/v1/announcements', body), 422)
    expect((problem.errors as { pointer: string }[]).map((e) => e.pointer)).toContain(pointer)
    expect(await rowCount()).toBe(before)
  })

  it('refuses unknown fields, top-level and nested', async () => {
    const before = await rowCount()
    const top = await expectProblem(await send('POST', '/api/v1/announcements', { ...valid, pinned: true }), 422)
    expect(JSON.stringify(top.errors)).toContain('pinned')
    const nested = await expectProblem(
      await send('POST', '/api/v1/announcements', { ...valid, title: { id: 'Judul', fr: 'Titre' } }),
      422,
    )
    expect(JSON.stringify(nested.errors)).toContain('fr')
    const created = await create()
    await expectProblem(await send('PATCH', `/api/v1/announcements/${created.id}`, { verifiedBy: 'me' }), 422)
    await expectProblem(await send('POST', `/api/v1/announcements/${created.id}/verify`, { by: 'me' }), 422)
    expect(await rowCount()).toBe(before + 1)
  })

  it('refuses expiresAt before publishAt, on create and on update', async () => {
    const created = await send('POST', '/api/v1/announcements', {
      ...valid,
      publishAt: '2026-05-02T00:00:00Z',
      expiresAt: '2026-05-01T00:00:00Z',
    })
    const problem = await expectProblem(created, 422)
    expect((problem.errors as { pointer: string }[]).map((e) => e.pointer)).toContain('/expiresAt')

    const existing = await create({ publishAt: iso(-DAY) })
    await expectProblem(await send('PATCH', `/api/v1/announcements/${existing.id}`, { expiresAt: iso(-2 * DAY) }), 422)
    const after = (await (await t.request(HOST, `/api/v1/announcements/${existing.id}`)).json()) as Announcement
    expect(after.expiresAt).toBeNull()
  })

  it('refuses an empty update', async () => {
    const existing = await create()
    await expectProblem(await send('PATCH', `/api/v1/announcements/${existing.id}`, {}), 422)
  })

  it.each([
    ['not base64 JSON', 'not-a-cursor!!'],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['the wrong number of values', encodeCursor(['2026-01-01T00:00:00.000Z'])],
    ['too long', 'a'.repeat(201)],
  ])('refuses a bad cursor: %s', async (_name, cursor) => {
    const res = await t.request(HOST, `/api/v1/announcements?cursor=${encodeURIComponent(cursor)}`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    await expectProblem(res, res.status)
  })

  it.each([['limit=0'], ['limit=101'], ['limit=abc'], ['category=gossip'], ['sort=oldest']])(
    'refuses bad list query %s with 422',
    async (query) => {
      await expectProblem(await t.request(HOST, `/api/v1/announcements?${query}`), 422)
    },
  )

  it('answers 404 for an unknown id and 422 for an overlong one', async () => {
    await expectProblem(await t.request(HOST, '/api/v1/announcements/ann_01J00000000000000000000000'), 404)
    await expectProblem(await t.request(HOST, `/api/v1/announcements/${'x'.repeat(65)}`), 422)
  })
})
