import { createTestPlatform, jsonOf, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../src/index'

/** Toba's four 2021 bimtek sessions, as the template seeds them from the press, unconfirmed. */

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
})
afterAll(() => t?.close())

describe("Toba's agenda", () => {
  it('holds the four 2021 bimtek sessions with their sourced dates, unverified and tentative in the feed', async () => {
    const { items } = await jsonOf<{ items: AgendaEntry[] }>(
      await t.request('toba.localhost', '/api/v1/governance/agenda?from=2021-01-01&to=2021-12-31'),
    )
    expect(items.map((e) => [e.kind, e.startDate, e.endDate, e.startTime])).toEqual([
      ['bimtek', '2021-06-28', '2021-06-29', null],
      ['bimtek', '2021-09-27', '2021-09-28', null],
      ['bimtek', '2021-10-21', '2021-10-22', null],
      ['bimtek', '2021-11-22', '2021-11-23', null],
    ])
    for (const entry of items) {
      expect(entry.verification.verified).toBe(false)
      expect(entry.sourceNote).toMatch(/Belum dikonfirmasi/)
    }
    const feed = await (await t.request('toba.localhost', '/api/v1/governance/agenda.ics')).text()
    expect(feed.match(/STATUS:TENTATIVE/g)).toHaveLength(4)
    expect(feed).toContain('DTSTART;VALUE=DATE:20211122')
  })
})
