import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A templates directory holding one template, `bare`, that enables only the given modules: for
 * tests of framework behaviour that should not depend on which modules are registered.
 * @example const templatesDir = bareTemplates(['uji']); await createTestPlatform({ modules: [uji], templatesDir })
 */
export function bareTemplates(moduleIds: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cerdas-templates-'))
  mkdirSync(join(dir, 'bare'))
  const template = {
    description: 'A regency with only the modules a test needs',
    tenant: {
      kind: 'kabupaten',
      province: 'Sumatera Utara',
      timezone: 'Asia/Jakarta',
      defaultLocale: 'id',
      locales: ['id', 'en'],
      hosts: [],
      branding: { primaryColor: '#0b5d7a', accentColor: '#c8102e' },
    },
    modules: Object.fromEntries(moduleIds.map((id) => [id, { enabled: true, settings: {} }])),
    reference: { districts: [] },
  }
  writeFileSync(join(dir, 'bare', 'template.json'), JSON.stringify(template, null, 2))
  return dir
}
