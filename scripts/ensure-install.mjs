// Installs the workspace with the pinned pnpm when node_modules is missing or
// older than the lockfile. Needs only Node and npm: pnpm comes through npx.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const root = new URL('..', import.meta.url).pathname
const PNPM = 'pnpm@10.34.9'

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.error) throw result.error
  return result.status ?? 1
}

/** The lockfile and every workspace package's manifest: a package added or changed since the install needs one. */
function manifests() {
  const dirs = ['apps', 'packages', 'packages/modules'].flatMap((base) =>
    existsSync(join(root, base)) ? readdirSync(join(root, base)).map((name) => join(root, base, name)) : [],
  )
  return [
    join(root, 'pnpm-lock.yaml'),
    join(root, 'package.json'),
    ...dirs.map((dir) => join(dir, 'package.json')),
  ].filter((file) => existsSync(file))
}

export function ensureInstall() {
  const marker = join(root, 'node_modules', '.modules.yaml')
  const installedAt = existsSync(marker) ? statSync(marker).mtimeMs : 0
  const fresh = manifests().every((file) => statSync(file).mtimeMs <= installedAt)
  if (fresh && !process.env.CI) return
  console.log('› Installing dependencies (pnpm install)…')
  // CI installs exactly the lockfile; a working copy may add a package (cerdas module new), which the lockfile then records.
  const status = run('npx', ['-y', PNPM, 'install', ...(process.env.CI ? ['--frozen-lockfile'] : [])], {
    env: { ...process.env, npm_config_yes: 'true', TURBO_TELEMETRY_DISABLED: '1' },
  })
  if (status !== 0) {
    console.error('pnpm install failed; see the output above.')
    process.exit(status)
  }
}

/** Runs a binary installed in the workspace (node_modules/.bin). */
export function runBin(name, args, options = {}) {
  return run(join(root, 'node_modules', '.bin', name), args, options)
}
