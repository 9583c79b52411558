import { translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import { messages } from './messages'

/** The app's translator for the current locale. */
export function useT() {
  return translator(messages, useLocale())
}
