import { cpSync, existsSync, readdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { announcement } from '@cerdas/module-announcements'
import { modules } from '@cerdas/registry'
import { createClient } from '@libsql/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPlatform, type Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { removeTenant } from '../src/remove-tenant'
import { backupTenant, restoreTenant } from '../src/tenant-backup'
import { TEMPLATES_DIR, tempDir, testPlatform } from './support'

/** Reads the control plane and tenant files directly, without the platform (and without upgrading anything). */
async function query(path: string, sql: string, args: (string | number)[] = []) {
  const client = createClient({ url: `file:${path}` })
  try {
    return (await client.execute({ sql, args })).rows
  } finally {
    client.close()
  }
}

const storedUrl = async (dataDir: string, slug: string) =>
  String((await query(join(dataDir, 'control.db'), 'SELECT db_url FROM tenants WHERE slug = ?', [slug]))[0]?.db_url)

const titles = async (dataDir: string, slug: string) =>
  (await query(join(dataDir, 'tenants', `${slug}.db`), 'SELECT title_id FROM announcements_items ORDER BY id')).map(
    (r) => String(r.title_id),
  )

async function announce(platform: Platform, slug: string, title: string) {
  const tenant = await platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  const ctx = platform.context(tenant, await platform.tenantDb(tenant.record), {
    actor: { kind: 'system', id: 'test' },
  })
  await announcement.create(ctx, { title: { id: title }, body: { id: 'Isi pengumuman.' }, category: 'general' })
}

/** A platform on a data directory that is closed right away (so the files can be copied whole). */
async function withPlatform<T>(dataDir: string, fn: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await createPlatform({ dataDir, templatesDir: TEMPLATES_DIR, platformHost: 'localhost', modules })
  try {
    return await fn(platform)
  } finally {
    platform.close()
  }
}

/** Rewrites stored URLs to the absolute form every control plane had before relative URLs. */
async function makeOldStyle(dataDir: string) {
  const control = join(dataDir, 'control.db')
  for (const row of await query(control, 'SELECT slug FROM tenants')) {
    const slug = String(row.slug)
    await query(control, 'UPDATE tenants SET db_url = ? WHERE slug = ?', [
      `file://${join(dataDir, 'tenants', `${slug}.db`)}`,
      slug,
    ])
  }
}

describe('moving or copying the data directory', () => {
  let a: string
  let aTitles: string[]

  beforeAll(async () => {
    a = join(tempDir(), 'a')
    await withPlatform(a, (platform) => createTenant(platform, { slug: 'toba', template: 'toba' }))
    aTitles = await titles(a, 'toba')
  }, 60_000)

  it('stores embedded tenant databases relative to the data directory', async () => {
    expect(await storedUrl(a, 'toba')).toBe('file:tenants/toba.db')
  })

  it('a copy started elsewhere reads and writes its own tenant databases, never the original ones', async () => {
    const b = join(tempDir(), 'b')
    cpSync(a, b, { recursive: true })
    await withPlatform(b, async (platform) => {
      const tenant = await platform.tenantBySlug('toba')
      expect(platform.tenantDbUrl(tenant!.record)).toBe(`file://${join(b, 'tenants', 'toba.db')}`)
      await announce(platform, 'toba', 'Ditulis di salinan B')
    })
    expect(await titles(a, 'toba')).toEqual(aTitles)
    expect(await titles(b, 'toba')).toEqual(expect.arrayContaining([...aTitles, 'Ditulis di salinan B']))
    expect((await titles(b, 'toba')).length).toBe(aTitles.length + 1)
  })

  it('backup, restore and removal on the copy touch only the copy', async () => {
    const b = join(tempDir(), 'b')
    cpSync(a, b, { recursive: true })
    await withPlatform(b, async (platform) => {
      const backup = await backupTenant(platform, 'toba')
      expect(backup.startsWith(join(b, 'backups'))).toBe(true)
      await announce(platform, 'toba', 'Sebelum pemulihan')
      await restoreTenant(platform, 'toba', backup)
      expect(await titles(b, 'toba')).toEqual(aTitles)
      await removeTenant(platform, 'toba')
    })
    expect(existsSync(join(b, 'tenants', 'toba.db'))).toBe(false)
    expect(existsSync(join(a, 'tenants', 'toba.db'))).toBe(true)
    expect(await titles(a, 'toba')).toEqual(aTitles)
  })

  it('upgrades an old control plane with absolute URLs after a copy: the copy uses its own files', async () => {
    const old = join(tempDir(), 'old')
    cpSync(a, old, { recursive: true })
    await makeOldStyle(old)
    expect(await storedUrl(old, 'toba')).toBe(`file://${join(old, 'tenants', 'toba.db')}`)
    const copy = join(tempDir(), 'copy')
    cpSync(old, copy, { recursive: true })

    await withPlatform(copy, (platform) => announce(platform, 'toba', 'Ditulis setelah pemutakhiran'))
    // The relative file exists in the copy, so the URL is rewritten even though the original still exists.
    expect(await storedUrl(copy, 'toba')).toBe('file:tenants/toba.db')
    expect(await titles(copy, 'toba')).toContain('Ditulis setelah pemutakhiran')
    expect(await titles(old, 'toba')).toEqual(aTitles)
    expect(await storedUrl(old, 'toba')).toBe(`file://${join(old, 'tenants', 'toba.db')}`)
  })

  it('upgrades an old control plane in place, and after a move when the original is gone', async () => {
    const old = join(tempDir(), 'old')
    cpSync(a, old, { recursive: true })
    await makeOldStyle(old)
    await withPlatform(old, async () => {})
    expect(await storedUrl(old, 'toba')).toBe('file:tenants/toba.db')

    await makeOldStyle(old)
    const moved = join(tempDir(), 'moved')
    renameSync(old, moved)
    await withPlatform(moved, (platform) => announce(platform, 'toba', 'Setelah dipindah'))
    expect(await storedUrl(moved, 'toba')).toBe('file:tenants/toba.db')
    expect(await titles(moved, 'toba')).toContain('Setelah dipindah')
    expect(existsSync(old)).toBe(false)
  })

  it('keeps an absolute URL whose file exists while the data directory has no such file', async () => {
    // E.g. the control plane alone was copied: pointing at a missing file would open an empty tenant.
    const old = join(tempDir(), 'old')
    cpSync(a, old, { recursive: true })
    await makeOldStyle(old)
    const lone = join(tempDir(), 'lone')
    for (const file of readdirSync(old).filter((f) => f.startsWith('control.db')))
      cpSync(join(old, file), join(lone, file))
    const absolute = `file://${join(old, 'tenants', 'toba.db')}`

    await withPlatform(lone, async (platform) => {
      const tenant = await platform.tenantBySlug('toba')
      expect(tenant!.record.dbUrl).toBe(absolute)
      expect(platform.tenantDbUrl(tenant!.record)).toBe(absolute)
      await announce(platform, 'toba', 'Ke berkas asli')
    })
    expect(await storedUrl(lone, 'toba')).toBe(absolute)
    expect(await titles(old, 'toba')).toContain('Ke berkas asli')
    expect(existsSync(join(lone, 'tenants', 'toba.db'))).toBe(false)

    // Once the tenant files are copied beside it, the next start upgrades.
    cpSync(join(old, 'tenants'), join(lone, 'tenants'), { recursive: true })
    await withPlatform(lone, async () => {})
    expect(await storedUrl(lone, 'toba')).toBe('file:tenants/toba.db')
  })

  it('leaves remote libsql:// URLs and files outside a tenants directory untouched', async () => {
    const dir = join(tempDir(), 'remote')
    cpSync(a, dir, { recursive: true })
    const control = join(dir, 'control.db')
    await query(control, 'UPDATE tenants SET db_url = ? WHERE slug = ?', ['libsql://toba.db.example.id', 'toba'])
    await withPlatform(dir, async (platform) => {
      const tenant = await platform.tenantBySlug('toba')
      expect(tenant!.record.dbUrl).toBe('libsql://toba.db.example.id')
      expect(platform.tenantDbUrl(tenant!.record)).toBe('libsql://toba.db.example.id')
    })
    expect(await storedUrl(dir, 'toba')).toBe('libsql://toba.db.example.id')

    const elsewhere = `file://${join(tempDir(), 'elsewhere', 'toba.db')}`
    await query(control, 'UPDATE tenants SET db_url = ? WHERE slug = ?', [elsewhere, 'toba'])
    await withPlatform(dir, async () => {})
    expect(await storedUrl(dir, 'toba')).toBe(elsewhere)
  })
})

describe('provisioning', () => {
  let platform: Platform
  beforeAll(async () => {
    platform = await testPlatform()
  })

  it('creates tenants with a relative URL that resolves inside the data directory', async () => {
    const record = await createTenant(platform, { slug: 'samosir', template: 'kabupaten', seed: false })
    expect(record.dbUrl).toBe('file:tenants/samosir.db')
    expect(platform.tenantDbUrl(record)).toBe(`file://${join(platform.options.dataDir, 'tenants', 'samosir.db')}`)
    expect(existsSync(join(platform.options.dataDir, 'tenants', 'samosir.db'))).toBe(true)
  })

  it('stores a given file URL inside the data directory relative to it, and one outside as given', async () => {
    const inside = await createTenant(platform, {
      slug: 'nias',
      template: 'kabupaten',
      seed: false,
      dbUrl: `file://${join(platform.options.dataDir, 'custom', 'nias.db')}`,
    })
    expect(inside.dbUrl).toBe('file:custom/nias.db')
    expect(existsSync(join(platform.options.dataDir, 'custom', 'nias.db'))).toBe(true)
    const outsideUrl = `file://${join(tempDir(), 'elsewhere', 'dairi.db')}`
    const outside = await createTenant(platform, {
      slug: 'dairi',
      template: 'kabupaten',
      seed: false,
      dbUrl: outsideUrl,
    })
    expect(outside.dbUrl).toBe(outsideUrl)
    expect(platform.tenantDbUrl(outside)).toBe(outsideUrl)
  })
})
