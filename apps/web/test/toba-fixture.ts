import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnyModule, Grant } from '@cerdas/core'
import { createUser, hashPassword } from '@cerdas/identity'
import { createPlatform, createTenant, type Platform } from '@cerdas/platform'
import { modules } from '@cerdas/registry'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface TestAccount {
  email: string
  password: string
  name?: string
  grants: Grant[]
}

export interface TobaDataDirOptions {
  /** The modules the platform runs (default: every registered one). */
  modules?: readonly AnyModule[]
  /** More to prepare on the platform before it closes: other tenants, modules turned on or off. */
  setup?: (platform: Platform) => Promise<void>
}

/**
 * A fresh data directory with the Toba tenant and the given accounts, for a
 * browser test to start the built server on. Fails when the app is not built.
 */
export async function prepareTobaDataDir(
  prefix: string,
  accounts: TestAccount[],
  options: TobaDataDirOptions = {},
): Promise<string> {
  if (!existsSync(join(repoRoot, 'apps/web/build/server/index.js'))) {
    throw new Error('The web app is not built: run `pnpm --filter @cerdas/web build` (npm test does it).')
  }
  mkdirSync(join(repoRoot, 'test-results', 'e2e'), { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), `cerdas-${prefix}-e2e-`))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules: options.modules ?? modules,
  })
  try {
    await createTenant(platform, { slug: 'toba', template: 'toba' })
    const toba = await platform.tenantBySlug('toba')
    if (!toba) throw new Error('tenant toba was not created')
    const db = await platform.tenantDb(toba.record)
    for (const account of accounts) {
      await createUser(
        db,
        {
          email: account.email,
          name: account.name ?? account.email,
          grants: account.grants,
          passwordHash: await hashPassword(account.password),
        },
        new Date(),
      )
    }
    await options.setup?.(platform)
  } finally {
    platform.close()
  }
  return dataDir
}
