// Baseline of the peer bench: a bare Hono handler on drizzle + libSQL serving the services list
// (20 by name) and one service with its office, from the same generated services.
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { asc, eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { Hono } from 'hono'
import { offices, services } from './services-tables'

const db = drizzle(createClient({ url: process.env.BENCH_DB_URL as string }))

type ServiceRow = typeof services.$inferSelect
const serviceJson = (s: ServiceRow) => ({
  id: s.id,
  slug: s.slug,
  name: { id: s.nameId, en: s.nameEn },
  summary: { id: s.summaryId, en: s.summaryEn },
  category: s.category,
  officeId: s.officeId,
  synonyms: s.synonyms,
  audience: s.audience,
  requirements: s.requirements,
  procedure: s.procedure,
  fee: { free: s.feeFree, amount: s.feeAmount },
  processingTime: s.processingValue ? { value: s.processingValue, unit: s.processingUnit } : null,
  legalBasis: s.legalBasis,
})

const app = new Hono()
app.get('/health', (c) => c.text('ok'))
app.get('/services', async (c) => {
  const limit = Math.min(100, Math.max(1, Number(c.req.query('limit') ?? 20) || 20))
  const rows = await db
    .select()
    .from(services)
    .orderBy(asc(services.nameId), asc(services.id))
    .limit(limit + 1)
  const items = rows.slice(0, limit)
  return c.json({ items: items.map(serviceJson), nextCursor: rows.length > limit ? String(items.at(-1)?.id) : null })
})
app.get('/services/:id', async (c) => {
  const id = Number(c.req.param('id'))
  if (!Number.isInteger(id)) return c.json({ title: 'Not found' }, 404)
  const [row] = await db
    .select()
    .from(services)
    .leftJoin(offices, eq(services.officeId, offices.id))
    .where(eq(services.id, id))
  if (!row) return c.json({ title: 'Not found' }, 404)
  return c.json({ service: serviceJson(row.services), office: row.offices })
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
