import { chmodSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnCli, tempDataDir } from './support/run-cli'

// Exports and backups hold argon2 password hashes and token hashes: only the owner may read them.
const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir }
const cli = (...args: string[]) => spawnCli(args, env)
const modeOf = (path: string) => lstatSync(path).mode & 0o777

describe('cerdas tenant export/backup write private files', () => {
  beforeAll(async () => {
    const created = await cli('tenant', 'create', 'toba', '--template', 'toba')
    expect(created.code, created.stderr).toBe(0)
  }, 60_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('export --force over an existing 0644 file leaves a 0600 file', async () => {
    const file = join(dataDir, 'existing.json')
    writeFileSync(file, '{}\n')
    chmodSync(file, 0o644)
    const res = await cli('tenant', 'export', 'toba', '--out', file, '--force')
    expect(res.code, res.stderr).toBe(0)
    expect(lstatSync(file).isFile()).toBe(true)
    expect(modeOf(file).toString(8)).toBe('600')
    expect(JSON.parse(readFileSync(file, 'utf8')).tables).toBeDefined()
  }, 30_000)

  it('export --force over a symlink replaces the link and leaves its destination untouched', async () => {
    const destination = join(dataDir, 'somewhere-else.txt')
    writeFileSync(destination, 'not yours\n')
    chmodSync(destination, 0o644)
    const link = join(dataDir, 'link.json')
    symlinkSync(destination, link)
    const res = await cli('tenant', 'export', 'toba', '--out', link, '--force')
    expect(res.code, res.stderr).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(false)
    expect(modeOf(link).toString(8)).toBe('600')
    expect(readFileSync(destination, 'utf8')).toBe('not yours\n')
    expect(modeOf(destination).toString(8)).toBe('644')
  }, 30_000)

  it('export without --force refuses a dangling symlink', async () => {
    const link = join(dataDir, 'dangling.json')
    symlinkSync(join(dataDir, 'nothing-here.json'), link)
    const res = await cli('tenant', 'export', 'toba', '--out', link)
    expect(res.code).not.toBe(0)
    expect(res.stderr).toContain('already exists')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  }, 30_000)

  // A regression guard: backups are always new files, kept private by the process umask (keepNewFilesPrivate).
  it('backup writes a 0600 file', async () => {
    const file = join(dataDir, 'toba.db')
    const res = await cli('tenant', 'backup', 'toba', '--out', file)
    expect(res.code, res.stderr).toBe(0)
    expect(modeOf(file).toString(8)).toBe('600')
  }, 30_000)
})
