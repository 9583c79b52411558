import { rmSync } from 'node:fs'
import { type Actor, problem } from '@cerdas/core'
import { deleteTenant, filePath, findTenantBySlug, isFileUrl, recordLifecycleEvent } from '@cerdas/db'
import type { Platform } from './platform'

/**
 * Removes a tenant from the control plane and deletes its embedded database
 * files. A tenant on a libSQL server keeps its namespace: dropping it is the
 * server operator's decision.
 */
export async function removeTenant(
  platform: Platform,
  slug: string,
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<void> {
  const record = await findTenantBySlug(platform.controlPlane, slug)
  if (!record) throw problem('notFound', `no tenant "${slug}"`)
  platform.forget(record)
  await deleteTenant(platform.controlPlane, record.id)
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'removed',
    detail: { dbUrl: record.dbUrl },
    actor: `${actor.kind}:${actor.id}`,
  })
  const url = platform.tenantDbUrl(record)
  if (isFileUrl(url)) {
    const path = filePath(url)
    // The connection closes after a grace period; unlinking open files is safe on POSIX.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  }
}
