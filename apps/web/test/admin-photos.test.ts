import type { Actor, Grant } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { localPhotoStorage, photoService, uploadPhoto } from '@cerdas/photos'
import { setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as editRoute from '../app/routes/admin.data.$module.$entity.$id'
import * as createRoute from '../app/routes/admin.data.$module.$entity.baru'
import { tenantPageContext } from '../server/page-context'
import photoModule, { spot } from './fixtures/photo-module'

/**
 * The console's photo inputs without JavaScript: a multipart form posted to the generic create and
 * edit actions uploads a photo with its alt text, reorders, edits and removes the others, and
 * shows problems next to the file or alt-text input with everything typed kept.
 */

const CSRF = 'csrf-token-for-tests'
const grants: Grant[] = [{ role: 'editor', dimension: 'branding' }]
const actor: Actor = { kind: 'user', id: 'usr_branding', name: 'Tim Branding', grants }
const params = { module: 'phototest', entity: 'spot' }
let t: TestPlatform
let web: WebLoadContext

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...modules, photoModule] })
  await t.createTenant('foto')
  await setModuleEnabled(t.platform, 'foto', 'phototest', true)
  const tenant = await t.platform.tenantBySlug('foto')
  if (!tenant) throw new Error('no tenant')
  const db = await t.platform.tenantDb(tenant.record)
  const photos = photoService(localPhotoStorage(t.dataDir))
  web = await tenantPageContext(t.platform, tenant, db, actor, {
    locale: 'id',
    requestId: 'test',
    currentPath: '/admin',
    session: { userId: actor.id, name: actor.name as string, email: 'brand@example.org', grants, csrfToken: CSRF },
    secureCookies: false,
    clientIp: undefined,
    uploadPhoto: async (ctx, bytes) => (await uploadPhoto(ctx, photos, bytes)).photo,
  })
})
afterAll(() => t?.close())

const ctx = () => (web.site.kind === 'tenant' ? web.site.ctx : (undefined as never))
const context = () => web as unknown as AppLoadContext

interface Answer {
  values: Record<string, string>
  errors: Record<string, { code: string; message?: string }>
}
const unwrap = (result: unknown) => result as { data: Answer; init: { status?: number } | null }

