import { createTestPlatform, expectProblem, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestPlatform
interface Hit {
  url: string
  module: string
  title: string
  snippet: string
  snippetParts: { text: string; match?: true }[]
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  await t.createTenant('lain')
})
afterAll(() => t.close())

const search = async (host: string, q: string, headers: Record<string, string> = {}) => {
  const res = await t.request(host, `/api/v1/search?q=${encodeURIComponent(q)}`, { headers })
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: Hit[] }).items
}

describe('GET /api/v1/search on the Toba template', () => {
  it('answers "Mau urus apa?" questions with the service first and marks the matched words', async () => {
    for (const [q, url] of [
      ['ktp', '/layanan/ktp-el-baru'],
      ['e ktp', '/layanan/ktp-el-baru'],
      ['KTP elektronik', '/layanan/ktp-el-baru'],
      ['bikin ktp', '/layanan/ktp-el-baru'],
      ['akta lahir', '/layanan/akta-kelahiran'],
      ['akta kelahran', '/layanan/akta-kelahiran'],
      ['kartu keluarga', '/layanan/kk-baru-perubahan'],
      ['kk', '/layanan/kk-baru-perubahan'],
      ['kartu keluraga', '/layanan/kk-baru-perubahan'],
    ]) {
      const [first] = await search('toba.localhost', q as string)
      expect({ q, url: first?.url, module: first?.module }).toEqual({ q, url, module: 'services' })
    }
    const [ktp] = await search('toba.localhost', 'ktp')
    const marked = ktp?.snippetParts.filter((p) => p.match).map((p) => p.text.toLowerCase()) ?? []
    expect(marked).toContain('ktp')
    // The parts and the bracketed snippet are the same passage.
    expect(ktp?.snippetParts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')).toBe(ktp?.snippet)
  })

  it("answers an office's name with the office, and nothing of another tenant's", async () => {
    const [first] = await search('toba.localhost', 'disdukcapil')
    expect(first?.url).toBe('/direktori/disdukcapil')
    const [bidang] = await search('toba.localhost', 'bidang pencatatan sipil')
    expect(bidang?.module).toBe('directory')
    expect(await search('lain.localhost', 'disdukcapil')).toEqual([])
  })

  it("takes the snippet from the reader's language, or from the other where only it has the words", async () => {
    const passage = (hit: Hit | undefined) => hit?.snippetParts.map((p) => p.text).join('') ?? ''
    const [indonesian] = await search('toba.localhost', 'ktp')
    expect(passage(indonesian)).toMatch(/^Perekaman dan penerbitan KTP-el/)
    expect(passage(indonesian)).not.toMatch(/Recording/)
    const [english] = await search('toba.localhost', 'ktp', { 'accept-language': 'en' })
    expect(passage(english)).toMatch(/^Recording and issuing the e-KTP/)
    const [fromEnglish] = await search('toba.localhost', 'recording')
    expect(passage(fromEnglish)).toMatch(/Recording/)
  })

  it('refuses an empty or oversized query with a problem', async () => {
    await expectProblem(await t.request('toba.localhost', '/api/v1/search?q='), 422)
    await expectProblem(await t.request('toba.localhost', `/api/v1/search?q=${'a'.repeat(201)}`), 422)
  })
})
