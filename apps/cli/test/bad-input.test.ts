import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/commands/index'
import { runInProcess, STACK_TRACE, spawnCli, tempDataDir } from './support/run-cli'

const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir }

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('bad input, as a real process', () => {
  const cases: { args: string[]; code: number; message: RegExp }[] = [
    {
      args: ['tenant', 'create', 'Toba!', '--template', 'toba'],
      code: 2,
      message: /<slug>: must be 3-42 characters/,
    },
    {
      args: ['tenant', 'create', 'samosir', '--template', 'atlantis'],
      code: 2,
      message: /unknown template "atlantis"; available: .*kabupaten.*toba/,
    },
    { args: ['tenant', 'create'], code: 2, message: /missing <slug>\nmissing --template/ },
    { args: ['tenant', 'seed', 'nowhere'], code: 1, message: /^error: no tenant "nowhere"\n$/ },
  ]
  for (const { args, code, message } of cases) {
    it(`cerdas ${args.join(' ')} → exit ${code}`, async () => {
      const res = await spawnCli(args, env)
      expect(res.code, res.stderr).toBe(code)
      expect(res.stderr).toMatch(message)
      expect(res.stderr).not.toMatch(STACK_TRACE)
      expect(res.stdout).toBe('')
    }, 30_000)
  }
})

describe('bad input, in-process', () => {
  it('rejects unknown options, extra arguments, unknown commands and groups with exit 2', async () => {
    const unknownOption = await runInProcess(['tenant', 'list', '--colour'], env)
    expect(unknownOption).toMatchObject({ code: 2 })
    expect(unknownOption.stderr).toContain("Unknown option '--colour'")
    expect(unknownOption.stderr).toContain('cerdas tenant list --help')

    const extra = await runInProcess(['tenant', 'seed', 'toba', 'samosir'], env)
    expect(extra.code).toBe(2)
    expect(extra.stderr).toContain('unexpected argument(s): samosir')

    const both = await runInProcess(['tenant', 'migrate', 'toba', '--all'], env)
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--all: give either <slug> or --all, not both')

    const command = await runInProcess(['tenant', 'frobnicate'], env)
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('unknown command "tenant frobnicate"')

    const group = await runInProcess(['tenants'], env)
    expect(group.code).toBe(2)
    expect(group.stderr).toContain(
      'unknown command group "tenants"; expected one of: tenant, user, token, operator, audit, jobs, template, module, serve',
    )

    const nothing = await runInProcess([], env)
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('Usage: cerdas')
  })

  it('names the failing field of a bad value and the problem detail of a refused operation', async () => {
    const host = await runInProcess(
      ['tenant', 'create', 'samosir', '--template', 'kabupaten', '--host', 'not a host'],
      env,
    )
    expect(host.code).toBe(2)
    expect(host.stderr).toContain('--host.0: is not a host name')

    const module = await runInProcess(['tenant', 'enable', 'samosir', 'nothing'], env)
    expect(module.code).toBe(1)
    expect(module.stderr).toBe('error: no tenant "samosir"\n')

    const template = await runInProcess(['template', 'check', 'atlantis'], env)
    expect(template.code).toBe(2)
    expect(template.stderr).toContain('unknown template "atlantis"')
  })

  it('refuses emails over 254 characters before looking anything up', async () => {
    const email = `${'a'.repeat(250)}@toba.example`
    const invite = await runInProcess(
      ['user', 'invite', 'samosir', '--email', email, '--name', 'Orang', '--role', 'admin'],
      env,
    )
    expect(invite.code).toBe(2)
    expect(invite.stderr).toContain('--email')
    const reset = await runInProcess(['user', 'reset', 'samosir', '--email', email], env)
    expect(reset.code).toBe(2)
    expect(reset.stderr).toContain('--email')
  })

  it('prints help for every command with exit 0', async () => {
    for (const command of COMMANDS) {
      const res = await runInProcess([...command.name.split(' '), '--help'], env)
      expect(res.code, command.name).toBe(0)
      expect(res.stdout, command.name).toContain(`Usage: cerdas ${command.name}`)
    }
    const overview = await runInProcess(['--help'], env)
    expect(overview.code).toBe(0)
    for (const command of COMMANDS) expect(overview.stdout).toContain(command.name)
  })
})
