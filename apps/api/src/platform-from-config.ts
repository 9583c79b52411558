import type { AnyModule } from '@cerdas/core'
import { keepNewFilesPrivate } from '@cerdas/db'
import { createPlatform, type Platform } from '@cerdas/platform'
import type { Config } from './config'

/**
 * The platform as configured by the environment. Every Cerdas process opens
 * its platform here, so this is where the process starts keeping what it
 * writes (databases, backups, exports) private to its user.
 */
export function platformFromConfig(config: Config, modules: readonly AnyModule[]): Promise<Platform> {
  keepNewFilesPrivate()
  return createPlatform({
    dataDir: config.CERDAS_DATA_DIR,
    templatesDir: config.CERDAS_TEMPLATES_DIR,
    controlPlaneUrl: config.CERDAS_CONTROL_PLANE_URL,
    controlPlaneAuthToken: config.CERDAS_CONTROL_PLANE_TOKEN,
    platformHost: config.CERDAS_PLATFORM_HOST,
    maxOpenTenants: config.CERDAS_MAX_OPEN_TENANTS,
    tenantPageCacheMiB: config.CERDAS_TENANT_PAGE_CACHE_MB,
    readCacheBytes: config.CERDAS_READ_CACHE_BYTES,
    modules,
  })
}
