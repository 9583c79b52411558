import directory from '@cerdas/module-directory'
import { loadTemplate } from '@cerdas/platform'
import { modules as registryModules } from '@cerdas/registry'
import { TEMPLATES_DIR } from '@cerdas/testing'
import { describe, expect, it } from 'vitest'
import services from '../src/index'

describe('Toba template with the directory and services modules registered', () => {
  it('loads, and its directory and services data pass the seed schemas', () => {
    const template = loadTemplate(TEMPLATES_DIR, 'toba', [...registryModules, directory, services])
    const data = template.data as { directory: { offices: { key: string }[] }; services: { key: string }[] }
    expect(data.directory.offices.map((o) => o.key)).toContain('disdukcapil')
    expect(data.services.length).toBeGreaterThanOrEqual(10)
  })
})
