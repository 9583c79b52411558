import { translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import { adminMessages } from './messages'

/** The console's translator for the current locale. */
export function useAdminT() {
  return translator(adminMessages, useLocale())
}
