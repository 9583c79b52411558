import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { modules } from '@cerdas/registry'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPlatform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { breakTenantDatabase, TEMPLATES_DIR, tempDir, testPlatform } from './support'

const SLUGS = ['dairi', 'karo', 'samosir']
let dataDir: string

beforeAll(async () => {
  dataDir = tempDir()
  const first = await testPlatform({ dataDir })
  for (const slug of SLUGS) await createTenant(first, { slug, template: 'kabupaten' })
  await breakTenantDatabase(first, 'karo', join(dataDir, 'karo-is-a-directory'))
  first.close()
  // With the files gone, any open at start-up would create them again.
  for (const file of readdirSync(join(dataDir, 'tenants'))) rmSync(join(dataDir, 'tenants', file))
})

describe('createPlatform start-up', () => {
  it('opens no tenant database, not even a broken one', async () => {
    const platform = await createPlatform({
      dataDir,
      templatesDir: TEMPLATES_DIR,
      platformHost: 'localhost',
      modules,
    })
    try {
      expect(readdirSync(join(dataDir, 'tenants'))).toEqual([])
      // Lookups read the control plane only.
      expect((await platform.tenantByHost('dairi.localhost'))?.record.slug).toBe('dairi')
      expect(readdirSync(join(dataDir, 'tenants'))).toEqual([])
      // The first use opens just that tenant.
      const dairi = await platform.tenantBySlug('dairi')
      await platform.tenantDb(dairi!.record)
      expect(existsSync(join(dataDir, 'tenants', 'dairi.db'))).toBe(true)
      expect(existsSync(join(dataDir, 'tenants', 'samosir.db'))).toBe(false)
    } finally {
      platform.close()
    }
  })
})
