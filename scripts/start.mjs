// `npm start`: install, build the web app if its sources changed since the last build, make sure
// the Toba tenant exists and every tenant is migrated, then serve everything on one port. The
// server runs in this very process, from the built bundle (plain JavaScript: nothing is
// transpiled at run time), so no launcher or second process stays behind.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ensureInstall, root, runBin } from './ensure-install.mjs'
import { buildIsCurrent } from './source-stamp.mjs'

const bundle = (name) => join(root, 'apps/web/build', name)

ensureInstall()
if (!process.env.CERDAS_SKIP_BUILD && !buildIsCurrent(root)) {
  console.log('› Building the web app (its sources changed since the last build)…')
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }
  if (runBin('pnpm', ['--filter', '@cerdas/web', 'run', 'build'], { env }) !== 0) process.exit(1)
}
if (!existsSync(bundle('server.mjs')) || !existsSync(bundle('prepare.mjs'))) {
  console.error('No server build in apps/web/build. Run: pnpm --filter @cerdas/web run build')
  process.exit(1)
}
// React picks its build when first loaded: production, unless development is asked for.
if (process.env.NODE_ENV !== 'development') process.env.NODE_ENV = 'production'
// Tenants created and migrated first; both bundles share their code, loaded once.
await import(bundle('prepare.mjs'))
await import(bundle('server.mjs'))
