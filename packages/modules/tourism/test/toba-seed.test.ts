import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Attraction, TourismEvent } from '../src/index'
import { withTourism } from './support'

const HOST = 'toba.localhost'
let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform({ modules: withTourism })
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
})
afterAll(() => t?.close())

const get = async <T>(path: string): Promise<T> => {
  const res = await t.request(HOST, path)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as T
}

describe('the Toba template', () => {
  it('seeds real attractions of Kabupaten Toba, all unverified with their sources, without invented fees, phones or points', async () => {
    const { items } = await get<{ items: Attraction[] }>('/api/v1/tourism/attractions?limit=100')
    expect(items.map((a) => a.slug).sort()).toEqual([
      'air-terjun-situmurun',
      'bukit-pahoda',
      'makam-sisingamangaraja-xii',
      'museum-batak-tb-silalahi-center',
      'pantai-lumban-bulbul',
    ])
    for (const a of items) {
      expect(a.verification.verified).toBe(false)
      expect(a.sourceNote).toMatch(/Belum diverifikasi.*https?:\/\//s)
      expect(a.fees.every((f) => f.amount === null)).toBe(true)
      expect(a.contacts.phone).toBeNull()
      expect(a.coordinates).toBeNull()
      expect(['Balige', 'Lumban Julu']).toContain(a.kecamatan)
    }
    const balige = await get<{ items: Attraction[] }>('/api/v1/tourism/attractions?kecamatan=balige&freeEntry=true')
    expect(balige.items.map((a) => a.slug)).toEqual(['pantai-lumban-bulbul'])
  })

  it('seeds the yearly commemoration at the tomb, with no time it cannot cite', async () => {
    const page = await get<{ items: { event: TourismEvent; startDate: string }[] }>(
      '/api/v1/tourism/events?from=2027-06-01&to=2027-06-30',
    )
    expect(page.items.map((o) => [o.event.venueAttraction, o.startDate, o.event.startTime])).toEqual([
      ['makam-sisingamangaraja-xii', '2027-06-17', null],
    ])
    expect(page.items[0]?.event.verification.verified).toBe(false)
  })
})
