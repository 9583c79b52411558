import { newId, type TenantDb } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, expectProblem, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import photoModule from './fixtures/photo-module'

const HOST = 'foto.localhost'
let t: TestPlatform
let db: TenantDb

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...modules, photoModule] })
  await t.createTenant('foto')
  await setModuleEnabled(t.platform, 'foto', 'phototest', true)
  const tenant = await t.platform.tenantBySlug('foto')
  if (!tenant) throw new Error('tenant missing')
  db = await t.platform.tenantDb(tenant.record)
})
afterAll(() => t?.close())

/** A photo row as an upload leaves it (the files are not needed to name it in a record). */
async function storedPhoto(width: number, height: number): Promise<string> {
  const id = newId('pho')
  await db.$client.execute({
    sql: `INSERT INTO cerdas_photos (id, sha256, width, height, bytes, source_format, uploaded_by, created_at)
          VALUES (?, ?, ?, ?, 1000, 'jpeg', 'test', '2026-01-01T00:00:00Z')`,
    args: [id, id, width, height],
  })
  return id
}

const send = (method: string, path: string, body?: unknown) => t.send(HOST, method, `/api/v1${path}`, body)

describe('field.photos', () => {
  it('stores the photos named, with the size of each, and answers them publicly', async () => {
    const a = await storedPhoto(1600, 1067)
    const b = await storedPhoto(500, 800)
    const res = await send('POST', '/photo-spots', {
      name: { id: 'Bukit Holbung' },
      photos: [
        { id: a, alt: { id: 'Bukit hijau di tepi danau', en: 'Green hill by the lake' }, credit: 'Dinas Pariwisata' },
        { id: b, alt: { id: 'Jalan setapak' }, licence: 'CC BY 4.0', width: 1, height: 1 },
      ],
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const created = (await res.json()) as { slug: string; photos: unknown[] }
    expect(created.photos).toEqual([
      {
        id: a,
        alt: { id: 'Bukit hijau di tepi danau', en: 'Green hill by the lake' },
        credit: 'Dinas Pariwisata',
        licence: null,
        width: 1600,
        height: 1067,
      },
      { id: b, alt: { id: 'Jalan setapak' }, credit: null, licence: 'CC BY 4.0', width: 500, height: 800 },
    ])
    const pub = (await (await t.request(HOST, `/api/v1/photo-spots/${created.slug}`)).json()) as { photos: unknown }
    expect(pub.photos).toEqual(created.photos)
    const stored = await db.$client.execute('SELECT photos FROM phototest_spots')
    expect(JSON.parse(String(stored.rows.at(-1)?.photos))).toEqual(created.photos)
  })

  it('answers an empty list when a record has none, and reorders and removes on update', async () => {
    const res = await send('POST', '/photo-spots', { name: { id: 'Tanpa Foto' } })
    const created = (await res.json()) as { id: string; photos: unknown[] }
    expect(created.photos).toEqual([])
    const a = await storedPhoto(640, 480)
    const b = await storedPhoto(320, 240)
    const two = [
      { id: a, alt: { id: 'Satu' } },
      { id: b, alt: { id: 'Dua' } },
    ]
    await send('PATCH', `/photo-spots/${created.id}`, { photos: two })
    const swapped = await send('PATCH', `/photo-spots/${created.id}`, { photos: [two[1], two[0]] })
    expect(((await swapped.json()) as { photos: { id: string }[] }).photos.map((p) => p.id)).toEqual([b, a])
    const none = await send('PATCH', `/photo-spots/${created.id}`, { photos: [] })
    expect(((await none.json()) as { photos: unknown[] }).photos).toEqual([])
  })

  it('refuses an id this tenant does not have with a 422 that points at it', async () => {
    const a = await storedPhoto(640, 480)
    const res = await send('POST', '/photo-spots', {
      name: { id: 'Salah' },
      photos: [
        { id: a, alt: { id: 'Ada' } },
        { id: 'pho_01JXXXXXXXXXXXXXXXXXXXXXXX', alt: { id: 'Tidak ada' } },
      ],
    })
    const problem = await expectProblem(res, 422)
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/photos/1/id' })])
  })

  it('requires Indonesian alt text and refuses more photos than the field takes', async () => {
    const a = await storedPhoto(640, 480)
    await expectProblem(await send('POST', '/photo-spots', { name: { id: 'X' }, photos: [{ id: a }] }), 422)
    await expectProblem(
      await send('POST', '/photo-spots', { name: { id: 'X' }, photos: [{ id: a, alt: { en: 'Only English' } }] }),
      422,
    )
    const five = Array.from({ length: 5 }, () => ({ id: a, alt: { id: 'Sama' } }))
    await expectProblem(await send('POST', '/photo-spots', { name: { id: 'X' }, photos: five }), 422)
  })

  it('describes PhotoRef in the OpenAPI document', async () => {
    const doc = (await (await t.request(HOST, '/api/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }
    expect(Object.keys(doc.components.schemas.PhotoRef?.properties ?? {})).toEqual([
      'id',
      'alt',
      'credit',
      'licence',
      'width',
      'height',
    ])
    expect(doc.components.schemas.PhotoRefInput).toBeDefined()
  })
})
