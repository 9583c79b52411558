import type { TenantContext } from '@cerdas/core'
import { applyMigrations, closeDatabase, openDatabase, tenantFrameworkMigrations } from '@cerdas/db'
import { afterAll, describe, expect, it } from 'vitest'
import { createSearchIndexWriter, searchTenant } from '../src/search-index'
import { tempDir } from './support'

describe('search index migration of an existing tenant', () => {
  it('keeps documents indexed the old way findable, typos included, and the writer in step', async () => {
    const db = await openDatabase({ url: `file:${tempDir()}/tenant.db` })
    afterAll(() => closeDatabase(db))
    const [audit, search, ...later] = tenantFrameworkMigrations.migrations
    if (!audit || !search) throw new Error('framework migrations missing')
    expect(later.length).toBeGreaterThan(0)
    await applyMigrations(db.$client, [{ owner: 'cerdas', migrations: [audit, search] }])
    // As the old writer left it: index rowids unrelated to the documents' rowids.
    const old: [string, string, string][] = [
      ['ann_a', 'Pengumuman libur', 'Kantor tutup.'],
      ['svc_b', 'Akta Kelahiran', 'Pencatatan kelahiran.'],
      ['ann_c', 'Jadwal posyandu', 'Imunisasi anak, Mei 2026.'],
    ]
    for (const [id, title, body] of old) {
      await db.$client.execute({
        sql: 'INSERT INTO cerdas_search (rowid, id, title, body, keywords) VALUES (?, ?, ?, ?, ?)',
        args: [100 + old.length - old.findIndex((o) => o[0] === id), id, title, body, ''],
      })
    }
    for (const [id, title] of old) {
      await db.$client.execute({
        sql: 'INSERT INTO cerdas_search_documents (id, module, kind, url, title_id, boost) VALUES (?, ?, ?, ?, ?, ?)',
        args: [id, 'm', 'k', `/x/${id}`, title, id.startsWith('svc') ? 10 : 0],
      })
    }
    // A stray index row without a document goes.
    await db.$client.execute("INSERT INTO cerdas_search (id, title, body, keywords) VALUES ('gone', 'Akta', '', '')")

    await applyMigrations(db.$client, [tenantFrameworkMigrations])
    // The boosted documents have their own index now, filled from the old one.
    const boosted = await db.$client.execute(
      `SELECT d.id, b.boost, b.title FROM cerdas_search_boosted b JOIN cerdas_search_documents d ON d.rowid = b.rowid`,
    )
    expect(boosted.rows.map((r) => ({ ...r }))).toEqual([{ id: 'svc_b', boost: 10, title: 'Akta Kelahiran' }])
    const writer = createSearchIndexWriter(db)
    const ctx = { db, locale: 'id', search: writer } as unknown as TenantContext
    expect((await searchTenant(ctx, 'akta lahir')).map((h) => h.id)).toEqual(['svc_b'])
    expect((await searchTenant(ctx, 'akta kelahran')).map((h) => h.id)).toEqual(['svc_b'])
    expect((await searchTenant(ctx, 'posyandu')).map((h) => h.id)).toEqual(['ann_c'])
    // The word list has every token of the old index now, so a prefix finds a number too.
    expect((await searchTenant(ctx, '202')).map((h) => h.id)).toEqual(['ann_c'])

    await writer.upsert([{ id: 'ann_c', module: 'm', kind: 'k', title: { id: 'Jadwal imunisasi' }, url: '/x/ann_c' }])
    await writer.remove(['ann_a'])
    expect(await searchTenant(ctx, 'posyandu')).toEqual([])
    expect((await searchTenant(ctx, 'imunisasi')).map((h) => h.id)).toEqual(['ann_c'])
    expect(await searchTenant(ctx, 'libur')).toEqual([])
    const counts = await db.$client.execute(
      `SELECT (SELECT count(*) FROM cerdas_search) AS fts, (SELECT count(*) FROM cerdas_search_documents) AS docs,
        (SELECT count(*) FROM cerdas_search_boosted) AS boosted`,
    )
    expect({ ...counts.rows[0] }).toEqual({ fts: 2, docs: 2, boosted: 1 })
    await writer.remove(['svc_b'])
    expect(await searchTenant(ctx, 'akta')).toEqual([])
    expect((await db.$client.execute('SELECT count(*) AS n FROM cerdas_search_boosted')).rows[0]?.n).toBe(0)
  })
})
