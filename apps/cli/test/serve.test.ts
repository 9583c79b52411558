import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BUILD_COMMAND, SERVER_BUNDLE, serve } from '../src/commands/serve'
import type { CliIo } from '../src/io'
import { REPO_ROOT, runInProcess, tempDataDir } from './support/run-cli'

/**
 * `cerdas serve`: the built server run by plain node (no TypeScript compiled at run time), which
 * stops cleanly on SIGTERM. Needs the web build (npm test makes it first).
 */
const dataDir = tempDataDir()
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** Every process below `pid`, with its command line (arguments joined by spaces). */
function descendants(pid: number): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = []
  const visit = (parent: number) => {
    const tasks = `/proc/${parent}/task`
    if (!existsSync(tasks)) return
    for (const task of readdirSync(tasks)) {
      const children = readFileSync(`${tasks}/${task}/children`, 'utf8').trim()
      for (const child of children ? children.split(' ').map(Number) : []) {
        try {
          found.push({
            pid: child,
            command: readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ').trim(),
          })
        } catch {}
        visit(child)
      }
    }
  }
  visit(pid)
  return found
}

describe('cerdas serve', () => {
  it('names the build command when there is no server build', async () => {
    const io: CliIo = {
      env: { CERDAS_DATA_DIR: dataDir },
      cwd: REPO_ROOT,
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: process.stdin,
    }
    await expect(serve({ migrate: false }, io, { bundle: join(dataDir, 'no-build/server.mjs') })).rejects.toThrow(
      `build it first: ${BUILD_COMMAND}`,
    )
  })

  it('explains the deployment entry in its help', async () => {
    const result = await runInProcess(['serve', '--help'], { CERDAS_DATA_DIR: dataDir })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('node apps/web/build/server.mjs')
    expect(result.stdout).toContain('--migrate')
  })

  it('refuses arguments it does not take', async () => {
    const result = await runInProcess(['serve', 'now'], { CERDAS_DATA_DIR: dataDir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unexpected argument')
  })

  it('runs the built server on plain node, and stops it cleanly on SIGTERM', async () => {
    if (!existsSync(SERVER_BUNDLE)) throw new Error(`no server build: run ${BUILD_COMMAND} (npm test does it)`)
    const port = await freePort()
    // As `pnpm cerdas serve` runs it: tsx on the CLI's entry.
    const cli: ChildProcess = spawn(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      ['apps/cli/src/main.ts', 'serve', '--migrate'],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          CERDAS_DATA_DIR: dataDir,
          CERDAS_LOG_LEVEL: 'warn',
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    cli.stdout?.on('data', (d) => (output += d))
    cli.stderr?.on('data', (d) => (output += d))
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)))
    try {
      const deadline = Date.now() + 60_000
      for (;;) {
        if (cli.exitCode !== null) throw new Error(`cerdas serve exited early:\n${output}`)
        if (Date.now() > deadline) throw new Error(`the server did not answer:\n${output}`)
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.status === 200,
          () => false,
        )
        if (ok) break
        await new Promise((r) => setTimeout(r, 200))
      }
      // --migrate ran first (no tenant yet: nothing to apply).
      expect(output).toContain('0 of 0 tenant(s) up to date')
      const server = descendants(cli.pid as number).find((p) => p.command.includes('server.mjs'))
      expect(server?.command).toMatch(/node \S*apps\/web\/build\/server\.mjs$/)
      expect(server?.command).not.toContain('tsx')

      cli.kill('SIGTERM')
      expect(await exited, output).toBe(0)
      expect(existsSync(`/proc/${server?.pid}`)).toBe(false)
    } finally {
      if (cli.exitCode === null) cli.kill('SIGKILL')
    }
  })
})
