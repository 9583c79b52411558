// Baseline: a bare Hono handler running the announcements list SQL on raw @libsql/client.

import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { Hono } from 'hono'

const client = createClient({ url: process.env.BENCH_DB_URL as string })
const app = new Hono()
app.get('/api/health', (c) => c.text('ok'))
app.get('/api/v1/announcements', async (c) => {
  const now = new Date().toISOString()
  const result = await client.execute({
    sql: `SELECT id, title_id, title_en, body_id, body_en, category, office_ref, link, publish_at, expires_at,
      verified_at, verified_by, verification_source, created_at, updated_at FROM announcements_items
      WHERE publish_at <= ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY publish_at DESC, id DESC LIMIT ?`,
    args: [now, now, 21],
  })
  return c.json(result.rows.slice(0, 20))
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
