import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  type HomeSection,
  moduleSettings,
  newId,
  problem,
  type SearchDocument,
  type TenantContext,
} from '@cerdas/core'
import type { Row } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { announcements } from './schema'
import { settings } from './settings'
import type { Announcement, Category, CreateAnnouncementInput, ListQuery, UpdateAnnouncementInput } from './validation'

type AnnouncementRow = typeof announcements.$inferSelect

const COLUMNS = `id, title_id, title_en, body_id, body_en, category, office_ref, link, publish_at, expires_at,
  verified_at, verified_by, verification_source, created_at, updated_at`

function fromSql(row: Row, now: string): Announcement {
  const expiresAt = (row.expires_at as string | null) ?? null
  return {
    id: row.id as string,
    title: { id: row.title_id as string, ...(row.title_en ? { en: row.title_en as string } : {}) },
    body: { id: row.body_id as string, ...(row.body_en ? { en: row.body_en as string } : {}) },
    category: row.category as Category,
    officeRef: (row.office_ref as string | null) ?? null,
    link: (row.link as string | null) ?? null,
    publishAt: row.publish_at as string,
    expiresAt,
    expired: expiresAt !== null && expiresAt <= now,
    verification: {
      verified: row.verified_at !== null,
      verifiedAt: (row.verified_at as string | null) ?? null,
      verifiedBy: (row.verified_by as string | null) ?? null,
      source: (row.verification_source as string | null) ?? null,
    },
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }
}

function fromRecord(row: AnnouncementRow, now: string): Announcement {
  return fromSql(
    {
      id: row.id,
      title_id: row.titleId,
      title_en: row.titleEn,
      body_id: row.bodyId,
      body_en: row.bodyEn,
      category: row.category,
      office_ref: row.officeRef,
      link: row.link,
      publish_at: row.publishAt,
      expires_at: row.expiresAt,
      verified_at: row.verifiedAt,
      verified_by: row.verifiedBy,
      verification_source: row.verificationSource,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    } as unknown as Row,
    now,
  )
}

const toUtc = (instant: string) => new Date(instant).toISOString()

/**
 * Published, unexpired announcements, newest first, one cursor page at a time.
 * Reads with plain SQL: this is the hottest public path of the module.
 */
export async function listAnnouncements(
  ctx: TenantContext,
  query: ListQuery,
): Promise<{ items: Announcement[]; nextCursor: string | null }> {
  const now = ctx.now().toISOString()
  const where = ['publish_at <= ?', '(expires_at IS NULL OR expires_at > ?)']
  const args: (string | number)[] = [now, now]
  if (query.category) {
    where.push('category = ?')
    args.push(query.category)
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    if (cursor?.length !== 2) throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where.push('(publish_at < ? OR (publish_at = ? AND id < ?))')
    args.push(cursor[0] as string, cursor[0] as string, cursor[1] as string)
  }
  args.push(query.limit + 1)
  const result = await ctx.db.$client.execute({
    sql: `SELECT ${COLUMNS} FROM announcements_items WHERE ${where.join(' AND ')}
      ORDER BY publish_at DESC, id DESC LIMIT ?`,
    args,
  })
  const items = result.rows.slice(0, query.limit).map((row) => fromSql(row, now))
  const last = items.at(-1)
  const nextCursor = result.rows.length > query.limit && last ? encodeCursor([last.publishAt, last.id]) : null
  return { items, nextCursor }
}

async function findRow(ctx: TenantContext, id: string): Promise<AnnouncementRow | undefined> {
  const [row] = await ctx.db.select().from(announcements).where(eq(announcements.id, id))
  return row
}

/** One announcement as the public sees it: not before it is published. */
export async function getAnnouncement(ctx: TenantContext, id: string): Promise<Announcement> {
  const row = await findRow(ctx, id)
  const now = ctx.now().toISOString()
  if (!row || row.publishAt > now) throw problem('notFound', `No announcement with id ${id}`)
  return fromRecord(row, now)
}

/** Any announcement, scheduled ones included, for editors. */
export async function getAnnouncementForEditing(ctx: TenantContext, id: string): Promise<Announcement> {
  const row = await findRow(ctx, id)
  if (!row) throw problem('notFound', `No announcement with id ${id}`)
  return fromRecord(row, ctx.now().toISOString())
}

export function announcementSearchDocument(a: Announcement): SearchDocument {
  return {
    id: a.id,
    module: 'announcements',
    kind: 'announcement',
    title: a.title,
    body: a.body,
    keywords: [a.category],
    url: `/pengumuman/${a.id}`,
  }
}

