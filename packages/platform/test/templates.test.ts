import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { modules } from '@cerdas/registry'
import { beforeAll, describe, expect, it } from 'vitest'
import { listTemplates, loadTemplate, TemplateError } from '../src/templates'
import { TEMPLATES_DIR, tempDir, writeFiles } from './support'

describe('shipped templates', () => {
  it('lists kabupaten, its zone variants and toba', () => {
    expect(listTemplates(TEMPLATES_DIR)).toEqual(
      expect.arrayContaining(['kabupaten', 'kabupaten-wit', 'kabupaten-wita', 'toba']),
    )
  })

  it('every shipped template loads against the registered modules', () => {
    for (const name of listTemplates(TEMPLATES_DIR)) expect(loadTemplate(TEMPLATES_DIR, name, modules).name).toBe(name)
  })

  it('toba extends kabupaten: overrides win, everything else is inherited', () => {
    const base = loadTemplate(TEMPLATES_DIR, 'kabupaten', modules)
    const toba = loadTemplate(TEMPLATES_DIR, 'toba', modules)
    expect(toba.chain).toEqual(['kabupaten', 'toba'])
    // Overridden by toba.
    expect(toba.tenant.name).toBe('Kabupaten Toba')
    expect(toba.tenant.slug).toBe('toba')
    expect(toba.tenant.province).toBe('Sumatera Utara')
    expect(toba.tenant.hosts).toEqual(['toba.localhost'])
    expect(toba.tenant.branding.accentColor).toBe('#b8860b')
    expect(toba.tenant.branding.logoUrl).toBe('/brand/toba.svg')
    expect(toba.reference.districts.map((d) => d.name)).toContain('Balige')
    expect(toba.data.announcements).toHaveLength(3)
    // Inherited from kabupaten.
    expect(toba.tenant.kind).toBe(base.tenant.kind)
    expect(toba.tenant.defaultLocale).toBe('id')
    expect(toba.tenant.locales).toEqual(base.tenant.locales)
    expect(toba.tenant.branding.primaryColor).toBe(base.tenant.branding.primaryColor)
    // Module settings: the module's defaults filled in under the template's values.
    expect(toba.modules.announcements).toEqual({ enabled: true, settings: { pageSize: 10, homeCount: 3 } })
    expect(base.modules.announcements?.settings).toEqual({ pageSize: 10, homeCount: 3 })
    // A child's module data file replaces the parent's: toba ships its own schedules.json, which
    // repeats kabupaten's holiday list (kept equal here) and adds its example schedules.
    expect(Object.keys(base.data).sort()).toEqual(['reports', 'schedules'])
    const holidaysOf = (data: unknown) => (data as { holidays: unknown[] }).holidays
    expect(holidaysOf(toba.data.schedules)).toEqual(holidaysOf(base.data.schedules))
  })

  it.each([
    ['kabupaten', 'Asia/Jakarta'],
    ['kabupaten-wita', 'Asia/Makassar'],
    ['kabupaten-wit', 'Asia/Jayapura'],
  ])('%s is in %s, and otherwise the generic regency', (name, zone) => {
    const base = loadTemplate(TEMPLATES_DIR, 'kabupaten', modules)
    const template = loadTemplate(TEMPLATES_DIR, name, modules)
    expect(template.tenant.timezone).toBe(zone)
    expect({ ...template.tenant, timezone: base.tenant.timezone }).toEqual(base.tenant)
    expect(template.modules).toEqual(base.modules)
  })
})

describe('invalid templates fail with the file and field named', () => {
  let dir: string
  const load = (name: string) => () => loadTemplate(dir, name, modules)

  beforeAll(() => {
    dir = tempDir()
    cpSync(join(TEMPLATES_DIR, 'kabupaten'), join(dir, 'kabupaten'), { recursive: true })
    writeFiles(dir, {
      'unknown-module/template.json': { extends: 'kabupaten', modules: { weather: { enabled: true } } },
      'bad-settings/template.json': {
        extends: 'kabupaten',
        modules: { announcements: { settings: { pageSize: 'ten', homeCount: 99 } } },
      },
      'bad-seed/template.json': { extends: 'kabupaten' },
      'bad-seed/data/announcements.json': [
        { key: 'ok-one', title: { id: 'Baik' }, body: { id: 'Isi' }, category: 'general' },
        { key: 'Bad Key', title: { id: 'Buruk' }, body: { id: 'Isi' }, category: 'gossip' },
      ],
      'orphan-data/template.json': { extends: 'kabupaten' },
      'orphan-data/data/weather.json': [],
      'cycle-a/template.json': { extends: 'cycle-b' },
      'cycle-b/template.json': { extends: 'cycle-a' },
      'self/template.json': { extends: 'self' },
      'bad-zone/template.json': { extends: 'kabupaten', tenant: { timezone: 'Asia/Balige' } },
      'bad-colour/template.json': { extends: 'kabupaten', tenant: { branding: { primaryColor: 'blue' } } },
      'unknown-field/template.json': { extends: 'kabupaten', tenant: { population: 206_000 } },
      'missing-parent/template.json': { extends: 'nowhere' },
      'incomplete/template.json': { tenant: { kind: 'kota' } },
    })
  })

  const cases: [string, string, (string | RegExp)[]][] = [
    ['unknown module', 'unknown-module', ['modules.weather: no such module is registered']],
    [
      'bad settings',
      'bad-settings',
      ['modules.announcements.settings.pageSize', 'modules.announcements.settings.homeCount'],
    ],
    ['bad seed data', 'bad-seed', ['data/announcements.json 1.key', 'data/announcements.json 1.category']],
    ['seed data of no module', 'orphan-data', ['data/weather.json: no registered module "weather" takes seed data']],
    ['an extends cycle', 'cycle-a', [/template "cycle-a" extends itself through cycle-a → cycle-b/]],
    ['extending itself', 'self', ['template "self" extends itself']],
    ['a bad zone', 'bad-zone', ['tenant.timezone: is not an IANA time zone', 'bad-zone']],
    ['a bad colour', 'bad-colour', ['tenant.branding.primaryColor: must be a colour like #0b5d7a']],
    ['an unknown field', 'unknown-field', ['tenant', 'population']],
    ['a missing parent', 'missing-parent', ['no template "nowhere"']],
    ['missing required values', 'incomplete', ['tenant.province', 'tenant.timezone', 'tenant.branding']],
    ['a missing template', 'absent', ['no template "absent"']],
    ['a name with a path in it', '../kabupaten', ['may hold only a-z, 0-9 and -']],
  ]

  it.each(cases)('rejects %s', (_name, template, messages) => {
    expect(load(template)).toThrow(TemplateError)
    let message = ''
    try {
      load(template)()
    } catch (error) {
      message = (error as Error).message
    }
    for (const expected of messages) expect(message).toMatch(expected)
  })
})