async function jpeg(width: number, height: number, shade: number): Promise<Blob> {
  const bytes = await sharp(Buffer.alloc(width * height * 3, shade), { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer()
  return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' })
}

function form(entries: Record<string, string | Blob>): FormData {
  const body = new FormData()
  body.set('_csrf', CSRF)
  for (const [name, value] of Object.entries(entries))
    value instanceof Blob ? body.set(name, value, 'foto.jpg') : body.set(name, value)
  return body
}

async function post(
  action: typeof createRoute.action,
  path: string,
  body: FormData,
  extra: Record<string, string> = {},
) {
  const request = new Request(`http://foto.localhost${path}`, { method: 'POST', body })
  try {
    return await action({ request, params: { ...params, ...extra }, context: context() })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('photos in the console form, without JavaScript', () => {
  it('creates a record with an uploaded photo and its alt text, credit and licence', async () => {
    const res = await post(
      createRoute.action,
      '/admin/data/phototest/spot/baru',
      form({
        'name.id': 'Air Terjun Situmurun',
        'photos.new.file': await jpeg(800, 500, 40),
        'photos.new.alt.id': 'Air terjun jatuh ke danau',
        'photos.new.alt.en': 'A waterfall falling into the lake',
        'photos.new.credit': 'Dinas Pariwisata Toba',
        'photos.new.licence': 'CC BY 4.0',
      }),
    )
    expect(res instanceof Response && res.status).toBe(302)
    const [record] = (await spot.listForEditing(ctx(), { limit: 10 })).items
    expect(record?.photos).toEqual([
      expect.objectContaining({
        alt: { id: 'Air terjun jatuh ke danau', en: 'A waterfall falling into the lake' },
        credit: 'Dinas Pariwisata Toba',
        licence: 'CC BY 4.0',
        width: 800,
        height: 500,
      }),
    ])
  })

  it('keeps what was typed and names the input when the alt text is missing or the file is not an image', async () => {
    const noAlt = unwrap(
      await post(
        createRoute.action,
        '/admin/data/phototest/spot/baru',
        form({ 'name.id': 'Bukit Holbung', 'photos.new.file': await jpeg(300, 200, 90), 'photos.new.credit': 'Saya' }),
      ),
    )
    expect(noAlt.init?.status).toBe(422)
    expect(noAlt.data.errors['photos.new.alt.id']?.code).toBe('required')
    expect(noAlt.data.values).toMatchObject({ 'name.id': 'Bukit Holbung', 'photos.new.credit': 'Saya' })
    const notImage = unwrap(
      await post(
        createRoute.action,
        '/admin/data/phototest/spot/baru',
        form({
          'name.id': 'Bukit Holbung',
          'photos.new.file': new Blob(['bukan foto sama sekali, hanya teks'], { type: 'image/jpeg' }),
          'photos.new.alt.id': 'Bukit',
        }),
      ),
    )
    expect(notImage.init?.status).toBe(422)
    expect(notImage.data.errors['photos.new.file']?.code).toBe('custom')
    expect(notImage.data.values).toMatchObject({ 'name.id': 'Bukit Holbung', 'photos.new.alt.id': 'Bukit' })
  })

  it('edits alt text, reorders by position, removes one and adds another in one save', async () => {
    const created = await post(
      createRoute.action,
      '/admin/data/phototest/spot/baru',
      form({ 'name.id': 'Pantai Parbaba', 'photos.new.file': await jpeg(640, 480, 120), 'photos.new.alt.id': 'Satu' }),
    )
    expect(created instanceof Response && created.status).toBe(302)
    const record = (await spot.listForEditing(ctx(), { limit: 20 })).items.find((r) => r.name.id === 'Pantai Parbaba')!
    const loaded = unwrap(
      await editRoute.loader({
        request: new Request(`http://foto.localhost/admin/data/phototest/spot/${record.id}`),
        params: { ...params, id: record.id },
        context: context(),
      }),
    ).data
    expect(loaded.values).toMatchObject({ 'photos.0.id': record.photos[0]?.id, 'photos.0.alt.id': 'Satu' })
    // Add a second photo, then put it first and rename the first.
    const second = await post(
      editRoute.action,
      `/admin/data/phototest/spot/${record.id}`,
      form({
        _intent: 'update',
        'name.id': 'Pantai Parbaba',
        'photos.0.id': record.photos[0]!.id,
        'photos.0.alt.id': 'Satu',
        'photos.0.position': '1',
        'photos.new.file': await jpeg(500, 500, 200),
        'photos.new.alt.id': 'Dua',
      }),
      { id: record.id },
    )
    expect(second instanceof Response && second.status).toBe(302)
    const two = (await spot.getForEditing(ctx(), record.id)).photos
    expect(two.map((p) => p.alt.id)).toEqual(['Satu', 'Dua'])
    const reordered = await post(
      editRoute.action,
      `/admin/data/phototest/spot/${record.id}`,
      form({
        _intent: 'update',
        'name.id': 'Pantai Parbaba',
        'photos.0.id': two[0]!.id,
        'photos.0.alt.id': 'Satu, diganti',
        'photos.0.position': '2',
        'photos.1.id': two[1]!.id,
        'photos.1.alt.id': 'Dua',
        'photos.1.position': '1',
      }),
      { id: record.id },
    )
    expect(reordered instanceof Response && reordered.status).toBe(302)
    expect((await spot.getForEditing(ctx(), record.id)).photos.map((p) => p.alt.id)).toEqual(['Dua', 'Satu, diganti'])
    const removed = await post(
      editRoute.action,
      `/admin/data/phototest/spot/${record.id}`,
      form({
        _intent: 'update',
        'name.id': 'Pantai Parbaba',
        'photos.0.id': two[1]!.id,
        'photos.0.alt.id': 'Dua',
        'photos.1.id': two[0]!.id,
        'photos.1.alt.id': 'Satu',
        'photos.1.remove': 'on',
      }),
      { id: record.id },
    )
    expect(removed instanceof Response && removed.status).toBe(302)
    expect((await spot.getForEditing(ctx(), record.id)).photos.map((p) => p.id)).toEqual([two[1]!.id])
  })
})
