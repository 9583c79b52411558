// Brings every tenant's schema up to date and creates the Toba tenant on first run.
import { loadConfig, platformFromConfig } from '@cerdas/api'
import { createTenant, migrateAllTenants } from '@cerdas/platform'
import { modules } from '@cerdas/registry'

const config = loadConfig()
const platform = await platformFromConfig(config, modules)
try {
  const results = await migrateAllTenants(platform)
  for (const failed of results.filter((r) => r.status === 'failed')) console.error(`! ${failed.slug}: ${failed.error}`)
  if (!(await platform.tenantBySlug('toba'))) {
    console.log('› Creating the Toba tenant from templates/toba…')
    await createTenant(platform, { slug: 'toba', template: 'toba' })
  }
  const port = config.PORT
  console.log(`
  Cerdas is starting on port ${port}
    Toba:      http://toba.${config.CERDAS_PLATFORM_HOST}:${port}
    Platform:  http://${config.CERDAS_PLATFORM_HOST}:${port}
    API docs:  http://toba.${config.CERDAS_PLATFORM_HOST}:${port}/api/docs
    Data:      ${config.CERDAS_DATA_DIR}
  ${config.CERDAS_OPERATOR_TOKEN ? 'Write API: Authorization: Bearer $CERDAS_OPERATOR_TOKEN' : 'Write API disabled: set CERDAS_OPERATOR_TOKEN (16+ characters) to enable it.'}
`)
} finally {
  platform.close()
}
