import { isProblemError } from '@cerdas/core'
import { findTenantBySlug, type TenantRecord } from '@cerdas/db'
import { createClient } from '@libsql/client'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createAccountToken,
  inviteAccount,
  issuePasswordReset,
  loginAccount,
  setPasswordFromLink,
} from '../src/accounts'
import { listAudit } from '../src/audit-log'
import { updateMailSettings } from '../src/mail'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { exportTenant, importTenant, type TenantExport } from '../src/tenant-export'
import { testPlatform } from './support'

let platform: Platform
let original: TenantExport
/** Everything stored for toba before it was exported. */
let before: TenantPicture

/** Beyond 2^53: a JavaScript number cannot hold it. */
const LARGE = 9_007_199_254_740_993n
const MAIL = {
  enabled: true,
  host: 'smtp.tobakab.go.id',
  port: 465,
  secure: true,
  user: 'no-reply@tobakab.go.id',
  passwordEnv: 'CERDAS_SMTP_TOBA_PASSWORD',
  from: 'Diskominfo Toba <no-reply@tobakab.go.id>',
}

interface TenantPicture {
  schema: unknown[]
  tables: Record<string, unknown[]>
  control: Record<string, unknown>
}

/**
 * What is stored for a tenant, read with integers as bigint: every object of
 * sqlite_master, every row of every table, and its control-plane record with
 * hosts, modules and schema versions. Left out, because they must differ in
 * another installation: the tenant's id and the record's created/updated
 * times (the importing control plane makes a new record), when each
 * migration was applied (the import migrates a fresh database), and the
 * pages of FTS5's full-text index (its segments record the order of past
 * writes; the index is rebuilt from the rows on import, and its own tables of
 * documents and terms are compared).
 */
