import type { TenantContext } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countSubmission } from '../src/counters'
import {
  anonymiseExpired,
  autoCloseResolved,
  category,
  changeReportStatus,
  confirmReport,
  eraseReporterData,
  exportReporterData,
  findDuplicates,
  getPublicReport,
  getStaffReport,
  getTrackedReport,
  hideReportText,
  issueDelayToken,
  listPublicReports,
  mergeReport,
  overdueReports,
  type ReportInput,
  reopenReport,
  requestDataCode,
  revealContact,
  submitReport,
} from '../src/index'

let t: TestPlatform
let base: TenantContext
let wita: TenantContext

const MARK = {
  name: 'Namaunik Siregar',
  phone: '0812 9988 7766',
  email: 'pelapor.unik@contoh.id',
  landmark: 'Patokanunik samping warung',
  lat: 2.33357,
  lon: 99.06271,
}

async function contextOf(slug: string): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`tenant ${slug} missing`)
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: null })
}

/** The context with its clock at a local WIB (or given offset) time. */
const at = (ctx: TenantContext, local: string, offset = '+07:00'): TenantContext => ({
  ...ctx,
  now: () => new Date(`${local}${offset}`),
  transaction: (work) => ctx.transaction((tx) => work({ ...tx, now: () => new Date(`${local}${offset}`) })),
})

let seq = 0
const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  category: 'sampah-tidak-diangkut',
  description: `Sampah di pinggir jalan tidak diangkut seminggu (${++seq})`,
  point: { lat: MARK.lat, lon: MARK.lon },
  kecamatan: 'Balige',
  desa: 'Napitupulu Bagasan',
  landmark: MARK.landmark,
  name: MARK.name,
  phone: MARK.phone,
  email: MARK.email,
  source: 'api',
  ...over,
})
const trusted = { trusted: true }

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await t.createTenant('timur', { template: 'kabupaten-wita' })
  for (const slug of ['uji', 'timur']) await setModuleEnabled(t.platform, slug, 'reports', true)
  base = await contextOf('uji')
  wita = await contextOf('timur')
  for (const ctx of [base, wita]) {
    await category.create(ctx, { name: { id: 'Sampah tidak diangkut' }, dimension: 'environment' })
    await category.create(ctx, { name: { id: 'Saluran tersumbat' }, dimension: 'living' })
  }
})
afterAll(() => t?.close())

describe('deadlines in working days', () => {
  it('a report on 23 December 2026 is due to be verified at the end of 30 December (Natal, cuti bersama, weekend skipped)', async () => {
    const { report } = await submitReport(at(base, '2026-12-23T10:00:00'), input(), trusted)
    expect(report.dueKind).toBe('verify')
    expect(report.dueAt).toBe('2026-12-30T16:59:59.000Z')
  })
  it('in a WITA tenant the same deadline ends at midnight WITA', async () => {
    const { report } = await submitReport(at(wita, '2026-12-23T10:00:00', '+08:00'), input(), trusted)
    expect(report.dueAt).toBe('2026-12-30T15:59:59.000Z')
  })
  it('forwarding starts the follow-up clock, resolving the auto-close clock, and the overdue list sees a late one', async () => {
    const { report, trackingCode } = await submitReport(at(base, '2026-12-21T09:00:00'), input(), trusted)
    const id = (await listIdOf(report.number)) as string
    const forwarded = await changeReportStatus(at(base, '2026-12-22T09:00:00'), id, { status: 'forwarded' })
    expect(forwarded.dueKind).toBe('follow_up')
    // 5 working days after 22 Dec: 23, 28, 29, 30, 31.
    expect(forwarded.dueAt).toBe('2026-12-31T16:59:59.000Z')
    const late = await overdueReports(at(base, '2027-01-04T09:00:00'))
    expect(late.find((g) => g.dimension === 'environment')?.items.map((r) => r.number)).toContain(report.number)
    await changeReportStatus(at(base, '2026-12-28T09:00:00'), id, { status: 'in_progress' })
    const resolved = await changeReportStatus(at(base, '2026-12-29T09:00:00'), id, {
      status: 'resolved',
      reply: 'Sudah diangkut',
    })
    expect(resolved.dueKind).toBe('auto_close')
    expect((await getTrackedReport(base, trackingCode as string))?.canConfirm).toBe(true)
    // Not yet past due: nothing closes; past due: it closes, once.
    expect(await autoCloseResolved(at(base, '2027-01-05T09:00:00'))).toBe(0)
    expect(await autoCloseResolved(at(base, '2027-02-01T09:00:00'))).toBeGreaterThanOrEqual(1)
    expect((await getPublicReport(base, report.number))?.status).toBe('closed')
    expect(await autoCloseResolved(at(base, '2027-02-01T09:00:00'))).toBe(0)
  })
  it('a rejection needs a reason and an impossible move is a conflict', async () => {
    const { report } = await submitReport(base, input(), trusted)
    const id = (await listIdOf(report.number)) as string
    await expect(changeReportStatus(base, id, { status: 'rejected' })).rejects.toMatchObject({
      problem: { status: 422 },
    })
    await expect(changeReportStatus(base, id, { status: 'closed' })).rejects.toMatchObject({ problem: { status: 409 } })
  })
})

