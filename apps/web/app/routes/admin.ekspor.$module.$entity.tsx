import { pickText } from '@cerdas/core/web'
import { exportEntity, toCsv, toXlsx } from '@cerdas/platform'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { entityFor } from '../admin/entity.server'
import { requireConsole } from '../admin/guard.server'
import { requireSheet } from '../admin/sheets.server'

/**
 * Every record of an entity as a download: CSV (UTF-8 with a byte-order mark,
 * so Excel reads Indonesian text) or XLSX (every cell text).
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  requireSheet(console, ce)
  const format = new URL(request.url).searchParams.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'xlsx') throw new Response('format must be csv or xlsx', { status: 400 })
  const table = await exportEntity(console.ctx, ce.entity)
  const date = new Date().toISOString().slice(0, 10)
  const file = `${ce.module.id}-${ce.entity.id}-${date}.${format}`
  const headers = {
    'Content-Disposition': `attachment; filename="${file}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
  if (format === 'csv') {
    return new Response(`\uFEFF${toCsv(table)}`, {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
    })
  }
  const body = await toXlsx(table, pickText(ce.entity.title, console.locale))
  return new Response(new Uint8Array(body), {
    headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  })
}
