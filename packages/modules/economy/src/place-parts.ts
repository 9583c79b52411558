import { field, type LocalizedText, type TenantContext } from '@cerdas/core'
import { deleteSchedule, listSchedulesForOwner } from '@cerdas/module-schedules'
import { placeOwner } from '@cerdas/places'
import { sql } from 'drizzle-orm'

const label = (id: string, en: string): LocalizedText => ({ id, en })

/** The module's id: owner references of hours are `economy/<entity>/<slug>`. */
export const MODULE_ID = 'economy'

/** The fields every economy place has after the shared place fields: what it is like, its photos and where the data came from. */
export function placeExtras() {
  return {
    description: field.localizedText({
      label: label('Deskripsi', 'Description'),
      max: 5000,
      long: true,
      search: 'body',
      section: label('Keterangan', 'Description'),
    }),
    photos: field.photos({ label: label('Foto', 'Photos'), max: 12, section: label('Foto', 'Photos') }),
    sourceNote: field.longText({
      label: label('Sumber data', 'Data source'),
      max: 2000,
      vouched: false,
      help: label(
        'Dari mana data ini diambil (tautan, dokumen, tanggal). Data yang belum diperiksa tetap "belum diverifikasi".',
        'Where this data comes from (link, document, date). Data nobody has checked stays "not verified".',
      ),
    }),
  }
}

/** A check-in/out time on the 24-hour clock, `14:00`. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * Before a place goes, its hours go too: a schedule whose owner no longer exists would be an
 * orphan the schedules list cannot name. By table name, as the entity is not declared yet here.
 */
export function removeHoursOf(type: string, table: string) {
  return async (ctx: TenantContext, id: string): Promise<void> => {
    const [row] = await ctx.db.all<{ slug: string }>(sql`SELECT slug FROM ${sql.identifier(table)} WHERE id = ${id}`)
    if (!row) return
    for (const schedule of await listSchedulesForOwner(ctx, placeOwner(MODULE_ID, type, { slug: row.slug })))
      await deleteSchedule(ctx, schedule.id)
  }
}
