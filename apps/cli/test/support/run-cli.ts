import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../src/cli'
import type { CliIo } from '../../src/io'

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** A fresh data directory for one test file. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cerdas-cli-test-'))
}

/** Runs the real `cerdas` command as `pnpm cerdas` would: tsx on apps/cli/src/main.ts from the repo root. */
export function spawnCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['apps/cli/src/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(input ?? '')
  })
}

/** Runs a command in this process with captured output and a scripted stdin (a terminal when `tty`). */
export async function runInProcess(
  args: string[],
  env: Record<string, string>,
  options: { input?: string; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false })
  stdin.end(options.input ?? '')
  const io: CliIo = {
    env,
    cwd: REPO_ROOT,
    stdout: {
      write: (s: string) => {
        stdout += s
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s
      },
    },
    stdin,
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

/** What a stack trace line looks like; CLI output must never contain one. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/
