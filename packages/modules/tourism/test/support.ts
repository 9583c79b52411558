import type { AnyModule } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { modules as registeredModules } from '@cerdas/registry'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import tourism from '../src/index'

/** The registered modules with tourism, whether or not the registry lists it yet. */
export const withTourism: AnyModule[] = registeredModules.some((m) => m.id === 'tourism')
  ? registeredModules
  : [...registeredModules, tourism]

/** A test platform with tenants (kabupaten template) that have tourism on. */
export async function tourismPlatform(slugs: string[]): Promise<TestPlatform> {
  const t = await createTestPlatform({ modules: withTourism })
  for (const slug of slugs) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'tourism', true, { kind: 'system', id: 'test' })
  }
  return t
}

/** The content lines of an iCalendar text, unfolded (RFC 5545 3.1). */
export function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
}