async function pictureOf(p: Platform, slug: string): Promise<TenantPicture> {
  const record = (await findTenantBySlug(p.controlPlane, slug)) as TenantRecord
  const client = createClient({ url: p.tenantDbUrl(record), intMode: 'bigint' })
  try {
    const schema = await client.execute('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
    const tables: Record<string, unknown[]> = {}
    const fts = schema.rows.filter((r) => /USING fts5/i.test(String(r.sql))).map((r) => `${r.name}_`)
    for (const row of schema.rows) {
      if (row.type !== 'table') continue
      const name = String(row.name)
      if (fts.some((prefix) => name.startsWith(prefix))) continue
      // WITHOUT ROWID tables (the search index's) have no rowid: ordered by every column instead.
      const columns = await client.execute(`SELECT COUNT(*) AS n FROM pragma_table_info('${name}')`)
      const order = Array.from({ length: Number(columns.rows[0]?.n) }, (_, i) => i + 1).join(', ')
      const rowid =
        schema.rows
          .find((r) => r.name === name)
          ?.sql?.toString()
          .includes('WITHOUT ROWID') !== true
      const rows = await client.execute(`SELECT * FROM "${name}" ORDER BY ${rowid ? 'rowid' : order}`)
      tables[name] = rows.rows.map((r) => {
        const values: Record<string, unknown> = { ...r }
        if (name === 'cerdas_migrations') delete values.applied_at
        // A count of the writes made to this copy of the database: a fresh copy starts its own.
        if (name === 'cerdas_data_version') delete values.version
        return values
      })
    }
    const cp = p.controlPlane.$client
    const one = async (sql: string) =>
      (await cp.execute({ sql, args: [record.id] })).rows.map((r) => ({ ...r }) as Record<string, unknown>)
    const [tenant] = await one('SELECT * FROM tenants WHERE id = ?')
    const { id: _id, created_at: _c, updated_at: _u, ...kept } = tenant ?? {}
    return {
      schema: schema.rows.map((r) => ({ ...r })),
      tables,
      control: {
        tenant: kept,
        hosts: await one('SELECT host, is_primary FROM tenant_hosts WHERE tenant_id = ? ORDER BY host'),
        modules: await one(
          'SELECT module_id, enabled, settings FROM tenant_modules WHERE tenant_id = ? ORDER BY module_id',
        ),
        schemaVersions: await one(
          'SELECT owner, version FROM tenant_schema_versions WHERE tenant_id = ? ORDER BY owner',
        ),
      },
    }
  } finally {
    client.close()
  }
}

/** A tenant's database, served or suspended. */
async function tenantDbOf(slug: string) {
  const record = await findTenantBySlug(platform.controlPlane, slug)
  if (!record) throw new Error(`no tenant ${slug}`)
  return platform.tenantDb(record)
}

async function searchRows(slug: string) {
  const db = await tenantDbOf(slug)
  const rows = await db.$client.execute(
    'SELECT id, module, kind, url, title_id, title_en FROM cerdas_search_documents ORDER BY id',
  )
  return rows.rows.map((r) => ({ ...r }))
}

beforeAll(async () => {
  platform = await testPlatform()
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  // A write the template did not make: verified by a person, with its audit entry.
  const tenant = await platform.tenantBySlug('toba')
  if (!tenant) throw new Error('toba missing')
  const db = await platform.tenantDb(tenant.record)
  const ctx = platform.context(tenant, db, { actor: { kind: 'user', id: 'usr_1', name: 'Editor Toba' } })
  await ctx.transaction((tx) =>
    tx.audit({ action: 'verify', entity: 'announcements.announcement', entityId: 'ann_x', after: { ok: true } }),
  )
  await db.$client.execute(
    "UPDATE announcements_items SET verified_at = '2026-11-01T00:00:00.000Z', verified_by = 'Editor Toba' WHERE rowid = 1",
  )
  // An integer a float cannot hold, in an INTEGER column.
  await db.$client.execute({
    sql: 'INSERT INTO identity_throttle (key_hash, failures, max_failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?, ?)',
    args: ['kunci-besar', 3, 5, LARGE, -LARGE],
  })
  // People: an admin with a grant, a token, a session and an unused reset link (grants, sessions and
  // links refer to the user, so an import must not insert them before it).
  const cli = platform.context(tenant, db, { actor: { kind: 'cli', id: 'cli' } })
  const invited = await inviteAccount(cli, {
    email: 'admin@toba.example',
    name: 'Admin Toba',
    grants: [{ role: 'admin', dimension: null }],
  })
  await setPasswordFromLink(cli, invited.token, 'sandi-panjang-sekali-1')
  await loginAccount(cli, { email: 'admin@toba.example', password: 'sandi-panjang-sekali-1' })
  await issuePasswordReset(cli, 'admin@toba.example')
  await createAccountToken(cli, { name: 'integrasi', grants: [{ role: 'viewer', dimension: null }] })
  await updateMailSettings(platform, cli, MAIL)
  await platform.controlPlane.$client.execute({
    sql: "UPDATE tenants SET status = 'suspended' WHERE slug = ?",
    args: ['toba'],
  })
  before = await pictureOf(platform, 'toba')
  original = await exportTenant(platform, 'toba')
})

describe('tenant export → import', () => {
  it('exports every module table and the audit log, not derived tables', () => {
    expect(original.format).toBe('cerdas-tenant-export')
    expect(Object.keys(original.tables)).toEqual(expect.arrayContaining(['announcements_items', 'cerdas_audit_log']))
    expect(Object.keys(original.tables).some((name) => name.startsWith('cerdas_search'))).toBe(false)
    expect(Object.keys(original.tables)).not.toContain('cerdas_migrations')
    expect(Object.keys(original.tables)).not.toContain('cerdas_data_version')
    expect(original.tables.announcements_items?.rows).toHaveLength(3)
    expect(original.tenant.slug).toBe('toba')
    expect(original.tenant.hosts).toEqual(['toba.localhost'])
  })

  it('round-trips losslessly into a fresh installation: every table, row and the control-plane record', async () => {
    const fresh = await testPlatform()
    const imported = await importTenant(fresh, JSON.parse(JSON.stringify(original)))
    expect(imported.status).toBe('suspended')
    const after = await pictureOf(fresh, 'toba')
    expect(after.control).toEqual(before.control)
    expect(after.schema).toEqual(before.schema)
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables))
    for (const table of Object.keys(before.tables)) {
      if (table === 'identity_sessions' || table === 'identity_links') {
        // Sessions and unused one-time links are never carried to a copy: people sign in there anew.
        expect(before.tables[table]?.length, table).toBeGreaterThan(0)
        expect(after.tables[table], table).toEqual([])
      } else expect(after.tables[table], table).toEqual(before.tables[table])
    }
    expect(after.tables.identity_throttle).toContainEqual(
      expect.objectContaining({ key_hash: 'kunci-besar', last_failure_at: LARGE, blocked_until: -LARGE }),
    )
    expect(after.control).toMatchObject({ tenant: { status: 'suspended', mail: JSON.stringify(MAIL) } })
  })

  it('writes integers beyond 2^53 as exact digits', () => {
    const throttle = original.tables.identity_throttle
    const row = throttle?.rows.find((r) => r[0] === 'kunci-besar')
    expect(row).toContainEqual({ $int: '9007199254740993' })
    expect(row).toContainEqual({ $int: '-9007199254740993' })
    expect(original.tenant).toMatchObject({ status: 'suspended', mail: MAIL })
  })

  it('round-trips losslessly through JSON under another slug', async () => {
    const json = JSON.parse(JSON.stringify(original))
    await importTenant(platform, json, { slug: 'toba-copy' })
    const copy = await exportTenant(platform, 'toba-copy')
    expect(copy.tables).toEqual(original.tables)
    const { slug, hosts, ...rest } = copy.tenant
    const { slug: _s, hosts: _h, ...originalRest } = original.tenant
    expect(rest).toEqual(originalRest)
    expect(slug).toBe('toba-copy')
    expect(hosts).toEqual(['toba-copy.localhost'])
    // The search index is rebuilt from the imported rows.
    expect(await searchRows('toba-copy')).toEqual(await searchRows('toba'))
    expect((await searchRows('toba-copy')).length).toBeGreaterThanOrEqual(3)
  })

  it('keeps the audit log entries with who and when', async () => {
    const db = await tenantDbOf('toba-copy')
    const [latest] = await listAudit(db, { entityId: 'ann_x' })
    expect(latest).toMatchObject({ action: 'verify', actorKind: 'user', actorId: 'usr_1', after: { ok: true } })
  })

  it('refuses a file that is not an export, creating nothing', async () => {
    const bad = { ...JSON.parse(JSON.stringify(original)), format: 'something-else' }
    await expect(importTenant(platform, bad, { slug: 'toba-bad' })).rejects.toSatisfy(isProblemError)
    expect(await findTenantBySlug(platform.controlPlane, 'toba-bad')).toBeUndefined()
  })

  it('refuses a table outside the schema and removes the half-made tenant, so a fixed file imports', async () => {
    const bad = JSON.parse(JSON.stringify(original)) as TenantExport
    bad.tables.evil_table = { columns: ['id'], rows: [['x']] }
    await expect(importTenant(platform, bad, { slug: 'toba-retry' })).rejects.toThrow(/evil_table/)
    expect(await findTenantBySlug(platform.controlPlane, 'toba-retry')).toBeUndefined()
    await importTenant(platform, JSON.parse(JSON.stringify(original)), { slug: 'toba-retry' })
    expect((await exportTenant(platform, 'toba-retry')).tables).toEqual(original.tables)
  })

  it('refuses a row with the wrong number of values', async () => {
    const bad = JSON.parse(JSON.stringify(original)) as TenantExport
    bad.tables.announcements_items?.rows[0]?.pop()
    await expect(importTenant(platform, bad, { slug: 'toba-short' })).rejects.toThrow(/values for \d+ columns/)
    expect(await findTenantBySlug(platform.controlPlane, 'toba-short')).toBeUndefined()
  })
})
