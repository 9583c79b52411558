import { type AdminDashboardSection, pickText, type TenantContext } from '@cerdas/core'
import { regulationsOf } from './bodies'
import { BODY_LABELS, type Body } from './member'
import { todayOf } from './today'

/** How long before a regulation ends the dashboard asks for its renewal. */
export const RENEWAL_NOTICE_MONTHS = 6

/** The date `months` calendar months after a `YYYY-MM-DD` date (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}

/** A date as the console's language writes it: `1 Juni 2026`, `1 June 2026`. */
const dateText = (date: string, locale: 'id' | 'en') =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  )

/**
 * What must be renewed: for the council and the implementation team, a warning when the
 * regulation establishing it ends within six months, has ended, or none is recorded. The newest
 * regulation of each body counts (a successor already recorded silences the warning).
 */
export async function governanceDashboard(ctx: TenantContext): Promise<AdminDashboardSection> {
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  const today = todayOf(ctx)
  const horizon = addMonths(today, RENEWAL_NOTICE_MONTHS)
  const items: AdminDashboardSection['items'] = []
  for (const body of ['council', 'team'] as Body[]) {
    const name = pickText(BODY_LABELS[body], locale)
    const regulations = await regulationsOf(ctx, body)
    // The regulation that lasts longest decides: one without an end, else the latest end.
    const latest =
      regulations.find((r) => r.validUntil === null) ??
      [...regulations].sort((a, b) => (b.validUntil ?? '').localeCompare(a.validUntil ?? ''))[0]
    const url = '/admin/data/governance/regulation'
    if (!latest) {
      items.push({
        label: name,
        detail:
          locale === 'en'
            ? 'No regulation establishing it is recorded: record the regent regulation.'
            : 'Belum ada peraturan yang menetapkannya: catat Peraturan Bupati-nya.',
        url,
      })
    } else if (latest.validUntil !== null && latest.validUntil < today) {
      items.push({
        label: name,
        detail:
          locale === 'en'
            ? `Its regulation expired on ${dateText(latest.validUntil, locale)}: renew the ${name.toLowerCase()}.`
            : `Peraturannya berakhir ${dateText(latest.validUntil, locale)}: perbarui ${name.toLowerCase()}.`,
        url,
      })
    } else if (latest.validUntil !== null && latest.validUntil <= horizon) {
      items.push({
        label: name,
        detail:
          locale === 'en'
            ? `Its regulation expires on ${dateText(latest.validUntil, locale)}: renew the ${name.toLowerCase()} before then.`
            : `Peraturannya berakhir ${dateText(latest.validUntil, locale)}: perbarui ${name.toLowerCase()} sebelum tanggal itu.`,
        url,
      })
    }
  }
  return {
    title: { id: 'Peraturan dewan dan tim pelaksana smart city', en: 'Smart-city council and team regulations' },
    empty: {
      id: 'Peraturan dewan dan tim pelaksana masih berlaku lebih dari 6 bulan.',
      en: 'The council and team regulations remain valid for more than 6 months.',
    },
    items,
  }
}
