import type { AnyModule } from '@cerdas/core'
import announcements from '@cerdas/module-announcements'
import directory from '@cerdas/module-directory'
import schedules from '@cerdas/module-schedules'
import services from '@cerdas/module-services'

/**
 * Every module this installation ships. `cerdas module new` adds new modules
 * here; a tenant enables a subset through its template or settings.
 */
export const modules: AnyModule[] = [announcements, schedules, directory, services]
