import type { TenantDb } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import {
  createTestPlatform,
  createTestToken,
  expectProblem,
  jsonOf,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Business, Eatery, Lodging } from '../src/index'

const HOST = 'uji.localhost'
const OTHER = 'lain.localhost'
const EATERIES = '/api/v1/economy/eateries'
const LODGINGS = '/api/v1/economy/lodgings'
const BUSINESSES = '/api/v1/economy/businesses'

type Listed<R> = {
  items: (R & { hours: { open: boolean } | null })[]
  nextCursor: string | null
  withoutHours?: number
}

let t: TestPlatform
let db: TenantDb

beforeAll(async () => {
  t = await createTestPlatform()
  for (const slug of ['uji', 'lain']) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'economy', true)
  }
  db = await tenantDbOf(t, 'uji')
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST) =>
  t.send(host, method, path, body, token)

let seq = 0
const createEatery = async (input: Record<string, unknown> = {}, host = HOST) =>
  jsonOf<Eatery>(
    await send(
      'POST',
      EATERIES,
      { name: { id: `Rumah Makan Uji ${++seq}` }, type: 'rumah_makan', ...input },
      undefined,
      host,
    ),
    201,
  )
const createLodging = async (input: Record<string, unknown> = {}) =>
  jsonOf<Lodging>(
    await send('POST', LODGINGS, { name: { id: `Penginapan Uji ${++seq}` }, type: 'homestay', ...input }),
    201,
  )
const createBusiness = async (input: Record<string, unknown> = {}) =>
  jsonOf<Business>(
    await send('POST', BUSINESSES, { name: { id: `Usaha Uji ${++seq}` }, sector: 'craft', ...input }),
    201,
  )
const list = async <R>(path: string, query: string) => jsonOf<Listed<R>>(await t.request(HOST, `${path}?${query}`))
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id)

