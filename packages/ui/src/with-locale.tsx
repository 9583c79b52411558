import type { Locale } from '@cerdas/core/web'
import type { ReactNode } from 'react'
import { useLocale } from './use-locale'

/** Renders with the page's locale (from the root loader); components take an explicit `locale` instead when given. */
export function WithPageLocale({ render }: { render: (locale: Locale) => ReactNode }) {
  return <>{render(useLocale())}</>
}
