import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Actor, problem, type TenantDb } from '@cerdas/core'
import { filePath, fileUrl, findTenantBySlug, isFileUrl, recordLifecycleEvent } from '@cerdas/db'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { readAuditAnchor, resetAuditAnchor } from './audit-anchor'
import { type AuditVerification, verifyAuditChain } from './audit-log'
import type { Platform } from './platform'

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/**
 * A consistent online snapshot of a tenant database with `VACUUM INTO`:
 * readers and writers carry on, and the WAL's committed pages are included
 * (a plain file copy would miss them).
 * @returns the path of the backup file
 */
export async function backupTenant(
  platform: Platform,
  slug: string,
  options: { to?: string | undefined } = {},
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<string> {
  const record = await findTenantBySlug(platform.controlPlane, slug)
  if (!record) throw problem('notFound', `no tenant "${slug}"`)
  const target = resolve(options.to ?? join(platform.options.dataDir, 'backups', `${slug}-${timestamp(new Date())}.db`))
  if (existsSync(target)) throw problem('conflict', `${target} already exists`)
  mkdirSync(resolve(target, '..'), { recursive: true })
  const db = await platform.tenantDb(record)
  await db.$client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: slug,
    kind: 'backed-up',
    detail: { path: target },
    actor: `${actor.kind}:${actor.id}`,
  })
  return target
}

/**
 * Replaces an embedded tenant database with a backup made by
 * {@link backupTenant}. The backup is checked first (it must open and pass
 * `PRAGMA integrity_check`); the current database is kept beside it as
 * `<file>.before-restore-<time>`.
 */
export async function restoreTenant(
  platform: Platform,
  slug: string,
  backupPath: string,
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<void> {
  const record = await findTenantBySlug(platform.controlPlane, slug)
  if (!record) throw problem('notFound', `no tenant "${slug}"`)
  const url = platform.tenantDbUrl(record)
  if (!isFileUrl(url))
    throw problem('badRequest', 'restore works on embedded databases; use your libSQL server tools for remote ones')
  const source = resolve(backupPath)
  if (!existsSync(source)) throw problem('notFound', `no backup at ${source}`)
  // A plain client: @libsql/client rejects `?mode=ro`, and openDatabase's WAL pragma would rewrite the backup.
  const check = createClient({ url: fileUrl(source) })
  let log: AuditVerification | undefined
  try {
    const ok = await check.execute('PRAGMA integrity_check').then(
      (r) => r.rows[0]?.[0] === 'ok',
      () => false,
    )
    if (!ok) throw problem('validation', `${source} is not a sound database`)
    // The backup's log must be what this tenant wrote: its chain intact and every entry
    // since signing began signed with the tenant's key. (It is older than the anchor by design.)
    const anchor = await readAuditAnchor(platform.controlPlane, record.id)
    log = await verifyAuditChain(drizzle(check) as TenantDb, anchor && { ...anchor, seq: 0, hash: '' })
  } finally {
    check.close()
  }
  if (!log.ok)
    throw problem(
      'validation',
      `the audit log in ${source} does not verify (entry #${log.brokenAt?.seq}: ${log.brokenAt?.reason}); nothing was restored`,
    )

  platform.forget(record)
  const path = filePath(url)
  const staging = `${path}.restoring`
  copyFileSync(source, staging)
  if (existsSync(path)) renameSync(path, `${path}.before-restore-${timestamp(new Date())}`)
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  renameSync(staging, path)
  // The restored log is older than the anchor by design: start the anchor
  // again from it, and keep what it replaced in the lifecycle record.
  const db = await platform.tenantDb(record)
  const replacedAnchor = await readAuditAnchor(platform.controlPlane, record.id)
  await resetAuditAnchor(platform.controlPlane, record.id, db)
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: slug,
    kind: 'restored',
    detail: {
      from: source,
      auditAnchorBefore: replacedAnchor ? { seq: replacedAnchor.seq, hash: replacedAnchor.hash } : null,
      restoredAuditLog: log,
    },
    actor: `${actor.kind}:${actor.id}`,
  })
}
