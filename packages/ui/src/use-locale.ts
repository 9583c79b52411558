import type { Locale } from '@cerdas/core/web'
import { useRouteLoaderData } from '@remix-run/react'

/** The page's locale, from the root route's loader data. */
export function useLocale(): Locale {
  return (useRouteLoaderData('root') as { locale?: Locale } | undefined)?.locale ?? 'id'
}
