import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runInProcess, tempDataDir } from './support/run-cli'

const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir, PORT: '3000' }

beforeAll(async () => {
  expect(await runInProcess(['tenant', 'create', 'toba', '--template', 'toba'], env)).toMatchObject({ code: 0 })
}, 60_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('cerdas user, token, operator and audit', () => {
  it('invites a dimension-team editor and prints a one-time link on the tenant host', async () => {
    const res = await runInProcess(
      [
        'user',
        'invite',
        'toba',
        '--email',
        'Tim@Toba.go.id',
        '--name',
        'Tim Governance',
        '--role',
        'editor:governance',
      ],
      env,
    )
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/invited tim@toba\.go\.id \(editor:governance\)/)
    expect(res.stdout).toMatch(/http:\/\/toba\.localhost:3000\/admin\/tautan\/[A-Za-z0-9_-]{43}\n/)
    const list = await runInProcess(['user', 'list', 'toba'], env)
    expect(list.stdout).toMatch(/tim@toba\.go\.id\s+Tim Governance\s+editor:governance\s+active \(invited\)/)
  })

  it('refuses an unknown role and a duplicate account', async () => {
    const bad = await runInProcess(
      ['user', 'invite', 'toba', '--email', 'a@b.id', '--name', 'Ab', '--role', 'editor:tourism'],
      env,
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/"editor:tourism" is not a role/)
    const dup = await runInProcess(
      ['user', 'invite', 'toba', '--email', 'tim@toba.go.id', '--name', 'Tim', '--role', 'viewer'],
      env,
    )
    expect(dup.code).toBe(1)
    expect(dup.stderr).toMatch(/already exists/)
  })

  it('creates tenant and operator tokens whose secrets are printed once', async () => {
    const token = await runInProcess(['token', 'create', 'toba', '--name', 'integrasi', '--role', 'viewer'], env)
    expect(token.stdout).toMatch(/\ncerdas_[A-Za-z0-9_-]{43}\n$/)
    const operator = await runInProcess(['operator', 'token', '--name', 'ops'], env)
    expect(operator.stdout).toMatch(/\ncerdas_op_[A-Za-z0-9_-]{43}\n$/)
  })

  it('audits module enable and disable; audit verify first moves in an entry left pending', async () => {
    const tenantDb = () => createClient({ url: pathToFileURL(join(dataDir, 'tenants', 'toba.db')).href })
    const controlDb = createClient({ url: pathToFileURL(join(dataDir, 'control.db')).href })
    try {
      expect(await runInProcess(['tenant', 'disable', 'toba', 'announcements'], env)).toMatchObject({ code: 0 })
      expect(await runInProcess(['tenant', 'enable', 'toba', 'announcements'], env)).toMatchObject({ code: 0 })
      const db = tenantDb()
      const entries = await db.execute(
        "SELECT action, entity_id, actor_kind FROM cerdas_audit_log WHERE entity = 'cerdas.module_settings' ORDER BY seq",
      )
      db.close()
      expect(entries.rows.map((r) => [r.action, r.entity_id, r.actor_kind])).toEqual([
        ['disable', 'announcements', 'cli'],
        ['enable', 'announcements', 'cli'],
      ])
      const before = await runInProcess(['audit', 'verify', 'toba'], env)
      const count = Number(/ok, (\d+) entries/.exec(before.stdout)?.[1])
      // A settings change committed in the control plane whose entry was not moved yet (a crash in between).
      await controlDb.execute(`INSERT INTO pending_audit (id, tenant_id, at, actor, action, entity, entity_id, before, after)
        SELECT 'aud_pending_cli', id, '2026-12-01T00:00:00.000Z', '{"kind":"cli","id":"cli"}', 'update',
          'cerdas.mail_settings', id, NULL, '{"enabled":false}' FROM tenants WHERE slug = 'toba'`)
      const after = await runInProcess(['audit', 'verify', 'toba'], env)
      expect(after.stdout).toBe(`toba: ok, ${count + 1} entries chained, signed and anchored\n`)
      expect((await controlDb.execute('SELECT COUNT(*) AS n FROM pending_audit')).rows[0]?.n).toBe(0)
    } finally {
      controlDb.close()
    }
  })

  it('verifies the audit chain, and fails with the entry when a stored entry is edited', async () => {
    const ok = await runInProcess(['audit', 'verify', 'toba'], env)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^toba: ok, \d+ entries chained, signed and anchored\n$/)
    // Someone with access to the file edits an entry behind the application's back.
    const db = createClient({ url: pathToFileURL(join(dataDir, 'tenants', 'toba.db')).href })
    await db.execute('DROP TRIGGER cerdas_audit_log_no_update')
    await db.execute("UPDATE cerdas_audit_log SET actor_id = 'someone-else' WHERE seq = 2")
    db.close()
    const tampered = await runInProcess(['audit', 'verify', '--all'], env)
    expect(tampered.code).toBe(1)
    expect(tampered.stdout).toMatch(/toba: TAMPERED at entry #2 \(aud_\w+\): content does not match its hash/)
  })
})
