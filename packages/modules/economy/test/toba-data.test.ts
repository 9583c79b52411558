import { createTestPlatform, jsonOf, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Business, Eatery, Lodging } from '../src/index'

const HOST = 'toba.localhost'
let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
})
afterAll(() => t?.close())

const all = async <R>(path: string) =>
  (await jsonOf<{ items: R[] }>(await t.request(HOST, `/api/v1/economy/${path}?limit=100`))).items

describe('the Toba template', () => {
  it('seeds culinary places, lodgings and businesses, every one unverified with its source named', async () => {
    const places = [
      ...(await all<Eatery>('eateries')),
      ...(await all<Lodging>('lodgings')),
      ...(await all<Business>('businesses')),
    ]
    expect(places.length).toBeGreaterThanOrEqual(8)
    for (const p of places) {
      expect(p.verification.verified, p.slug).toBe(false)
      expect(p.sourceNote, p.slug).toMatch(/https:\/\//)
      expect(p.sourceNote, p.slug).toContain('Belum diverifikasi')
    }
  })

  it('invents no prices, phone numbers, hours or star classes', async () => {
    const eateries = await all<Eatery & { hours: unknown }>('eateries')
    expect(eateries.flatMap((e) => e.dishes.map((d) => d.price)).every((p) => p === null)).toBe(true)
    const lodgings = await all<Lodging & { hours: unknown }>('lodgings')
    expect(lodgings.every((l) => l.priceMin === null && l.priceMax === null && l.starClass === null)).toBe(true)
    const businesses = await all<Business & { hours: unknown }>('businesses')
    for (const p of [...eateries, ...lodgings, ...businesses]) {
      expect(p.contacts, p.slug).toEqual({ phone: null, whatsapp: null, email: null, website: null })
      expect(p.hours, p.slug).toBeNull()
    }
    expect(businesses.every((b) => b.publicNib === null && b.rumahKreatifUrl === null)).toBe(true)
  })

  it('states halal only where the source does: unknown otherwise', async () => {
    const bySlug = new Map((await all<Eatery>('eateries')).map((e) => [e.slug, e]))
    expect(bySlug.get('rm-betesda-lumban-silintong')).toMatchObject({ halal: 'no_pork_claimed', servesPork: 'no' })
    expect(bySlug.get('vivi-cafe-lumban-silintong')).toMatchObject({ halal: 'unknown', servesPork: 'unknown' })
    expect(bySlug.get('mi-gomak-mak-reni')).toMatchObject({ halal: 'unknown', servesPork: 'unknown' })
  })
})
