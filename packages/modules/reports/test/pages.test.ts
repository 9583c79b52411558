import type { TenantContext } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { setModuleEnabled, updateModuleSettings } from '@cerdas/platform'
import { createTestPlatform, jsonOf, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as dataAction } from '../web/report-data'
import { action as downloadAction } from '../web/report-data-download'
import { action as formAction, headers as formHeaders, loader as formLoader } from '../web/report-form'
import { loader as listLoader } from '../web/report-list'
import { loader as pageLoader } from '../web/report-page'
import { loader as privacyLoader } from '../web/report-privacy'
import { action as submitAction } from '../web/report-submit'
import { action as trackAction, headers as trackHeaders } from '../web/report-track'

const HOST = 'uji.localhost'
const NAME = 'Tiurma Penanda Halaman'
const LANDMARK = 'Samping warung bercat biru penanda'
let t: TestPlatform
let categorySlug = ''

async function tenantCtx(): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant missing')
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
}

const chosen: Record<string, unknown> = {}
/** Sets some of the module's settings, keeping those set before. */
async function settings(values: Record<string, unknown>) {
  Object.assign(chosen, values)
  await updateModuleSettings(t.platform, await tenantCtx(), 'reports', { ...chosen })
}

const context = async (extra: Partial<WebLoadContext> = {}): Promise<AppLoadContext> =>
  ({
    site: { kind: 'tenant', ctx: await tenantCtx(), nav: [], modules: [], reference: {}, definitions: [] },
    locale: 'id',
    requestId: 'test',
    currentPath: '/lapor',
    session: null,
    secureCookies: false,
    clientIp: '203.0.113.7',
    ...extra,
  }) satisfies WebLoadContext as unknown as AppLoadContext

const get = async (path: string, params: Record<string, string> = {}, cookie?: string) => ({
  request: new Request(`http://${HOST}${path}`, { headers: cookie ? { cookie } : {} }),
  context: await context(),
  params,
})

const post = async (path: string, fields: Record<string, string>, extra: Partial<WebLoadContext> = {}) => {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.append(k, v)
  return {
    request: new Request(`http://${HOST}${path}`, { method: 'POST', body }),
    context: await context(extra),
    params: {},
  }
}

/** Remix's `data()` result: the value and its init. */
const unwrap = <T>(result: unknown) => {
  const r = result as { data: T; init: { status?: number; headers?: HeadersInit } | null }
  return { data: r.data, status: r.init?.status ?? 200, headers: new Headers(r.init?.headers) }
}

async function formFields(device = 'perangkat-uji-0001') {
  const loaded = unwrap<{ delayToken: string; clientKey: string }>(await formLoader(await get('/lapor')))
  return { delayToken: loaded.data.delayToken, clientKey: loaded.data.clientKey, device }
}

const REPORT = {
  description: 'Sampah menumpuk di tepi jalan sejak minggu lalu',
  kecamatan: 'Balige',
  desa: 'Napitupulu',
  landmark: LANDMARK,
  name: NAME,
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await setModuleEnabled(t.platform, 'uji', 'reports', true)
  const cat = await jsonOf<{ slug: string }>(
    await t.send(HOST, 'POST', '/api/v1/reports/categories', {
      name: { id: 'Sampah uji halaman', en: 'Page test waste' },
      description: { id: 'Sampah rumah tangga tidak diangkut sesuai jadwal' },
      group: 'Persampahan',
    }),
    201,
  )
  categorySlug = cat.slug
  // Every form here comes from one address: the per-device limit is the one under test.
  await settings({ perIpPerHour: 1000 })
}, 120_000)
afterAll(() => t?.close())

