import { defineModule, type TenantContext } from '@cerdas/core'
import { listLifecycleEvents } from '@cerdas/db'
import { modules as registeredModules } from '@cerdas/registry'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { listAudit } from '../src/audit-log'
import { createPlatform, type Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import {
  checkTenantProfile,
  readSettingsForm,
  setTenantModuleEnabled,
  setTenantModules,
  settingsFields,
  updateModuleSettings,
  updateTenantProfile,
} from '../src/tenant-settings'
import { TEMPLATES_DIR, tempDir } from './support'

/** A module that needs announcements, with settings of every kind a form can edit. */
const bulletin = defineModule({
  id: 'bulletin',
  dimension: 'society',
  title: { id: 'Buletin' },
  requires: ['announcements'],
  schema: { items: sqliteTable('bulletin_items', { id: text('id').primaryKey() }) },
  migrations: [{ id: '0001_create', statements: ['CREATE TABLE bulletin_items (id TEXT PRIMARY KEY)'] }],
  settings: z.object({
    perPage: z.number().int().min(1).max(50).default(5).describe('Berita per halaman'),
    showImages: z.boolean().default(true),
    layout: z
      .enum(['list', 'grid'])
      .default('list')
      .meta({ label: { id: 'Tata letak', en: 'Layout' } }),
    heading: z.string().max(80).default('Buletin'),
    days: z.array(z.enum(['mo', 'tu', 'we'])).default(['mo']),
    nested: z.object({ a: z.string() }).default({ a: 'x' }),
  }),
})

let platform: Platform
const PROFILE = {
  name: 'Kabupaten Toba Baru',
  tagline: { id: 'Slogan baru', en: 'New tagline' },
  primaryColor: '#123456',
  accentColor: '#abcdef',
  logoUrl: '/brand/toba.svg',
  locales: ['id', 'en'] as ('id' | 'en')[],
  defaultLocale: 'id' as const,
}

const ADMIN = { kind: 'user' as const, id: 'usr_admin', grants: [{ role: 'admin' as const, dimension: null }] }
const EDITOR = { kind: 'user' as const, id: 'usr_editor', grants: [{ role: 'editor' as const, dimension: null }] }

/** A request's context, resolved by host as the web and API servers resolve it. */
async function requestContext(actor: TenantContext['actor'] = ADMIN): Promise<TenantContext> {
  const tenant = await platform.tenantByHost('toba.localhost')
  if (!tenant) throw new Error('toba is not served')
  // Held as a request holds it: a settings change must not close the database under the request.
  return platform.context(tenant, (await platform.acquireTenantDb(tenant.record)).db, { actor })
}

beforeAll(async () => {
  platform = await createPlatform({
    dataDir: tempDir(),
    templatesDir: TEMPLATES_DIR,
    platformHost: 'localhost',
    modules: [...registeredModules, bulletin],
    // A long host cache: only forgetting makes a change visible to the next request.
    hostCacheTtlMs: 60 * 60_000,
  })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  return () => platform.close()
})

describe('tenant profile', () => {
  it('refuses invalid input field by field and writes nothing', async () => {
    const checked = checkTenantProfile({
      ...PROFILE,
      name: 'X',
      primaryColor: 'merah',
      logoUrl: 'javascript:alert(1)',
      locales: ['en'],
      defaultLocale: 'id',
    })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors).toEqual({
      name: { code: 'tooShort', min: 3 },
      primaryColor: { code: 'colour' },
      logoUrl: { code: 'url' },
      defaultLocale: { code: 'defaultLocale' },
    })
    expect(checkTenantProfile({ ...PROFILE, colour: '#000000' })).toMatchObject({
      ok: false,
      errors: { form: { code: 'unknown' } },
    })

    const ctx = await requestContext()
    const auditBefore = (await listAudit(ctx.db, { limit: 1000 })).length
    await expect(updateTenantProfile(platform, ctx, { ...PROFILE, primaryColor: 'red' })).rejects.toMatchObject({
      problem: { status: 422, errors: [{ pointer: '/primaryColor', message: 'colour' }] },
    })
    expect((await requestContext()).tenant.branding.primaryColor).toBe('#0b5d7a')
    expect((await listAudit(ctx.db, { limit: 1000 })).length).toBe(auditBefore)
  })

  it('takes map tiles only as a public https template, since the browsers of visitors fetch them', async () => {
    const tiles = (mapTileUrl: string) => checkTenantProfile({ ...PROFILE, mapTileUrl })
    expect(tiles('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toMatchObject({ ok: true })
    for (const bad of [
      'http://tile.openstreetmap.org/{z}/{x}/{y}.png',
      'https://tile.openstreetmap.org/tiles.png',
      'https://127.0.0.1/{z}/{x}/{y}.png',
      'https://[::1]/{z}/{x}/{y}.png',
      'https://tiles.localhost/{z}/{x}/{y}.png',
      'https://user:secret@tiles.example.com/{z}/{x}/{y}.png',
      'https://metadata.google.internal/{z}/{x}/{y}',
      'file:///etc/passwd?{z}{x}{y}',
    ])
      expect(tiles(bad), bad).toEqual({ ok: false, errors: { mapTileUrl: { code: 'tileUrl' } } })
  })

  it('needs the settings permission', async () => {
    const ctx = await requestContext(EDITOR)
    await expect(updateTenantProfile(platform, ctx, PROFILE)).rejects.toMatchObject({ problem: { status: 403 } })
    await expect(updateModuleSettings(platform, ctx, 'announcements', {})).rejects.toMatchObject({
      problem: { status: 403 },
    })
    await expect(setTenantModuleEnabled(platform, ctx, 'bulletin', true)).rejects.toMatchObject({
      problem: { status: 403 },
    })
    await expect(updateTenantProfile(platform, await requestContext(null), PROFILE)).rejects.toMatchObject({
      problem: { status: 401 },
    })
  })

  it('saves, audits, records a lifecycle event, and the next request sees the change', async () => {
    const ctx = await requestContext()
    expect(ctx.tenant.name).toBe('Kabupaten Toba')
    await updateTenantProfile(platform, ctx, { ...PROFILE, logoUrl: undefined })

    const next = await requestContext()
    expect(next.tenant.name).toBe('Kabupaten Toba Baru')
    expect(next.tenant.branding).toEqual({
      primaryColor: '#123456',
      accentColor: '#abcdef',
      tagline: { id: 'Slogan baru', en: 'New tagline' },
    })
    expect(next.tenant.locales).toEqual(['id', 'en'])

    const [entry] = await listAudit(ctx.db, { entity: 'cerdas.tenant', limit: 10 })
    expect(entry).toMatchObject({ action: 'update', entityId: ctx.tenant.id, actorId: 'usr_admin' })
    expect(entry?.before).toMatchObject({ name: 'Kabupaten Toba', primaryColor: '#0b5d7a', logoUrl: '/brand/toba.svg' })
    expect(entry?.after).toMatchObject({ name: 'Kabupaten Toba Baru', primaryColor: '#123456' })
    expect(entry?.after).not.toHaveProperty('logoUrl')

    const events = await listLifecycleEvents(platform.controlPlane, ctx.tenant.id)
    expect(events.at(-1)).toMatchObject({ kind: 'profile-updated', actor: 'user:usr_admin' })
    expect(events.at(-1)?.detail.fields).toEqual(expect.arrayContaining(['name', 'primaryColor', 'logoUrl']))
  })
})

describe('module settings', () => {
  it('validates against the module schema, audits, and the next request sees them', async () => {
    const ctx = await requestContext()
    expect(ctx.tenant.modules.announcements?.settings).toEqual({ pageSize: 10, homeCount: 3 })

    await expect(
      updateModuleSettings(platform, ctx, 'announcements', { pageSize: 10, homeCount: 11 }),
    ).rejects.toMatchObject({ problem: { status: 422, errors: [{ pointer: '/homeCount' }] } })
    await expect(
      updateModuleSettings(platform, ctx, 'announcements', { pageSize: 10, homeCount: 1, extra: true }),
    ).rejects.toMatchObject({ problem: { status: 422 } })
    await expect(updateModuleSettings(platform, ctx, 'nope', {})).rejects.toMatchObject({ problem: { status: 404 } })
    await expect(updateModuleSettings(platform, ctx, 'bulletin', {})).rejects.toMatchObject({
      problem: { status: 409 },
    })
    expect((await requestContext()).tenant.modules.announcements?.settings.homeCount).toBe(3)

    await updateModuleSettings(platform, ctx, 'announcements', { pageSize: 12, homeCount: 1 })
    expect((await requestContext()).tenant.modules.announcements?.settings).toEqual({ pageSize: 12, homeCount: 1 })
    const [entry] = await listAudit(ctx.db, { entity: 'cerdas.module_settings', limit: 10 })
    expect(entry).toMatchObject({
      action: 'update',
      entityId: 'announcements',
      before: { pageSize: 10, homeCount: 3 },
      after: { pageSize: 12, homeCount: 1 },
    })
    const events = await listLifecycleEvents(platform.controlPlane, ctx.tenant.id)
    expect(events.at(-1)).toMatchObject({ kind: 'module-settings-updated', detail: { module: 'announcements' } })
  })

  it('enables and disables modules with their requirements checked, audited', async () => {
    const ctx = await requestContext()
    // Announcements cannot go while bulletin needs it; bulletin cannot come without it.
    await setTenantModules(platform, ctx, new Set(['announcements', 'schedules', 'bulletin']))
    expect((await requestContext()).tenant.modules.bulletin?.settings).toMatchObject({ perPage: 5, layout: 'list' })
    await expect(setTenantModuleEnabled(platform, ctx, 'announcements', false)).rejects.toMatchObject({
      problem: { status: 409, detail: 'bulletin require announcements' },
    })
    // Both unticked together: the dependant goes first, so both go.
    await setTenantModules(platform, ctx, new Set(['schedules']))
    expect(Object.keys((await requestContext()).tenant.modules)).toEqual(['schedules'])
    await expect(setTenantModuleEnabled(platform, ctx, 'bulletin', true)).rejects.toMatchObject({
      problem: { status: 409, detail: 'bulletin requires announcements; enable those first' },
    })
    await setTenantModules(platform, ctx, new Set(['schedules', 'announcements']))
    // The settings saved before survive a disable and enable.
    expect((await requestContext()).tenant.modules.announcements?.settings).toEqual({ pageSize: 12, homeCount: 1 })

    const entries = await listAudit(ctx.db, { entity: 'cerdas.module_settings', limit: 20 })
    const ofTheseModules = entries.filter((e) => e.entityId === 'announcements' || e.entityId === 'bulletin')
    expect(ofTheseModules.map((e) => `${e.action} ${e.entityId}`).slice(0, 5)).toEqual([
      'enable announcements',
      'disable announcements',
      'disable bulletin',
      'enable bulletin',
      'update announcements',
    ])
  })
})

describe('settings forms from zod schemas', () => {
  it('describes numbers with bounds, checkboxes, selects, text and multi-selects; skips objects', () => {
    expect(settingsFields(bulletin.settings)).toEqual([
      { name: 'perPage', label: 'Berita per halaman', type: 'number', min: 1, max: 50, integer: true, default: 5 },
      { name: 'showImages', label: 'showImages', type: 'checkbox', default: true },
      {
        name: 'layout',
        label: { id: 'Tata letak', en: 'Layout' },
        type: 'select',
        options: ['list', 'grid'],
        default: 'list',
      },
      { name: 'heading', label: 'heading', type: 'text', maxLength: 80, default: 'Buletin' },
      { name: 'days', label: 'days', type: 'multiselect', options: ['mo', 'tu', 'we'], default: ['mo'] },
    ])
  })

  it('reads a submitted form into values the schema checks', () => {
    const fields = settingsFields(bulletin.settings)
    const form = new URLSearchParams('perPage=7,0&layout=grid&heading=%20Hai%20&days=mo&days=we')
    expect(
      readSettingsForm(
        fields,
        (n) => form.get(n),
        (n) => form.getAll(n),
      ),
    ).toEqual({ perPage: 7, showImages: false, layout: 'grid', heading: 'Hai', days: ['mo', 'we'] })
    const bad = new URLSearchParams('perPage=banyak&showImages=on')
    expect(
      readSettingsForm(
        fields,
        (n) => bad.get(n),
        (n) => bad.getAll(n),
      ),
    ).toMatchObject({ perPage: 'banyak', showImages: true })
  })
})