async function listIdOf(number: string): Promise<string | undefined> {
  const row = await base.db.$client.execute({ sql: 'SELECT id FROM reports_reports WHERE number = ?', args: [number] })
  return row.rows[0]?.id as string | undefined
}

describe('privacy', () => {
  it('no public view (item, list, tracking, duplicates) carries the reporter, the exact point or the landmark', async () => {
    const { report, trackingCode } = await submitReport(base, input(), trusted)
    const views = [
      report,
      await getPublicReport(base, report.number),
      await listPublicReports(base, { pageSize: 100 }),
      await getTrackedReport(base, trackingCode as string),
      await findDuplicates(base, { category: 'sampah-tidak-diangkut', point: { lat: MARK.lat, lon: MARK.lon } }),
    ]
    const text = JSON.stringify(views)
    for (const secret of [MARK.name, MARK.phone, MARK.email, MARK.landmark, String(MARK.lat), String(MARK.lon)])
      expect(text).not.toContain(secret)
    expect(report.publicPoint).toEqual({ lat: 2.334, lon: 99.063 })
    const home = await submitReport(base, input({ atHome: true }), trusted)
    expect(home.report.publicPoint).toBeNull()
  })
  it('a reveal gives the contact to staff and writes who and why to the audit trail, without the values', async () => {
    const { report } = await submitReport(base, input(), trusted)
    const id = (await listIdOf(report.number)) as string
    const staff = await getStaffReport(base, id)
    expect(staff?.hasContact).toBe(true)
    expect(JSON.stringify(staff)).not.toContain(MARK.phone)
    const contact = await revealContact(base, id, 'Menanyakan letak persis tumpukan')
    expect(contact).toMatchObject({ name: MARK.name, phone: MARK.phone, landmark: MARK.landmark })
    const audit = await base.db.$client.execute({
      sql: "SELECT * FROM cerdas_audit_log WHERE entity_id = ? AND action = 'reveal_contact'",
      args: [id],
    })
    expect(audit.rows).toHaveLength(1)
    expect(JSON.stringify(audit.rows[0])).toContain('Menanyakan letak persis')
    expect(JSON.stringify(audit.rows[0])).not.toContain(MARK.phone)
  })
  it('export and erase need the one-time code sent to the email; erased data is gone', async () => {
    const { report, trackingCode } = await submitReport(base, input(), trusted)
    const code = trackingCode as string
    const mail: { to: string; text: string }[] = []
    const send = async (to: string, _subject: string, text: string) => {
      mail.push({ to, text })
    }
    expect((await requestDataCode(base, code, 'export', send)).sentTo).toBe('p***@contoh.id')
    const sent = /: (\d{6})\n/.exec(mail[0]?.text ?? '')?.[1] as string
    expect(mail[0]?.to).toBe(MARK.email)
    await expect(exportReporterData(base, code, sent === '000000' ? '111111' : '000000')).rejects.toMatchObject({
      problem: { status: 422 },
    })
    const data = await exportReporterData(base, code, sent)
    expect(JSON.stringify(data)).toContain(MARK.phone)
    // A code is used once.
    await expect(exportReporterData(base, code, sent)).rejects.toMatchObject({ problem: { status: 422 } })
    await requestDataCode(base, code.toLowerCase().replace(/-/g, ''), 'erase', send)
    const eraseCode = /: (\d{6})\n/.exec(mail[1]?.text ?? '')?.[1] as string
    await expect(eraseReporterData(base, code, null)).rejects.toMatchObject({ problem: { status: 422 } })
    await eraseReporterData(base, code, eraseCode)
    const id = (await listIdOf(report.number)) as string
    const row = (await base.db.$client.execute({ sql: 'SELECT * FROM reports_reports WHERE id = ?', args: [id] }))
      .rows[0]
    expect(JSON.stringify(row)).not.toContain(MARK.name)
    expect(row?.exact_lat).toBeNull()
    expect(row?.landmark).toBeNull()
  })
  it('without an email, export is refused and erase works with the tracking code alone', async () => {
    const { trackingCode } = await submitReport(base, input({ email: undefined }), trusted)
    const send = async () => {}
    await expect(requestDataCode(base, trackingCode as string, 'export', send)).rejects.toMatchObject({
      problem: { status: 422 },
    })
    expect((await requestDataCode(base, trackingCode as string, 'erase', send)).sentTo).toBeNull()
    await eraseReporterData(base, trackingCode as string, null)
    expect((await getTrackedReport(base, trackingCode as string))?.description).toContain('dihapus')
  })
  it('the retention job anonymises only closed or rejected reports past the retention period', async () => {
    const old = await submitReport(at(base, '2025-01-06T09:00:00'), input(), trusted)
    const open = await submitReport(at(base, '2025-01-06T09:00:00'), input(), trusted)
    const oldId = (await listIdOf(old.report.number)) as string
    await changeReportStatus(at(base, '2025-01-07T09:00:00'), oldId, {
      status: 'rejected',
      reason: 'Bukan wilayah kabupaten',
    })
    const changed = await anonymiseExpired(at(base, '2026-06-01T09:00:00'))
    expect(changed).toBeGreaterThanOrEqual(1)
    const rows = await base.db.$client.execute({
      sql: 'SELECT number, reporter_name, anonymised_at FROM reports_reports WHERE number IN (?, ?)',
      args: [old.report.number, open.report.number],
    })
    const byNumber = Object.fromEntries(rows.rows.map((r) => [r.number, r]))
    expect(byNumber[old.report.number]?.reporter_name).toBeNull()
    expect(byNumber[old.report.number]?.anonymised_at).not.toBeNull()
    expect(byNumber[open.report.number]?.reporter_name).toBe(MARK.name)
  })
})