describe('culinary places', () => {
  it('creates one with what visitors ask stated as unknown until recorded, and reads it by slug', async () => {
    const created = await createEatery({
      name: { id: 'Lapo Ni Tondongta', en: 'Lapo Ni Tondongta' },
      type: 'lapo',
      kecamatan: 'Balige',
      coordinates: { lat: 2.3345, lon: 99.0642 },
      contacts: { whatsapp: '+62 812 1111 2222' },
      dishes: [{ name: { id: 'Arsik ikan mas', en: 'Arsik carp' } }, { name: { id: 'Saksang' }, price: 35_000 }],
    })
    expect(created.id).toMatch(/^eat_/)
    expect(created.slug).toBe('lapo-ni-tondongta')
    expect(created).toMatchObject({ halal: 'unknown', servesPork: 'unknown', halalCertificate: null, photos: [] })
    expect(created.dishes).toEqual([
      { name: { id: 'Arsik ikan mas', en: 'Arsik carp' }, price: null },
      { name: { id: 'Saksang' }, price: 35_000 },
    ])
    expect(created.verification.verified).toBe(false)
    const bySlug = await jsonOf<Eatery>(await t.request(HOST, `${EATERIES}/${created.slug}`))
    expect(bySlug).toEqual(created)
    const page = await list<Eatery>(EATERIES, 'kecamatan=balige&type=lapo')
    expect(ids(page)).toContain(created.id)
    // No hours yet: the list says so rather than guessing.
    expect(page.items.find((i) => i.id === created.id)?.hours).toBeNull()
  })

  it('filters halal (certified or Muslim-owned), a stated status, pork, price level and facilities', async () => {
    const tag = 'Uji Halal'
    const certified = await createEatery({
      kecamatan: tag,
      halal: 'certified',
      halalCertificate: 'ID12110000000000000, BPJPH',
      servesPork: 'no',
      priceLevel: 'budget',
      facilities: ['prayer_room', 'parking'],
    })
    const muslim = await createEatery({ kecamatan: tag, halal: 'muslim_owned', priceLevel: 'moderate' })
    const noPork = await createEatery({ kecamatan: tag, halal: 'no_pork_claimed', servesPork: 'no' })
    const lapo = await createEatery({ kecamatan: tag, type: 'lapo', halal: 'not_halal', servesPork: 'yes' })
    const unknown = await createEatery({ kecamatan: tag, facilities: ['parking'] })
    const k = `kecamatan=${encodeURIComponent(tag)}`
    expect(ids(await list(EATERIES, `${k}&halal=true`)).sort()).toEqual([certified.id, muslim.id].sort())
    expect(ids(await list(EATERIES, `${k}&halal=no_pork_claimed`))).toEqual([noPork.id])
    expect(ids(await list(EATERIES, `${k}&halal=unknown`))).toEqual([unknown.id])
    expect(ids(await list(EATERIES, `${k}&servesPork=yes`))).toEqual([lapo.id])
    expect(ids(await list(EATERIES, `${k}&servesPork=no`)).sort()).toEqual([certified.id, noPork.id].sort())
    expect(ids(await list(EATERIES, `${k}&halal=true&priceLevel=budget`))).toEqual([certified.id])
    expect(ids(await list(EATERIES, `${k}&facilities=parking`)).sort()).toEqual([certified.id, unknown.id].sort())
    expect(ids(await list(EATERIES, `${k}&facilities=parking,prayer_room`))).toEqual([certified.id])
  })

  it('refuses contradicting or unnamed statements, on create and against the stored record', async () => {
    const noCertificate = await expectProblem(
      await send('POST', EATERIES, { name: { id: 'X' }, type: 'warung', halal: 'certified' }),
      422,
    )
    expect(JSON.stringify(noCertificate)).toContain('/halalCertificate')
    const contradiction = await expectProblem(
      await send('POST', EATERIES, { name: { id: 'Y' }, type: 'warung', halal: 'muslim_owned', servesPork: 'yes' }),
      422,
    )
    expect(JSON.stringify(contradiction)).toContain('/servesPork')
    const stored = await createEatery({ halal: 'muslim_owned' })
    await expectProblem(await send('PATCH', `${EATERIES}/${stored.id}`, { servesPork: 'yes' }), 422)
    // Certified with the certificate already stored: one change alone is judged with the other as stored.
    const withCertificate = await createEatery({ halalCertificate: 'ID1, BPJPH' })
    const patched = await jsonOf<Eatery>(
      await send('PATCH', `${EATERIES}/${withCertificate.id}`, { halal: 'certified' }),
    )
    expect(patched.halal).toBe('certified')
    await expectProblem(await send('PATCH', `${EATERIES}/${withCertificate.id}`, { halalCertificate: null }), 422)
  })

  it('answers bad input with problems, never a 500', async () => {
    await expectProblem(await send('POST', EATERIES, { name: { id: 'X' }, type: 'kedai' }), 422)
    await expectProblem(await send('POST', EATERIES, { name: { id: 'X' }, type: 'warung', rating: 5 }), 422)
    await expectProblem(
      await send('POST', EATERIES, { name: { id: 'X' }, type: 'warung', coordinates: { lat: 99.06, lon: 2.33 } }),
      422,
    )
    await expectProblem(
      await send('POST', EATERIES, { name: { id: 'X' }, type: 'warung', dishes: [{ price: 10 }] }),
      422,
    )
    await expectProblem(await t.request(HOST, `${EATERIES}?halal=maybe`), 422)
    await expectProblem(await t.request(HOST, `${EATERIES}?openNow=yes`), 422)
    await expectProblem(await t.request(HOST, `${EATERIES}?at=tomorrow`), 422)
    await expectProblem(await t.request(HOST, `${EATERIES}?cursor=bogus!!`), 400)
    await expectProblem(await t.request(HOST, `${EATERIES}/tidak-ada`), 404)
  })
})

