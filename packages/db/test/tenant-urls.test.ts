import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type ControlPlane, openControlPlane } from '../src/control-plane/open'
import { upgradedTenantUrl, upgradeTenantUrls } from '../src/control-plane/tenant-urls'
import { insertTenant, listLifecycleEvents } from '../src/control-plane/tenants'
import {
  controlPlaneUrl,
  filePath,
  fileUrl,
  isRelativeFileUrl,
  resolveDatabaseUrl,
  storedDatabaseUrl,
  tenantFileUrl,
} from '../src/data-dir'
import { useTempDir } from './support'

const tempDir = useTempDir()
const open: ControlPlane[] = []
afterEach(() => {
  for (const cp of open.splice(0)) cp.$client.close()
})

function touch(path: string) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, '')
}

describe('tenant database URLs relative to the data directory', () => {
  it('stores embedded databases as file:tenants/<slug>.db and resolves them against the data directory', () => {
    expect(tenantFileUrl('toba')).toBe('file:tenants/toba.db')
    expect(isRelativeFileUrl('file:tenants/toba.db')).toBe(true)
    expect(isRelativeFileUrl('file:///srv/cerdas/tenants/toba.db')).toBe(false)
    expect(isRelativeFileUrl('file:/srv/cerdas/tenants/toba.db')).toBe(false)
    expect(isRelativeFileUrl('libsql://toba.example.org')).toBe(false)
    expect(resolveDatabaseUrl('/srv/cerdas', 'file:tenants/toba.db')).toBe('file:///srv/cerdas/tenants/toba.db')
    expect(resolveDatabaseUrl('/elsewhere', 'file:tenants/toba.db')).toBe('file:///elsewhere/tenants/toba.db')
    expect(resolveDatabaseUrl('/srv/cerdas', 'file:///other/toba.db')).toBe('file:///other/toba.db')
    expect(resolveDatabaseUrl('/srv/cerdas', 'libsql://toba.example.org')).toBe('libsql://toba.example.org')
  })

  it('stores a file inside the data directory relative to it, and anything else as given', () => {
    expect(storedDatabaseUrl('/srv/cerdas', 'file:///srv/cerdas/tenants/toba.db')).toBe('file:tenants/toba.db')
    expect(storedDatabaseUrl('/srv/cerdas/', 'file:///srv/cerdas/x/y.db')).toBe('file:x/y.db')
    expect(storedDatabaseUrl('/srv/cerdas', 'file:tenants/toba.db')).toBe('file:tenants/toba.db')
    expect(storedDatabaseUrl('/srv/cerdas', 'file:///srv/cerdas-old/tenants/toba.db')).toBe(
      'file:///srv/cerdas-old/tenants/toba.db',
    )
    expect(storedDatabaseUrl('/srv/cerdas', 'file:../outside.db')).toBe('file:///srv/outside.db')
    expect(storedDatabaseUrl('/srv/cerdas', 'libsql://toba.example.org')).toBe('libsql://toba.example.org')
    expect(storedDatabaseUrl('/srv/my data', 'file:///srv/my%20data/tenants/a%20b.db')).toBe('file:tenants/a%20b.db')
    expect(resolveDatabaseUrl('/srv/my data', 'file:tenants/a%20b.db')).toBe('file:///srv/my%20data/tenants/a%20b.db')
  })

  it('refuses to take a relative URL as a path without a data directory', () => {
    expect(() => filePath('file:tenants/toba.db')).toThrow(/relative to a data directory/)
    expect(filePath('file:///srv/my%20data/toba.db')).toBe('/srv/my data/toba.db')
  })
})

