// Brings every tenant's schema up to date and, on first run, creates the Toba
// tenant with a demo admin account. Its password goes into a file only this
// user can read (never into the output, which ends up in logs), and must be
// changed at the first login.

import { randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, platformFromConfig } from '@cerdas/api'
import { createUser, hashPassword } from '@cerdas/identity'
import { createTenant, migrateAllTenants } from '@cerdas/platform'
import { modules } from '@cerdas/registry'

const config = loadConfig()
const platform = await platformFromConfig(config, modules)
try {
  const results = await migrateAllTenants(platform)
  for (const failed of results.filter((r) => r.status === 'failed')) console.error(`! ${failed.slug}: ${failed.error}`)
  const credentialsFile = join(config.CERDAS_DATA_DIR, 'demo-admin.txt')
  if (!(await platform.tenantBySlug('toba'))) {
    console.log('› Creating the Toba tenant from templates/toba…')
    await createTenant(platform, { slug: 'toba', template: 'toba' })
    const toba = await platform.tenantBySlug('toba')
    if (toba) {
      const password = randomBytes(12).toString('base64url')
      const email = 'admin@toba.localhost'
      const db = await platform.tenantDb(toba.record)
      await createUser(
        db,
        {
          email,
          name: 'Admin Toba (demo)',
          grants: [{ role: 'admin', dimension: null }],
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        },
        new Date(),
      )
      // Kept beside the data, readable by this user only; the console asks for a new password at first login.
      writeFileSync(
        credentialsFile,
        `Demo admin: ${email} / ${password}\nThis password is temporary: the console asks for a new one at the first login.\n`,
        { mode: 0o600 },
      )
      console.log(`› Demo admin ${email} created; its temporary password is in ${credentialsFile}`)
    }
  }
  const port = config.PORT
  const host = config.CERDAS_PLATFORM_HOST
  console.log(`
  Cerdas is starting on port ${port}
    Toba:      http://toba.${host}:${port}
    Admin:     http://toba.${host}:${port}/admin${existsSync(credentialsFile) ? `   (demo login in ${credentialsFile})` : ''}
    Platform:  http://${host}:${port}
    API docs:  http://toba.${host}:${port}/api/docs
    Data:      ${config.CERDAS_DATA_DIR}
`)
} finally {
  platform.close()
}