describe('lodgings', () => {
  it('keeps class, nightly prices, rooms, check-in/out and booking, and filters by star class', async () => {
    const hotel = await createLodging({
      type: 'hotel',
      starClass: 3,
      priceMin: 350_000,
      priceMax: 800_000,
      rooms: 40,
      checkIn: '14:00',
      checkOut: '12:00',
      bookingUrl: 'https://hotel-uji.example.org/pesan',
      kecamatan: 'Uji Inap',
      facilities: ['wifi', 'hot_water'],
    })
    expect(hotel).toMatchObject({ starClass: 3, priceMin: 350_000, rooms: 40, checkIn: '14:00' })
    const homestay = await createLodging({ kecamatan: 'Uji Inap' })
    expect(ids(await list(LODGINGS, 'kecamatan=Uji%20Inap&starClass=3'))).toEqual([hotel.id])
    expect(ids(await list(LODGINGS, 'kecamatan=Uji%20Inap&type=homestay'))).toEqual([homestay.id])
    expect(ids(await list(LODGINGS, 'kecamatan=Uji%20Inap&facilities=hot_water'))).toEqual([hotel.id])
    await expectProblem(await t.request(HOST, `${LODGINGS}?starClass=6`), 422)
  })

  it('refuses a star class on a homestay, a price range that runs backwards and a time that is not one', async () => {
    await expectProblem(await send('POST', LODGINGS, { name: { id: 'H' }, type: 'homestay', starClass: 2 }), 422)
    await expectProblem(
      await send('POST', LODGINGS, { name: { id: 'H' }, type: 'hotel', priceMin: 500_000, priceMax: 300_000 }),
      422,
    )
    await expectProblem(await send('POST', LODGINGS, { name: { id: 'H' }, type: 'hotel', checkIn: '25:00' }), 422)
    const hotel = await createLodging({ type: 'hotel', starClass: 4 })
    // Turning the hotel into a homestay while it keeps its stars is the same contradiction.
    await expectProblem(await send('PATCH', `${LODGINGS}/${hotel.id}`, { type: 'homestay' }), 422)
  })
})

describe('small businesses (UMKM)', () => {
  const NIB = '9120301234567'

  it('keeps the NIB for the team and shows it only when the business agreed', async () => {
    const created = await createBusiness({ nib: NIB, products: ['Ulos Sadum'], kecamatan: 'Uji NIB' })
    // Editors see what they keep; the public never does.
    expect(created).toMatchObject({ nib: NIB, nibPublic: false, publicNib: null })
    const got = await t.request(HOST, `${BUSINESSES}/${created.slug}`)
    const publicText = await got.text()
    expect(got.status).toBe(200)
    expect(publicText).not.toContain(NIB)
    expect(JSON.parse(publicText)).not.toHaveProperty('nib')
    const listed = await t.request(HOST, `${BUSINESSES}?kecamatan=Uji%20NIB`)
    expect(await listed.text()).not.toContain(NIB)
    const found = await t.request(HOST, `/api/v1/search?q=${NIB}`)
    expect(await found.text()).not.toContain(created.id)

    const agreed = await jsonOf<Business>(await send('PATCH', `${BUSINESSES}/${created.id}`, { nibPublic: true }))
    expect(agreed.publicNib).toBe(NIB)
    expect((await jsonOf<Business>(await t.request(HOST, `${BUSINESSES}/${created.id}`))).publicNib).toBe(NIB)
    // A new NIB is shown as it is now; withdrawing consent hides it again.
    const renumbered = await jsonOf<Business>(
      await send('PATCH', `${BUSINESSES}/${created.id}`, { nib: '9120307654321' }),
    )
    expect(renumbered.publicNib).toBe('9120307654321')
    const withdrawn = await jsonOf<Business>(await send('PATCH', `${BUSINESSES}/${created.id}`, { nibPublic: false }))
    expect(withdrawn.publicNib).toBeNull()
    expect(await (await t.request(HOST, `${BUSINESSES}/${created.id}`)).text()).not.toContain('9120307654321')
  })

  it('refuses a shown NIB typed in, an NIB that is not 13 digits and a certificate without a number', async () => {
    await expectProblem(await send('POST', BUSINESSES, { name: { id: 'U' }, sector: 'craft', publicNib: NIB }), 422)
    await expectProblem(await send('POST', BUSINESSES, { name: { id: 'U' }, sector: 'craft', nib: '12345' }), 422)
    await expectProblem(
      await send('POST', BUSINESSES, { name: { id: 'U' }, sector: 'craft', certificates: [{ kind: 'halal' }] }),
      422,
    )
  })

  it('keeps certificates and marketplace links, and filters by sector', async () => {
    const coffee = await createBusiness({
      sector: 'food_beverage',
      kecamatan: 'Uji Sektor',
      certificates: [{ kind: 'pirt', number: '2061212010001-23', issuer: 'Dinas Kesehatan' }],
      marketplaceLinks: [{ label: 'Toko daring', url: 'https://toko.example.org/kopi' }],
    })
    expect(coffee.certificates).toEqual([{ kind: 'pirt', number: '2061212010001-23', issuer: 'Dinas Kesehatan' }])
    const weaver = await createBusiness({ kecamatan: 'Uji Sektor' })
    expect(ids(await list(BUSINESSES, 'kecamatan=Uji%20Sektor&sector=food_beverage'))).toEqual([coffee.id])
    expect(ids(await list(BUSINESSES, 'kecamatan=Uji%20Sektor&sector=craft'))).toEqual([weaver.id])
  })
})

