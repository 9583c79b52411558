import type { LocalizedText } from '@cerdas/core'

/** Indonesian first, English second. */
export const label = (id: string, en: string): LocalizedText => ({ id, en })
