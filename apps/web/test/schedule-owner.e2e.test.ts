import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * The console's new-schedule form with an owner typed by hand: one that does not exist is refused
 * with a message next to the owner field; the office id the console shows is accepted, and the
 * office's public page then shows its hours instead of "Jam buka belum tercatat".
 */
const HOST = 'toba.localhost'
const ADMIN = { email: 'admin.jadwal@toba.localhost', password: 'kata-sandi-admin-jadwal' }
const NO_HOURS = 'Jam buka belum tercatat'

let server: RunningServer
let dataDir: string
let cookie = ''
let csrf = ''
let origin = ''

const request = (path: string, init: Parameters<typeof httpRequest>[3] = {}) =>
  httpRequest(server.port, HOST, path, { ...init, headers: { cookie, origin, ...init.headers } })

function newSchedule(owner: { module: string; type: string; id: string }) {
  const form = new URLSearchParams({
    _csrf: csrf,
    'label.id': 'Jam layanan',
    kind: 'hours',
    'owner.module': owner.module,
    'owner.type': owner.type,
    'owner.id': owner.id,
    closedOnHolidays: 'on',
  })
  return request('/admin/jadwal/baru', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  })
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('owner', [{ ...ADMIN, grants: [{ role: 'admin', dimension: null }] }])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  origin = `http://${HOST}:${server.port}`
  cookie = await sessionCookieFor(server.port, HOST, ADMIN)
  csrf = /name="_csrf" value="([^"]+)"/.exec((await request('/admin/jadwal/baru')).text())?.[1] ?? ''
  if (!csrf) throw new Error('no form token on the new-schedule page')
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('a schedule owner typed in the console', () => {
  it('refuses an office that does not exist, with the message next to the owner id', async () => {
    const res = await newSchedule({ module: 'directory', type: 'office', id: 'kantor-tidak-ada' })
    expect(res.status).toBe(422)
    const html = res.text()
    const message = /<p class="field-error" id="s-owner-id-error">([^<]+)<\/p>/.exec(html)?.[1]
    expect(message).toContain('Tidak ada data pemilik dengan ID atau slug ini')
    expect(html).toMatch(/id="s-owner-id"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="s-owner-id"/)
    // An owner type no module offers is named at the type.
    const type = await newSchedule({ module: 'directory', type: 'loket', id: 'x' })
    expect(type.status).toBe(422)
    expect(/<p class="field-error" id="s-owner-type-error">([^<]+)<\/p>/.exec(type.text())?.[1]).toContain(
      'Jadwal hanya dapat dimiliki kantor',
    )
  })

  it("accepts the office id the console shows; the office's page then has hours", async () => {
    const created = await request('/api/v1/directory/offices', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'dinas', name: { id: 'Dinas Jam Konsol' }, slug: 'dinas-jam-konsol' }),
    })
    expect(created.status, created.text()).toBe(201)
    const office = created.json() as { id: string; slug: string }
    expect((await request(`/direktori/${office.slug}`)).text()).toContain(NO_HOURS)
    const res = await newSchedule({ module: 'directory', type: 'office', id: office.id })
    expect(res.status, res.text().slice(0, 500)).toBe(302)
    expect(String(res.headers.location)).toMatch(/^\/admin\/jadwal\/sch_/)
    const page = (await request(`/direktori/${office.slug}`)).text()
    expect(page).not.toContain(NO_HOURS)
  })
})
