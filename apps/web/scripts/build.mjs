// `pnpm --filter @cerdas/web run build`: the Remix build (build/client, build/server), then the
// server bundle (build/server.mjs, build/prepare.mjs), then the fingerprint of the sources both
// were made from (build/.source-stamp), which `npm start` compares to skip an unneeded build.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { recordBuild, sourceStamp } from '../../../scripts/source-stamp.mjs'
import { buildServer } from './build-server.mjs'

const webDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = join(webDir, '../..')

// Taken before building: a file changed during the build makes the next start build again.
const stamp = sourceStamp(repoRoot)
// vite.config.ts imports the module registry, which is TypeScript: tsx loads it.
const remix = spawnSync(join(webDir, 'node_modules/.bin/remix'), ['vite:build'], {
  cwd: webDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=tsx`.trim() },
})
if (remix.status !== 0) process.exit(remix.status ?? 1)
await buildServer()
recordBuild(repoRoot, stamp)
