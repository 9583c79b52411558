// `npm start`: install, build the web app, make sure the Toba tenant exists and
// is migrated, then serve everything on one port.
import { ensureInstall, root, runBin } from './ensure-install.mjs'

ensureInstall()
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }
if (!process.env.CERDAS_SKIP_BUILD) {
  console.log('› Building the web app…')
  if (runBin('pnpm', ['--filter', '@cerdas/web', 'run', 'build'], { env }) !== 0) process.exit(1)
}
if (runBin('tsx', ['apps/web/server/prepare.ts'], { env }) !== 0) process.exit(1)
const { spawn } = await import('node:child_process')
const server = spawn(`${root}node_modules/.bin/tsx`, ['apps/web/server/index.ts'], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