describe('upgrading absolute tenant URLs of old control planes', () => {
  it('rewrites a file inside the current data directory', () => {
    const { dir } = tempDir()
    expect(upgradedTenantUrl(dir, fileUrl(join(dir, 'tenants', 'toba.db')))).toBe('file:tenants/toba.db')
    expect(upgradedTenantUrl(dir, fileUrl(join(dir, 'custom', 'x.db')))).toBe('file:custom/x.db')
  })

  it('rewrites <old>/tenants/<file>.db when the file exists here, even if the original still exists', () => {
    const here = tempDir().dir
    const old = tempDir().dir
    touch(join(here, 'tenants', 'toba.db'))
    touch(join(old, 'tenants', 'toba.db'))
    expect(upgradedTenantUrl(here, fileUrl(join(old, 'tenants', 'toba.db')))).toBe('file:tenants/toba.db')
  })

  it('rewrites it when neither exists (the old directory is gone)', () => {
    const here = tempDir().dir
    expect(upgradedTenantUrl(here, 'file:///gone/data/tenants/toba.db')).toBe('file:tenants/toba.db')
  })

  it('keeps it when the original exists and this data directory has no such file', () => {
    const here = tempDir().dir
    const old = tempDir().dir
    touch(join(old, 'tenants', 'toba.db'))
    expect(upgradedTenantUrl(here, fileUrl(join(old, 'tenants', 'toba.db')))).toBeUndefined()
  })

  it('keeps files outside a tenants directory, relative and remote URLs', () => {
    const here = tempDir().dir
    touch(join(here, 'tenants', 'toba.db'))
    expect(upgradedTenantUrl(here, 'file:///gone/data/toba.db')).toBeUndefined()
    expect(upgradedTenantUrl(here, 'file:///gone/data/tenants/toba.sqlite')).toBeUndefined()
    expect(upgradedTenantUrl(here, 'file:tenants/toba.db')).toBeUndefined()
    expect(upgradedTenantUrl(here, 'libsql://toba.example.org/tenants/toba.db')).toBeUndefined()
    expect(upgradedTenantUrl(here, 'https://toba.example.org/tenants/toba.db')).toBeUndefined()
    expect(upgradedTenantUrl(here, 'file://fileserver/share/tenants/toba.db')).toBeUndefined()
  })

  it('rewrites the control plane on open, records one lifecycle event, and leaves the rest alone', async () => {
    const { dir } = tempDir()
    const old = tempDir().dir
    touch(join(dir, 'tenants', 'toba.db'))
    touch(join(old, 'tenants', 'samosir.db'))
    const cp = await openControlPlane({ url: controlPlaneUrl(dir) })
    open.push(cp)
    const urls = {
      toba: fileUrl(join('/gone', 'tenants', 'toba.db')),
      samosir: fileUrl(join(old, 'tenants', 'samosir.db')),
      nias: 'libsql://nias.example.org',
      humbang: 'file:tenants/humbang.db',
    }
    const ids: Record<string, string> = {}
    for (const [slug, dbUrl] of Object.entries(urls)) {
      const record = await insertTenant(cp, {
        slug,
        name: slug,
        kind: 'kabupaten',
        province: 'Sumatera Utara',
        timezone: 'Asia/Jakarta',
        defaultLocale: 'id',
        locales: ['id'],
        branding: {},
        reference: {},
        template: 'kabupaten',
        dbUrl,
        hosts: [`${slug}.localhost`],
        modules: [],
      })
      ids[slug] = record.id
    }

    const reopened = await openControlPlane({ url: controlPlaneUrl(dir) }, { dataDir: dir })
    open.push(reopened)
    const rows = await reopened.$client.execute('SELECT slug, db_url FROM tenants ORDER BY slug')
    expect(Object.fromEntries(rows.rows.map((r) => [r.slug, r.db_url]))).toEqual({
      humbang: 'file:tenants/humbang.db',
      nias: 'libsql://nias.example.org',
      samosir: urls.samosir,
      toba: 'file:tenants/toba.db',
    })
    const events = await listLifecycleEvents(reopened, ids.toba as string)
    expect(events.map((e) => [e.kind, e.detail, e.actor])).toEqual([
      ['database-url-upgraded', { from: urls.toba, to: 'file:tenants/toba.db' }, 'system'],
    ])
    expect(await listLifecycleEvents(reopened, ids.samosir as string)).toEqual([])

    // Another process that read the old URL before the rewrite changes nothing and records nothing.
    await reopened.$client.execute({ sql: 'UPDATE tenants SET db_url = ? WHERE slug = ?', args: [urls.toba, 'toba'] })
    const [first, second] = await Promise.all([
      upgradeTenantUrls(cp.$client, dir),
      upgradeTenantUrls(reopened.$client, dir),
    ])
    expect([...(first ?? []), ...(second ?? [])]).toEqual([
      { slug: 'toba', from: urls.toba, to: 'file:tenants/toba.db' },
    ])
    expect(await listLifecycleEvents(reopened, ids.toba as string)).toHaveLength(2)
    expect(await upgradeTenantUrls(reopened.$client, dir)).toEqual([])
  })
})
