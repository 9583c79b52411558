import type { HomeSection, TenantContext } from '@cerdas/core'
import { translator } from '@cerdas/core/web'
import { localDateOf } from '@cerdas/schedules'
import { formatLocalDate } from '@cerdas/ui/format'
import { messages } from '../web/messages'
import { type Route, route as routeEntity } from './route'
import { type DepartureView, nextOfRoutes } from './route-departures'
import { settings } from './settings'

/** "Berikutnya: 07:00 hari ini" in both languages, relative to the tenant's today. */
function nextNote(next: DepartureView, today: string, tomorrow: string) {
  const say = (locale: 'id' | 'en') => {
    const t = translator(messages, locale)
    if (next.date === today) return t('nextToday', { time: next.time })
    if (next.date === tomorrow) return t('nextTomorrow', { time: next.time })
    const day = formatLocalDate(next.date, locale, { weekday: 'long', day: 'numeric', month: 'short' })
    return t('nextOn', { day, time: next.time })
  }
  return { id: say('id'), en: say('en') }
}

/**
 * The home page's "next departures": the routes whose next departure comes soonest (ferries from
 * Ajibata first when the regency has them), or nothing while no route has times from a source.
 */
export async function nextDeparturesHomeSection(ctx: TenantContext): Promise<HomeSection | null> {
  const count = settings.parse(ctx.tenant.modules.transport?.settings ?? {}).homeCount
  if (count === 0) return null
  const routes = (await routeEntity.list(ctx, { limit: 500 })).items as unknown as Route[]
  const next = await nextOfRoutes(ctx, routes)
  const now = ctx.now()
  const zone = ctx.tenant.timezone
  const today = localDateOf(now, zone)
  const tomorrow = localDateOf(now.getTime() + 86_400_000, zone)
  const timed = routes
    .flatMap((r) => {
      const n = next.get(r.id)?.next
      return n ? [{ route: r, next: n }] : []
    })
    .sort((a, b) => a.next.at.localeCompare(b.next.at))
    .slice(0, count)
  if (timed.length === 0) return null
  return {
    title: { id: 'Keberangkatan berikutnya', en: 'Next departures' },
    moreUrl: routeEntity.urls.list,
    items: timed.map(({ route, next: n }) => ({
      title: route.name,
      url: routeEntity.urls.record(route),
      note: nextNote(n, today, tomorrow),
      verified: route.verification.verified,
    })),
  }
}
