import type { TenantContext } from '@cerdas/core'
import { findTenantBySlug, type TenantRecord } from '@cerdas/db'
import { beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../src/audit-log'
import { flushPendingAudit } from '../src/control-plane-audit'
import { tenantMailSettings, updateMailSettings } from '../src/mail'
import { setModuleEnabled } from '../src/module-enablement'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { updateTenantProfile } from '../src/tenant-settings'
import { testPlatform } from './support'

const ADMIN = { kind: 'user' as const, id: 'usr_admin', grants: [{ role: 'admin' as const, dimension: null }] }
const MAIL = { enabled: true, host: 'smtp.tobakab.go.id', port: 587, from: 'Diskominfo Toba <no-reply@tobakab.go.id>' }

let platform: Platform

async function context(): Promise<TenantContext> {
  const tenant = await platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  // Held as a request holds it: a settings change must not close the database under the request.
  return platform.context(tenant, (await platform.acquireTenantDb(tenant.record)).db, { actor: ADMIN })
}

const record = async () => (await findTenantBySlug(platform.controlPlane, 'toba')) as TenantRecord

async function pendingCount() {
  const rows = await platform.controlPlane.$client.execute('SELECT COUNT(*) AS n FROM pending_audit')
  return Number(rows.rows[0]?.n)
}

async function mailEntries(ctx: TenantContext) {
  return listAudit(ctx.db, { entity: 'cerdas.mail_settings' })
}

/** Makes every insert into a table of the given database fail, as a crash or a full disk would. */
async function failInserts(client: { execute(sql: string): Promise<unknown> }, table: string) {
  await client.execute(
    `CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
  )
  return () => client.execute(`DROP TRIGGER fail_${table}`)
}

beforeAll(async () => {
  platform = await testPlatform()
  await createTenant(platform, { slug: 'toba', template: 'kabupaten', name: 'Kabupaten Toba' })
})

describe('control-plane writes and their audit entries', () => {
  it('commit together: a failure inside the batch leaves neither the setting nor the entry', async () => {
    const ctx = await context()
    const entries = (await mailEntries(ctx)).length
    const restore = await failInserts(platform.controlPlane.$client, 'pending_audit')
    try {
      await expect(updateMailSettings(platform, ctx, MAIL)).rejects.toThrow(/injected failure/)
    } finally {
      await restore()
    }
    expect(await tenantMailSettings(platform, ctx.tenant.id)).toMatchObject({ enabled: false, host: '' })
    expect(await pendingCount()).toBe(0)
    expect(await mailEntries(ctx)).toHaveLength(entries)
  })

  it('reach the tenant log right after the write, with the actor, and leave nothing pending', async () => {
    const ctx = await context()
    await updateMailSettings(platform, ctx, MAIL)
    expect(await pendingCount()).toBe(0)
    const [entry] = await mailEntries(ctx)
    expect(entry).toMatchObject({ action: 'update', actorKind: 'user', actorId: 'usr_admin', after: MAIL })
  })

  it('survive a crash between the control-plane commit and the move: the next flush adds exactly one entry', async () => {
    const ctx = await context()
    const before = (await mailEntries(ctx)).length
    // The tenant log refuses inserts: the setting commits, its entry stays pending.
    const restore = await failInserts(ctx.db.$client, 'cerdas_audit_log')
    try {
      await updateMailSettings(platform, ctx, { ...MAIL, port: 465, secure: true })
    } finally {
      await restore()
    }
    expect(await tenantMailSettings(platform, ctx.tenant.id)).toMatchObject({ port: 465 })
    expect(await pendingCount()).toBe(1)
    expect(await mailEntries(ctx)).toHaveLength(before)

    expect(await flushPendingAudit(platform, await record())).toBe(1)
    expect(await flushPendingAudit(platform, await record())).toBe(0)
    const after = await mailEntries(ctx)
    expect(after).toHaveLength(before + 1)
    expect(after[0]).toMatchObject({ after: { port: 465, secure: true } })
    expect(await pendingCount()).toBe(0)
  })

  it('are moved once even when a crash came after the append but before the pending row was deleted', async () => {
    const ctx = await context()
    const restore = await failInserts(ctx.db.$client, 'cerdas_audit_log')
    try {
      await updateMailSettings(platform, ctx, { ...MAIL, port: 2525 })
    } finally {
      await restore()
    }
    const [pending] = (await platform.controlPlane.$client.execute('SELECT * FROM pending_audit')).rows
    expect(pending).toBeDefined()
    // The control plane refuses the delete of the moved row: appended, still pending.
    await platform.controlPlane.$client.execute(
      "CREATE TRIGGER keep_pending BEFORE DELETE ON pending_audit BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    )
    try {
      await expect(flushPendingAudit(platform, await record())).rejects.toThrow(/injected failure/)
    } finally {
      await platform.controlPlane.$client.execute('DROP TRIGGER keep_pending')
    }
    const id = String(pending?.id)
    const withId = async () => (await listAudit(ctx.db, { limit: 1000 })).filter((e) => e.id === id)
    expect(await withId()).toHaveLength(1)
    expect(await pendingCount()).toBe(1)
    expect(await flushPendingAudit(platform, await record())).toBe(1)
    expect(await withId()).toHaveLength(1)
    expect(await pendingCount()).toBe(0)
  })

  it('cover the tenant profile', async () => {
    const ctx = await context()
    await updateTenantProfile(platform, ctx, {
      name: 'Kabupaten Toba Baru',
      primaryColor: '#0b5d7a',
      accentColor: '#f2a900',
      locales: ['id', 'en'],
      defaultLocale: 'id',
    })
    const [entry] = await listAudit(ctx.db, { entity: 'cerdas.tenant' })
    expect(entry).toMatchObject({ action: 'update', actorId: 'usr_admin', after: { name: 'Kabupaten Toba Baru' } })
  })

  it('cover enabling and disabling a module from the CLI', async () => {
    const ctx = await context()
    // An enabled module nothing else requires, so it can be switched off and on.
    const moduleId = platform.modules.find(
      (m) => ctx.tenant.modules[m.id] && !platform.modules.some((o) => o.requires?.includes(m.id)),
    )?.id
    if (!moduleId) throw new Error('no module to switch')
    await setModuleEnabled(platform, 'toba', moduleId, false, { kind: 'cli', id: 'operator-laptop' })
    await setModuleEnabled(platform, 'toba', moduleId, true)
    const entries = await listAudit(ctx.db, { entity: 'cerdas.module_settings', entityId: moduleId })
    expect(entries.map((e) => [e.action, e.actorKind, e.actorId])).toEqual([
      ['enable', 'cli', 'cli'],
      ['disable', 'cli', 'operator-laptop'],
    ])
    // The same state again changes nothing and records nothing.
    await setModuleEnabled(platform, 'toba', moduleId, true)
    expect(await listAudit(ctx.db, { entity: 'cerdas.module_settings', entityId: moduleId })).toHaveLength(2)
  })
})
