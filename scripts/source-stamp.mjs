// A fingerprint of everything the web build (Remix client + server, server bundle) is made
// from: each source file's path, size and modification time. `npm start` rebuilds only when it
// differs from the one the last build recorded. Only metadata is read (no file contents), so a
// check of an unchanged tree takes a few milliseconds.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Where the last build records the fingerprint of the sources it was made from. */
export const STAMP_FILE = 'apps/web/build/.source-stamp'

/** Folders inside each workspace package that hold code or assets the build reads. */
const PACKAGE_SOURCE_DIRS = ['src', 'web', 'admin', 'app', 'server', 'public', 'scripts']
const SKIPPED = new Set(['node_modules', 'build', 'dist', '.cache', '.turbo', 'test'])

function packageDirs(root) {
  return ['apps', 'packages', 'packages/modules'].flatMap((base) =>
    existsSync(join(root, base)) ? readdirSync(join(root, base)).map((name) => join(base, name)) : [],
  )
}

function collect(root, relative, into) {
  const path = join(root, relative)
  let stat
  try {
    stat = statSync(path)
  } catch {
    return
  }
  if (!stat.isDirectory()) {
    into.push(`${relative}\t${stat.size}\t${stat.mtimeMs}`)
    return
  }
  for (const name of readdirSync(path).sort()) {
    if (!SKIPPED.has(name)) collect(root, join(relative, name), into)
  }
}

/** The fingerprint of the build's sources under `root` (the repository). */
export function sourceStamp(root) {
  const entries = []
  for (const file of ['pnpm-lock.yaml', 'package.json', 'tsconfig.base.json', 'scripts/source-stamp.mjs']) {
    collect(root, file, entries)
  }
  for (const dir of packageDirs(root)) {
    for (const file of ['package.json', 'vite.config.ts', 'tsconfig.json']) collect(root, join(dir, file), entries)
    for (const sub of PACKAGE_SOURCE_DIRS) collect(root, join(dir, sub), entries)
  }
  return createHash('sha256').update(entries.join('\n')).digest('hex')
}

/** Whether the build under `root` was made from the sources as they are now. */
export function buildIsCurrent(root) {
  const file = join(root, STAMP_FILE)
  return existsSync(file) && readFileSync(file, 'utf8').trim() === sourceStamp(root)
}

/**
 * Records that the build under `root` was made from the sources fingerprinted as `stamp` (taken
 * before building, so a file changed during the build makes the next start build again).
 * @example const stamp = sourceStamp(root); build(); recordBuild(root, stamp)
 */
export function recordBuild(root, stamp) {
  const file = join(root, STAMP_FILE)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${stamp}\n`)
}
