import { moduleStyles } from 'virtual:cerdas/module-styles'
import { useMatches } from '@remix-run/react'

/**
 * The stylesheets of the enabled modules whose pages or console screens are on this page (their
 * route ids start with the module id): other pages stay as light as the core stylesheet.
 */
export function ModuleStyles({ enabled }: { enabled: readonly string[] }) {
  const routeIds = useMatches().map((match) => match.id)
  const shown = Object.entries(moduleStyles).filter(
    ([id]) => enabled.includes(id) && routeIds.some((routeId) => routeId.startsWith(`${id}/`)),
  )
  return (
    <>
      {shown.map(([id, href]) => (
        <link key={id} rel="stylesheet" href={href} />
      ))}
    </>
  )
}
