// Bundles the server entries (server/index.ts, server/prepare.ts) with every workspace package
// they reach (@cerdas/*, all TypeScript) into plain ES modules in build/, so production runs on
// `node` without transpiling at run time. Packages from the registry stay outside the bundle and
// load from node_modules as usual: their native parts (@libsql/*, @node-rs/argon2) must, and the
// Remix server build imports the same files (react, zod, drizzle…), so both share one copy.
import { readdirSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const webDir = fileURLToPath(new URL('..', import.meta.url))
const outdir = join(webDir, 'build')
const builtins = new Set(builtinModules)

/** A path from the bundle's folder to `file`, as an import specifier. */
const fromBundle = (file) => {
  const path = relative(outdir, file).split(sep).join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/**
 * Registry packages are resolved as Node would from the workspace package importing them (pnpm
 * gives each package only its own dependencies), then imported by their path from the bundle.
 */
const registryPackagesOutside = {
  name: 'registry-packages-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined
      const name = args.path.replace(/^node:/, '')
      if (args.path.startsWith('node:') || builtins.has(name) || builtins.has(name.split('/')[0])) {
        return { path: args.path, external: true }
      }
      if (args.path.startsWith('@cerdas/')) return undefined
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { path: fromBundle(resolved.path), external: true }
    })
  },
}

/**
 * `import.meta.url` in a bundled file would name the bundle; each source file's own URL is
 * rebuilt from the bundle's, so paths found relative to it (the templates folder, the web build,
 * a module's root) still point where they did.
 */
const sourceFileUrls = {
  name: 'source-file-urls',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      const own = `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`
      const loader = args.path.endsWith('.tsx') ? 'tsx' : args.path.endsWith('ts') ? 'ts' : 'js'
      return { contents: source.replaceAll('import.meta.url', own), loader, resolveDir: dirname(args.path) }
    })
  },
}

/** Writes build/server.mjs and build/prepare.mjs (and the chunks they share). */
export async function buildServer() {
  // Chunk names carry a hash: clear the previous build's so they do not pile up.
  for (const name of readdirSync(outdir, { withFileTypes: true })) {
    if (name.isFile() && name.name.endsWith('.mjs')) rmSync(join(outdir, name.name))
  }
  await build({
    absWorkingDir: webDir,
    entryPoints: { server: 'server/index.ts', prepare: 'server/prepare.ts' },
    outdir,
    // Chunks sit next to the entries, so every bundled file is at the same depth below the repository.
    chunkNames: 'shared-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node's own resolution: no `module` condition or field, which would pick other files than Node does.
    conditions: [],
    mainFields: ['main'],
    plugins: [registryPackagesOutside, sourceFileUrls],
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer()
