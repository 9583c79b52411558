import { type AdminDashboardSection, pickText, type TenantContext } from '@cerdas/core'
import { localDateOf } from '@cerdas/schedules'
import { listHolidays } from './holidays'
import { listSchedules } from './schedules'

const DAYS_AHEAD = 30

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * Holidays and special hours (overrides such as Ramadan hours, closures) in
 * the next 30 days, so the team can check them before residents rely on them.
 */
export async function upcomingScheduleChanges(ctx: TenantContext): Promise<AdminDashboardSection> {
  const today = localDateOf(ctx.now(), ctx.tenant.timezone)
  const end = addDays(today, DAYS_AHEAD)
  const years = [...new Set([Number(today.slice(0, 4)), Number(end.slice(0, 4))])]
  const items: (AdminDashboardSection['items'][number] & { sort: string })[] = []
  for (const year of years) {
    for (const holiday of await listHolidays(ctx, year)) {
      if (holiday.date < today || holiday.date > end) continue
      items.push({
        sort: holiday.date,
        label: pickText(holiday.name, ctx.locale),
        detail: `${holiday.date}${holiday.verification.verified ? '' : ' · belum diverifikasi / not verified'}`,
        url: `/admin/data/schedules/holiday/${holiday.id}`,
      })
    }
  }
  let cursor: string | undefined
  do {
    const page = await listSchedules(ctx, { limit: 100, cursor })
    for (const schedule of page.items) {
      const label = pickText(schedule.label, ctx.locale)
      const ranges = [
        ...(schedule.definition.overrides ?? []).map((o) => ({ from: o.from, to: o.to, reason: o.reason })),
        ...(schedule.definition.closures ?? []).map((c) => ({ from: c.from, to: c.to ?? c.from, reason: c.reason })),
      ]
      for (const range of ranges) {
        if (range.to < today || range.from > end) continue
        items.push({
          sort: range.from,
          label: `${label}: ${pickText(range.reason, ctx.locale)}`,
          detail: range.from === range.to ? range.from : `${range.from} – ${range.to}`,
          url: `/admin/jadwal/${schedule.id}`,
        })
      }
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  items.sort((a, b) => a.sort.localeCompare(b.sort))
  return {
    title: {
      id: `Libur dan jam khusus ${DAYS_AHEAD} hari ke depan`,
      en: `Holidays and special hours in the next ${DAYS_AHEAD} days`,
    },
    empty: { id: 'Tidak ada libur atau jam khusus.', en: 'No holidays or special hours.' },
    items: items.map(({ sort: _sort, ...item }) => item),
  }
}