describe('workflow for the public', () => {
  it('hidden text shows the reason, a merged report points to its target, the reporter reopens and confirms', async () => {
    const a = await submitReport(base, input(), trusted)
    const b = await submitReport(base, input(), trusted)
    const idA = (await listIdOf(a.report.number)) as string
    const idB = (await listIdOf(b.report.number)) as string
    await hideReportText(base, idA, 'Berisi kata kasar')
    const hidden = await getPublicReport(base, a.report.number)
    expect(hidden?.description).toBeNull()
    expect(hidden?.hiddenReason).toBe('Berisi kata kasar')
    await mergeReport(base, idB, a.report.number)
    expect((await getPublicReport(base, b.report.number))?.mergedInto).toBe(a.report.number)
    await changeReportStatus(base, idA, { status: 'forwarded' })
    await changeReportStatus(base, idA, { status: 'resolved' })
    const reopened = await reopenReport(base, a.trackingCode as string, 'Masih menumpuk')
    expect(reopened.status).toBe('in_progress')
    await changeReportStatus(base, idA, { status: 'resolved' })
    expect((await confirmReport(base, a.trackingCode as string)).status).toBe('closed')
  })
})

describe('abuse resistance', () => {
  it('the 11th submission from one IP in an hour is refused with a retry time', async () => {
    const ctx = at(base, '2026-03-02T09:00:00')
    const guard = async () => ({
      ip: '203.0.113.9',
      delayToken: await issueDelayToken(at(base, '2026-03-02T08:59:00')),
    })
    for (let i = 0; i < 10; i++)
      await submitReport(ctx, input({ category: 'saluran-tersumbat' }), { ...(await guard()), device: `d${i}` })
    await expect(submitReport(ctx, input(), { ...(await guard()), device: 'd-last' })).rejects.toMatchObject({
      problem: { status: 429, retryAfter: 3600 },
    })
  })
  it('a delay token too young or forged is refused', async () => {
    const token = await issueDelayToken(at(base, '2026-03-03T09:00:00'))
    await expect(submitReport(at(base, '2026-03-03T09:00:01'), input(), { delayToken: token })).rejects.toMatchObject({
      problem: { status: 422 },
    })
    await expect(
      submitReport(at(base, '2026-03-03T09:01:00'), input(), { delayToken: `${token.slice(0, -2)}xx` }),
    ).rejects.toMatchObject({ problem: { status: 422 } })
    const ok = await submitReport(at(base, '2026-03-03T09:01:00'), input(), { delayToken: token })
    expect(ok.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  })
  it('counting holds across two database clients on one file', async () => {
    // A second "process": its own client on the tenant's database file.
    const other = drizzle(createClient({ url: `file:${t.dataDir}/tenants/uji.db` }))
    const ctxB = { ...base, db: other } as unknown as TenantContext
    const now = new Date('2026-04-01T02:00:00Z')
    const key = [{ name: 'ip:198.51.100.4', limit: 3, kind: 'ip' as const }]
    const results = await Promise.all([
      countSubmission(base, key, now),
      countSubmission(ctxB, key, now),
      countSubmission(base, key, now),
      countSubmission(ctxB, key, now),
    ])
    expect(results.filter((r) => r.allowed)).toHaveLength(3)
    other.$client.close()
  })
  it('a clientKey sent twice is one report, the second answer replayed without a code', async () => {
    const clientKey = '6f1c1b7e-4a52-4c1d-9d55-0c3f7f0e9b21'
    const [first, second] = await Promise.all([
      submitReport(base, input({ clientKey }), trusted),
      submitReport(base, input({ clientKey }), trusted),
    ])
    const third = await submitReport(base, input({ clientKey }), trusted)
    expect(new Set([first.report.number, second.report.number, third.report.number]).size).toBe(1)
    expect([first, second].filter((r) => r.replayed)).toHaveLength(1)
    expect(third).toMatchObject({ replayed: true, trackingCode: null })
    const rows = await base.db.$client.execute({
      sql: 'SELECT count(*) AS n FROM reports_reports WHERE client_key = ?',
      args: [clientKey],
    })
    expect(Number(rows.rows[0]?.n)).toBe(1)
  })
})