/** Hours of a place through the schedules API, owned by `economy/<type>/<slug>`. */
async function giveHours(type: string, slug: string, definition: Record<string, unknown>, host = HOST) {
  return jsonOf<{ id: string }>(
    await send(
      'POST',
      '/api/v1/schedules',
      { owner: { module: 'economy', type, id: slug }, kind: 'hours', label: { id: 'Jam buka' }, definition },
      TEST_OPERATOR_TOKEN,
      host,
    ),
    201,
  )
}

const DAY = [{ start: '08:00', end: '20:00' }]
const LATE = [{ start: '10:00', end: '22:00' }]

describe('open now, around Independence Day (Monday 17 August 2026)', () => {
  const area = 'kecamatan=Uji%20Jam'
  const at = (local: string) => `at=${encodeURIComponent(`${local}:00+07:00`)}`
  let warung: Eatery
  let cafe: Eatery

  beforeAll(async () => {
    // A warung closed on Sundays and public holidays; a café open every day, holidays included.
    warung = await createEatery({ kecamatan: 'Uji Jam', type: 'warung' })
    cafe = await createEatery({ kecamatan: 'Uji Jam', type: 'cafe' })
    await createEatery({ kecamatan: 'Uji Jam', type: 'street_food' })
    await giveHours('eatery', warung.slug, {
      weekly: { mo: DAY, tu: DAY, we: DAY, th: DAY, fr: DAY, sa: DAY },
      closedOnHolidays: true,
    })
    await giveHours('eatery', cafe.slug, {
      weekly: { mo: LATE, tu: LATE, we: LATE, th: LATE, fr: LATE, sa: LATE, su: LATE },
      closedOnHolidays: false,
    })
  })

  it('the Monday before: the warung is open at 09:00, the café not yet; the place without hours is counted', async () => {
    const open = await list<Eatery>(EATERIES, `${area}&openNow=true&${at('2026-08-10T09:00')}`)
    expect(ids(open)).toEqual([warung.id])
    expect(open.withoutHours).toBe(1)
    expect(open.nextCursor).toBeNull()
  })

  it('on the holiday at 11:00 only the café is open, and the list says why the warung is closed', async () => {
    expect(ids(await list(EATERIES, `${area}&openNow=true&${at('2026-08-17T11:00')}`))).toEqual([cafe.id])
    const all = await list<Eatery>(EATERIES, `${area}&${at('2026-08-17T11:00')}`)
    const status = all.items.find((i) => i.id === warung.id)?.hours as unknown as {
      open: boolean
      reason: { kind: string }
    }
    expect(status).toMatchObject({ open: false, reason: { kind: 'holiday' } })
    expect(all.items).toHaveLength(3)
  })

  it('the day after, both; on the Sunday before, the café alone', async () => {
    expect(ids(await list(EATERIES, `${area}&openNow=true&${at('2026-08-18T11:00')}`)).sort()).toEqual(
      [warung.id, cafe.id].sort(),
    )
    expect(ids(await list(EATERIES, `${area}&openNow=true&${at('2026-08-16T11:00')}`))).toEqual([cafe.id])
  })

  it('lodgings and businesses answer open now the same way', async () => {
    const office = await createBusiness({ kecamatan: 'Uji Jam' })
    await giveHours('business', office.slug, { weekly: { mo: DAY, tu: DAY }, closedOnHolidays: true })
    const reception = await createLodging({ kecamatan: 'Uji Jam' })
    await giveHours('lodging', reception.slug, { weekly: { mo: DAY }, closedOnHolidays: false })
    expect(ids(await list(BUSINESSES, `${area}&openNow=true&${at('2026-08-18T09:00')}`))).toEqual([office.id])
    expect(ids(await list(BUSINESSES, `${area}&openNow=true&${at('2026-08-17T09:00')}`))).toEqual([])
    expect(ids(await list(LODGINGS, `${area}&openNow=true&${at('2026-08-17T09:00')}`))).toEqual([reception.id])
  })

  it('deleting a place deletes its hours', async () => {
    const gone = await createEatery({ kecamatan: 'Uji Hapus' })
    const schedule = await giveHours('eatery', gone.slug, { weekly: { mo: DAY } })
    expect((await send('DELETE', `${EATERIES}/${gone.id}`)).status).toBe(204)
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${schedule.id}`), 404)
    const rows = await db.$client.execute({
      sql: "SELECT COUNT(*) AS n FROM schedules_schedules WHERE owner_module = 'economy' AND owner_id = ?",
      args: [gone.slug],
    })
    expect(Number(rows.rows[0]?.n)).toBe(0)
  })
})

describe('who may change economy data', () => {
  it('the economy team may; the branding and governance teams and anonymous callers may not', async () => {
    const place = await createEatery()
    const economy = await createTestToken(t, 'uji', [{ role: 'editor', dimension: 'economy' }])
    const branding = await createTestToken(t, 'uji', [{ role: 'editor', dimension: 'branding' }])
    const governance = await createTestToken(t, 'uji', [{ role: 'editor', dimension: 'governance' }])
    for (const [path, body] of [
      [EATERIES, { name: { id: 'Warung tim' }, type: 'warung' }],
      [LODGINGS, { name: { id: 'Homestay tim' }, type: 'homestay' }],
      [BUSINESSES, { name: { id: 'Usaha tim' }, sector: 'fishery' }],
    ] as const) {
      await expectProblem(await send('POST', path, body, branding.secret), 403)
      await expectProblem(await send('POST', path, body, governance.secret), 403)
      await expectProblem(await send('POST', path, body, null), 401)
      expect((await send('POST', path, body, economy.secret)).status).toBe(201)
    }
    const patch = (token: string | null) => send('PATCH', `${EATERIES}/${place.id}`, { halal: 'not_halal' }, token)
    await expectProblem(await patch(branding.secret), 403)
    await expectProblem(await patch(governance.secret), 403)
    expect((await patch(economy.secret)).status).toBe(200)
    // Deleting stays with admins.
    await expectProblem(await send('DELETE', `${EATERIES}/${place.id}`, undefined, economy.secret), 403)
  })
})

describe('tenant isolation', () => {
  it("one tenant's places are not found, listed or editable on another's host", async () => {
    const theirs = await createEatery({ kecamatan: 'Lain' }, OTHER)
    await expectProblem(await t.request(HOST, `${EATERIES}/${theirs.id}`), 404)
    await expectProblem(await t.request(HOST, `${EATERIES}/${theirs.slug}`), 404)
    await expectProblem(await send('PATCH', `${EATERIES}/${theirs.id}`, { halal: 'not_halal' }), 404)
    expect(ids(await list(EATERIES, 'kecamatan=Lain'))).not.toContain(theirs.id)
    // Hours cannot be hung on another tenant's place either.
    await expectProblem(
      await send('POST', '/api/v1/schedules', {
        owner: { module: 'economy', type: 'eatery', id: theirs.slug },
        kind: 'hours',
        label: { id: 'Jam' },
        definition: { weekly: { mo: DAY } },
      }),
      422,
    )
  })
})