describe('the report form', () => {
  it('renders with a delay token, a client key and a device cookie, never stored', async () => {
    const loaded = unwrap<{
      delayToken: string
      clientKey: string
      device: string
      categories: { slug: string; group: string | null }[]
    }>(await formLoader(await get('/lapor')))
    expect(loaded.data.delayToken.length).toBeGreaterThan(10)
    expect(loaded.data.clientKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(loaded.data.categories).toContainEqual(expect.objectContaining({ slug: categorySlug, group: 'Persampahan' }))
    expect(loaded.headers.get('set-cookie')).toMatch(/^cerdas_device=[A-Za-z0-9_-]{16,}; Path=\/; .*SameSite=Lax/)
    const again = unwrap(await formLoader(await get('/lapor', {}, 'cerdas_device=perangkat-lama-01')))
    expect(again.headers.get('set-cookie')).toBeNull()
    const sent = formHeaders({ loaderHeaders: loaded.headers, actionHeaders: new Headers() })
    expect(sent.get('cache-control')).toBe('no-store')
    expect(sent.get('referrer-policy')).toBe('no-referrer')
    expect(sent.get('set-cookie')).toMatch(/^cerdas_device=/)
  })

  it('puts the errors next to the fields in Indonesian and keeps what was typed', async () => {
    const fields = await formFields()
    const res = unwrap<{ result: { kind: string; errors: Record<string, string>; values: Record<string, string> } }>(
      await formAction(
        await post('/lapor', { ...fields, category: categorySlug, description: 'kotor', landmark: LANDMARK }),
      ),
    )
    expect(res.status).toBe(422)
    expect(res.data.result.kind).toBe('invalid')
    expect(res.data.result.errors.description).toBe('Ceritakan masalahnya (paling sedikit 10 huruf).')
    expect(res.data.result.errors.location).toBeTruthy()
    expect(res.data.result.values).toMatchObject({ category: categorySlug, description: 'kotor', landmark: LANDMARK })
  })

  it('refuses a form sent faster than the delay allows, above the form', async () => {
    const fields = await formFields()
    const res = unwrap<{ result: { kind: string; errors: Record<string, string> } }>(
      await formAction(await post('/lapor', { ...fields, category: categorySlug, ...REPORT })),
    )
    expect(res.status).toBe(422)
    expect(res.data.result.errors.form).toMatch(/terlalu cepat/)
  })

  it('gives the tracking code once: a second send of the same draft is the same report without its code', async () => {
    await settings({ minFormSeconds: 0 })
    const fields = await formFields('perangkat-uji-0002')
    const first = unwrap<{ result: { kind: string; number: string; trackingCode: string | null; replayed: boolean } }>(
      await formAction(await post('/lapor', { ...fields, category: categorySlug, ...REPORT })),
    )
    expect(first.data.result).toMatchObject({ kind: 'sent', replayed: false })
    expect(first.data.result.number).toMatch(/^LPR-\d{4}-\d{6}$/)
    expect(first.data.result.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    // The offline queue sends the same draft as JSON: one report, no second code.
    const replay = await submitAction(await post('/lapor/kirim', { ...fields, category: categorySlug, ...REPORT }))
    expect(replay.status).toBe(200)
    const body = (await replay.json()) as { number: string; trackingCode: string | null; replayed: boolean }
    expect(body).toMatchObject({ number: first.data.result.number, trackingCode: null, replayed: true })
    expect(replay.headers.get('cache-control')).toBe('no-store')
  })

  it('answers a new draft as JSON with its code, and a refused one as problem+json', async () => {
    const fields = await formFields('perangkat-uji-0003')
    const res = await submitAction(await post('/lapor/kirim', { ...fields, category: categorySlug, ...REPORT }))
    expect(res.status).toBe(201)
    expect(((await res.json()) as { trackingCode: string }).trackingCode).toMatch(/^[0-9A-Z-]{14}$/)
    const bad = await submitAction(
      await post('/lapor/kirim', { ...fields, clientKey: crypto.randomUUID(), category: categorySlug }),
    )
    expect(bad.status).toBe(422)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
  })

  it('says honestly when the device has sent too many and when to try again', async () => {
    await settings({ perDevicePerHour: 1 })
    const device = 'perangkat-uji-banyak'
    const fields = await formFields(device)
    await formAction(await post('/lapor', { ...fields, category: categorySlug, ...REPORT }))
    const second = unwrap<{ result: { kind: string; retryAfter: number; values: Record<string, string> } }>(
      await formAction(await post('/lapor', { ...(await formFields(device)), category: categorySlug, ...REPORT })),
    )
    expect(second.status).toBe(429)
    expect(second.data.result.kind).toBe('limited')
    expect(second.data.result.retryAfter).toBeGreaterThan(0)
    expect(second.data.result.values.description).toBe(REPORT.description)
    expect(second.headers.get('retry-after')).toBe(String(second.data.result.retryAfter))
    await settings({ perDevicePerHour: 5 })
  })
})

describe('tracking, public pages and privacy', () => {
  let number = ''
  let code = ''
  beforeAll(async () => {
    await settings({ minFormSeconds: 0 })
    const fields = await formFields('perangkat-uji-lacak')
    const res = unwrap<{ result: { number: string; trackingCode: string } }>(
      await formAction(await post('/lapor', { ...fields, category: categorySlug, ...REPORT })),
    )
    number = res.data.result.number
    code = res.data.result.trackingCode
  })

  it('shows the reporter the status and timeline by code, never in the address', async () => {
    const found = unwrap<{
      kind: string
      report: { number: string; status: string; dueKind: string; timeline: unknown[] }
    }>(await trackAction(await post('/lapor/lacak', { code: code.toLowerCase().replace(/-/g, '') })))
    expect(found.data.kind).toBe('report')
    expect(found.data.report).toMatchObject({ number, status: 'received', dueKind: 'verify' })
    const missing = unwrap<{ kind: string }>(await trackAction(await post('/lapor/lacak', { code: 'AAAA-BBBB-CCCC' })))
    expect(missing.status).toBe(404)
    expect(missing.data.kind).toBe('notFound')
    expect(trackHeaders()).toEqual({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
  })

  it('lists and shows reports publicly without the reporter or the landmark', async () => {
    const list = (await listLoader(await get('/laporan?status=open&kecamatan=Balige'))) as {
      page: { items: { number: string }[]; total: number }
    }
    expect(list.page.items.map((r) => r.number)).toContain(number)
    const page = (await pageLoader(
      await get(`/laporan/${number.toLowerCase()}`, { number: number.toLowerCase() }),
    )) as {
      report: { number: string; desa: string }
    }
    expect(page.report).toMatchObject({ number, desa: 'Napitupulu' })
    const text = JSON.stringify([list, page])
    expect(text).not.toContain(NAME)
    expect(text).not.toContain(LANDMARK)
    await expect(
      pageLoader(await get('/laporan/LPR-1999-000001', { number: 'LPR-1999-000001' })),
    ).rejects.toMatchObject({
      status: 404,
    })
  })

  it('offers the open report of the same category and desa to follow instead', async () => {
    const step = unwrap<{ duplicates: { number: string }[] }>(
      await formLoader(await get(`/lapor?category=${categorySlug}&kecamatan=Balige&desa=Napitupulu`)),
    )
    expect(step.data.duplicates.map((d) => d.number)).toContain(number)
    const fields = await formFields('perangkat-uji-ganda')
    const refused = unwrap<{ result: { kind: string; duplicates: { number: string }[] } }>(
      await formAction(
        await post('/lapor', { ...fields, category: categorySlug, kecamatan: 'Balige', desa: 'Napitupulu' }),
      ),
    )
    expect(refused.data.result.kind).toBe('invalid')
    expect(refused.data.result.duplicates.map((d) => d.number)).toContain(number)
  })

  it('states the retention period from the settings in the privacy notice', async () => {
    await settings({ retentionDays: 400 })
    expect(await privacyLoader(await get('/lapor/privasi'))).toMatchObject({ retentionDays: 400 })
  })

  it('erases with the tracking code alone after a confirmation when no email is on file', async () => {
    const start = unwrap<{ step: string }>(await dataAction(await post('/lapor/data-saya', { code, purpose: 'erase' })))
    expect(start.data.step).toBe('confirmErase')
    const exportRefused = unwrap<{ step: string; error: string }>(
      await dataAction(await post('/lapor/data-saya', { code, purpose: 'export' })),
    )
    expect(exportRefused.data).toEqual({ step: 'start', error: 'dataNoEmail' })
    const erased = unwrap<{ step: string; number: string }>(
      await dataAction(await post('/lapor/data-saya', { code, purpose: 'erase', intent: 'erase' })),
    )
    expect(erased.data).toEqual({ step: 'erased', number })
  })

  it('says so when a code cannot be mailed, and sends it when it can', async () => {
    const fields = await formFields('perangkat-uji-surel')
    const sent = unwrap<{ result: { trackingCode: string } }>(
      await formAction(
        await post('/lapor', { ...fields, category: categorySlug, ...REPORT, email: 'warga@example.com' }),
      ),
    )
    const withEmail = sent.data.result.trackingCode
    const noMail = unwrap<{ error: string }>(
      await dataAction(await post('/lapor/data-saya', { code: withEmail, purpose: 'export' })),
    )
    expect(noMail.status).toBe(503)
    expect(noMail.data.error).toBe('dataNoMail')
    const mails: { to: string; text: string }[] = []
    const sendMail = async (_ctx: TenantContext, mail: { to: string; subject: string; text: string }) => {
      mails.push(mail)
      return { sent: true }
    }
    const asked = unwrap<{ step: string }>(
      await dataAction(await post('/lapor/data-saya', { code: withEmail, purpose: 'export' }, { sendMail } as never)),
    )
    expect(asked.data.step).toBe('code')
    expect(mails).toEqual([expect.objectContaining({ to: 'warga@example.com', text: expect.stringMatching(/\d{6}/) })])
    // The code, not the report number's digits (LPR-2026-000005).
    const otp = /(?<![-\d])(\d{6})(?!\d)/.exec(mails[0]?.text ?? '')?.[1] ?? ''
    const wrong = await downloadAction(await post('/lapor/data-saya/unduh', { code: withEmail, otp: '000000' }))
    expect(wrong.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await wrong.text()).toContain('Kode sekali pakai salah atau kedaluwarsa.')
    const file = await downloadAction(await post('/lapor/data-saya/unduh', { code: withEmail, otp }))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="data-LPR-\d{4}-\d{6}\.json"$/)
    expect(file.headers.get('cache-control')).toBe('no-store')
    const exported = await file.text()
    expect(exported).toContain(NAME)
    expect(exported).toContain('warga@example.com')
  })
})
