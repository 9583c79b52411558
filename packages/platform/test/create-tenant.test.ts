import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isProblemError } from '@cerdas/core'
import { findTenantBySlug, listTenants } from '@cerdas/db'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { tempDir, testPlatform } from './support'

let platform: Platform
let dataDir: string

beforeAll(async () => {
  dataDir = tempDir()
  platform = await testPlatform({ dataDir })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
})

async function refusal(input: Parameters<typeof createTenant>[1]) {
  try {
    await createTenant(platform, input)
  } catch (error) {
    if (isProblemError(error)) return error.problem
    throw error
  }
  throw new Error('createTenant accepted the input')
}

describe('createTenant', () => {
  it('creates toba on its template host and its slug host, with its own database file', async () => {
    const toba = await findTenantBySlug(platform.controlPlane, 'toba')
    expect(toba?.hosts.map((h) => h.host).sort()).toEqual(['toba.localhost'])
    expect(toba?.dbUrl).toContain(join('tenants', 'toba.db'))
    expect(existsSync(join(dataDir, 'tenants', 'toba.db'))).toBe(true)
    expect((await platform.tenantByHost('toba.localhost'))?.record.slug).toBe('toba')
  })

  it('rejects a duplicate slug', async () => {
    const problem = await refusal({ slug: 'toba', template: 'kabupaten' })
    expect(problem.status).toBe(409)
    expect(problem.detail).toContain('a tenant "toba" already exists')
  })

  it.each([
    ['the same host', 'toba.localhost'],
    ['the same host in upper case', 'TOBA.LOCALHOST'],
  ])('rejects a host another tenant owns: %s', async (_name, host) => {
    const problem = await refusal({ slug: 'samosir', template: 'kabupaten', hosts: [host] })
    expect(problem.status).toBe(409)
    expect(problem.detail).toContain('host toba.localhost already belongs to another tenant')
    expect(await findTenantBySlug(platform.controlPlane, 'samosir')).toBeUndefined()
    expect(existsSync(join(dataDir, 'tenants', 'samosir.db'))).toBe(false)
  })

  it("rejects the platform's own host", async () => {
    const problem = await refusal({ slug: 'samosir', template: 'kabupaten', hosts: ['localhost'] })
    expect(problem.status).toBe(409)
    expect(problem.detail).toContain("localhost is the platform's own host")
    expect(await findTenantBySlug(platform.controlPlane, 'samosir')).toBeUndefined()
  })

  it.each([['To'], ['Toba'], ['1toba'], ['toba_2'], ['toba-'], ['a'.repeat(43)]])(
    'rejects the slug %s',
    async (slug) => {
      const problem = await refusal({ slug, template: 'kabupaten' })
      expect(problem.status).toBe(422)
      expect(problem.detail).toMatch(/^slug: /)
    },
  )

  it('rejects an unknown template without creating anything', async () => {
    const before = (await listTenants(platform.controlPlane)).length
    await expect(createTenant(platform, { slug: 'nias', template: 'nowhere' })).rejects.toThrow(/no template "nowhere"/)
    expect(await listTenants(platform.controlPlane)).toHaveLength(before)
  })

  it('creates a second tenant from kabupaten on its own host', async () => {
    const samosir = await createTenant(platform, {
      slug: 'samosir',
      template: 'kabupaten',
      name: 'Kabupaten Samosir',
      hosts: ['samosir.example.go.id'],
    })
    expect(samosir.hosts.map((h) => h.host).sort()).toEqual(['samosir.example.go.id', 'samosir.localhost'])
    expect(samosir.hosts.find((h) => h.isPrimary)?.host).toBe('samosir.example.go.id')
    expect(samosir.dbUrl).not.toBe((await findTenantBySlug(platform.controlPlane, 'toba'))?.dbUrl)
    expect((await platform.tenantByHost('samosir.example.go.id'))?.record.slug).toBe('samosir')
  })
})