export async function createAnnouncement(
  ctx: TenantContext,
  input: CreateAnnouncementInput,
  options: { seedKey?: string; verification?: { at: string; by: string; source: string | null } } = {},
): Promise<Announcement> {
  return ctx.transaction(async (ctx) => {
    const now = ctx.now().toISOString()
    const row: AnnouncementRow = {
      id: newId('ann'),
      seedKey: options.seedKey ?? null,
      titleId: input.title.id,
      titleEn: input.title.en ?? null,
      bodyId: input.body.id,
      bodyEn: input.body.en ?? null,
      category: input.category,
      officeRef: input.officeRef ?? null,
      link: input.link ?? null,
      publishAt: input.publishAt ? toUtc(input.publishAt) : now,
      expiresAt: input.expiresAt ? toUtc(input.expiresAt) : null,
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(announcements).values(row)
    const created = fromRecord(row, now)
    await ctx.audit({ action: 'create', entity: 'announcements.announcement', entityId: row.id, after: created })
    // Scheduled announcements stay out of search until the next reindex after they publish.
    if (created.publishAt <= now) await ctx.search.upsert([announcementSearchDocument(created)])
    return created
  })
}

export async function updateAnnouncement(
  ctx: TenantContext,
  id: string,
  input: UpdateAnnouncementInput,
): Promise<Announcement> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No announcement with id ${id}`)
    const now = ctx.now().toISOString()
    let next: AnnouncementRow = {
      ...before,
      ...(input.title ? { titleId: input.title.id, titleEn: input.title.en ?? null } : {}),
      ...(input.body ? { bodyId: input.body.id, bodyEn: input.body.en ?? null } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.officeRef !== undefined ? { officeRef: input.officeRef } : {}),
      ...(input.link !== undefined ? { link: input.link } : {}),
      ...(input.publishAt ? { publishAt: toUtc(input.publishAt) } : {}),
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt ? toUtc(input.expiresAt) : null } : {}),
      updatedAt: now,
    }
    if (next.expiresAt && next.expiresAt <= next.publishAt) {
      throw problem('validation', 'expiresAt must be after publishAt', {
        errors: [{ pointer: '/expiresAt', message: 'must be after publishAt' }],
      })
    }
    next = clearStaleVerification(before, next)
    await ctx.db.update(announcements).set(next).where(eq(announcements.id, id))
    const updated = fromRecord(next, now)
    await ctx.audit({
      action: 'update',
      entity: 'announcements.announcement',
      entityId: id,
      before: fromRecord(before, now),
      after: updated,
    })
    if (updated.publishAt <= now) await ctx.search.upsert([announcementSearchDocument(updated)])
    else await ctx.search.remove([id])
    return updated
  })
}

export async function deleteAnnouncement(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No announcement with id ${id}`)
    await ctx.db.delete(announcements).where(eq(announcements.id, id))
    await ctx.audit({
      action: 'delete',
      entity: 'announcements.announcement',
      entityId: id,
      before: fromRecord(before, ctx.now().toISOString()),
    })
    await ctx.search.remove([id])
  })
}

/** Stamps the record as checked now by the acting person. */
export async function verifyAnnouncement(
  ctx: TenantContext,
  id: string,
  input: { source?: string | undefined },
): Promise<Announcement> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No announcement with id ${id}`)
    const now = ctx.now().toISOString()
    const next: AnnouncementRow = {
      ...before,
      verifiedAt: now,
      verifiedBy: ctx.actor?.name ?? ctx.actor?.id ?? 'unknown',
      verificationSource: input.source ?? before.verificationSource,
      updatedAt: now,
    }
    await ctx.db.update(announcements).set(next).where(eq(announcements.id, id))
    const updated = fromRecord(next, now)
    await ctx.audit({
      action: 'verify',
      entity: 'announcements.announcement',
      entityId: id,
      before: fromRecord(before, now),
      after: updated,
    })
    return updated
  })
}

/** Every announcement as search documents, for rebuilding the tenant index. */
export async function announcementSearchDocuments(ctx: TenantContext): Promise<SearchDocument[]> {
  const rows = await ctx.db.select().from(announcements)
  const now = ctx.now().toISOString()
  return rows.filter((row) => row.publishAt <= now).map((row) => announcementSearchDocument(fromRecord(row, now)))
}

/** The newest announcements for the home page, as many as the tenant's settings say. */
export async function announcementsHomeSection(ctx: TenantContext): Promise<HomeSection | null> {
  const count = moduleSettings(ctx, 'announcements', settings).homeCount
  if (count === 0) return null
  const { items } = await listAnnouncements(ctx, { limit: count })
  return {
    title: { id: 'Pengumuman terbaru', en: 'Latest announcements' },
    moreUrl: '/pengumuman',
    items: items.map((a) => ({
      title: a.title,
      url: `/pengumuman/${a.id}`,
      date: a.publishAt,
      verified: a.verification.verified,
    })),
  }
}

/** Every announcement, scheduled and expired ones included, newest first: the editors' list. */
export async function listAnnouncementsForEditing(
  ctx: TenantContext,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: Announcement[]; nextCursor: string | null }> {
  const now = ctx.now().toISOString()
  const args: (string | number)[] = []
  let where = ''
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor)
    if (cursor?.length !== 2) throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where = 'WHERE (publish_at < ? OR (publish_at = ? AND id < ?))'
    args.push(cursor[0] as string, cursor[0] as string, cursor[1] as string)
  }
  args.push(page.limit + 1)
  const result = await ctx.db.$client.execute({
    sql: `SELECT ${COLUMNS} FROM announcements_items ${where} ORDER BY publish_at DESC, id DESC LIMIT ?`,
    args,
  })
  const items = result.rows.slice(0, page.limit).map((row) => fromSql(row, now))
  const last = items.at(-1)
  return { items, nextCursor: result.rows.length > page.limit && last ? encodeCursor([last.publishAt, last.id]) : null }
}
