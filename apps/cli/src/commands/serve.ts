import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { join } from 'node:path'
import { migrateAllTenants } from '@cerdas/platform'
import { z } from 'zod'
import { buildIsCurrent } from '../../../../scripts/source-stamp.mjs'
import { defineCommand, positionals } from '../command'
import { CliError, EXIT_FAILURE } from '../errors'
import type { CliIo } from '../io'
import { cliConfig, withPlatform } from '../platform-session'
import { REPO_ROOT } from '../repo-root'

/** The command that makes the server bundle, named in every message about a missing or stale one. */
export const BUILD_COMMAND = 'pnpm --filter @cerdas/web run build'

/** The built server: plain JavaScript that `node` runs as it is. */
export const SERVER_BUNDLE = join(REPO_ROOT, 'apps/web/build/server.mjs')

const schema = z.strictObject({ migrate: z.boolean() })

export type ServeInput = z.infer<typeof schema>

export interface ServeOptions {
  /** The bundle to run (default apps/web/build/server.mjs). */
  bundle?: string
}

/**
 * Runs the built server in a child `node` process (no TypeScript is compiled at run time) and
 * answers its exit code once it stops. SIGINT and SIGTERM are passed on to it, so it drains the
 * requests in flight and closes its databases before exiting.
 * @example await serve({ migrate: true }, processIo())
 */
export async function serve(input: ServeInput, io: CliIo, options: ServeOptions = {}): Promise<number> {
  const bundle = options.bundle ?? SERVER_BUNDLE
  if (!existsSync(bundle)) throw new CliError(`no server build at ${bundle}; build it first: ${BUILD_COMMAND}`)
  // A bad setting is reported here, before anything starts, as the server itself would.
  cliConfig(io)
  if (options.bundle === undefined && !buildIsCurrent(REPO_ROOT)) {
    io.stderr.write(`warning: the sources changed since the server was built; to serve them, run: ${BUILD_COMMAND}\n`)
  }
  if (input.migrate) {
    const results = await withPlatform(io, (platform) => migrateAllTenants(platform))
    const failed = results.filter((r) => r.status === 'failed')
    for (const r of failed) io.stderr.write(`! ${r.slug}: ${r.error}\n`)
    const applied = results.reduce((n, r) => n + r.applied.length, 0)
    io.stderr.write(
      `${results.length - failed.length} of ${results.length} tenant(s) up to date, ${applied} migration(s) applied\n`,
    )
  }
  return runServer(bundle, io)
}

/** Runs `node <bundle>` with this process's output, passing SIGINT and SIGTERM on. */
function runServer(bundle: string, io: CliIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { cwd: io.cwd, env: io.env, stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
    for (const signal of signals) process.on(signal, forward)
    const done = () => {
      for (const signal of signals) process.off(signal, forward)
    }
    child.once('error', (error) => {
      done()
      reject(error)
    })
    child.once('exit', (code, signal) => {
      done()
      resolve(code ?? (signal ? 128 + constants.signals[signal] : EXIT_FAILURE))
    })
  })
}

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'run the built server (pages and API on one port) until SIGTERM',
  help: `
Usage: cerdas serve [--migrate]

Runs apps/web/build/server.mjs with node, as \`node apps/web/build/server.mjs\`
would: pages and API on PORT, settings from the environment (CERDAS_DATA_DIR,
CERDAS_PLATFORM_HOST...). Build it first with: ${BUILD_COMMAND}

The server does not migrate tenant databases when it starts; --migrate
applies pending migrations to every tenant first (as \`cerdas tenant migrate
--all\`; a failing tenant is reported and the others are still served).

On SIGTERM or SIGINT the server stops accepting connections, lets the
requests in flight finish (up to CERDAS_SHUTDOWN_TIMEOUT_MS, 10 s by
default), closes its databases and exits 0.

Options:
  --migrate   migrate every tenant before serving
  -h, --help  show this help
`,
  options: { migrate: { type: 'boolean' } },
  input: (args) => ({ ...positionals(args, [], 'serve'), migrate: args.values.migrate === true }),
  schema,
  action: (input, io) => serve(input, io),
})
