import type { CreateTenantInput } from '@cerdas/platform'
import { setModuleEnabled } from '@cerdas/platform'
import type { TestPlatform } from './test-platform'

/** The modules of the test platform the tenant does not enable (its template leaves them out). */
export async function modulesNotEnabled(t: TestPlatform, slug: string): Promise<string[]> {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant "${slug}"`)
  const enabled = new Set(tenant.record.modules.filter((m) => m.enabled).map((m) => m.moduleId))
  return t.platform.modules.filter((m) => !enabled.has(m.id)).map((m) => m.id)
}

/**
 * Enables on the tenant every module of the test platform its template leaves out, each after the
 * modules it requires. Tests generated over every route (permission, isolation, fuzz matrices) use
 * it, so a newly registered module is covered there before any template enables it.
 */
export async function enableEveryModule(t: TestPlatform, slug: string): Promise<void> {
  const pending = new Set(await modulesNotEnabled(t, slug))
  const byId = new Map(t.platform.modules.map((m) => [m.id, m]))
  while (pending.size > 0) {
    const ready = [...pending].find((id) => (byId.get(id)?.requires ?? []).every((required) => !pending.has(required)))
    if (!ready) throw new Error(`modules ${[...pending].join(', ')} require each other; none can be enabled first`)
    await setModuleEnabled(t.platform, slug, ready, true, { kind: 'system', id: 'test' })
    pending.delete(ready)
  }
}

/** A tenant from a template (default `kabupaten`) with every module of the test platform enabled. */
export async function createTenantWithEveryModule(
  t: TestPlatform,
  slug: string,
  input: Partial<CreateTenantInput> = {},
): Promise<void> {
  await t.createTenant(slug, input)
  await enableEveryModule(t, slug)
}
