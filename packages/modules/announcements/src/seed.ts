import type { TenantContext } from '@cerdas/core'
import { localizedText } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { createAnnouncement } from './announcements'
import { announcements } from './schema'
import { CATEGORIES } from './validation'

/** Announcements as a template lists them. */
export const seedData = z.array(
  z.strictObject({
    /** Stable key: seeding again never duplicates the record. */
    key: z.string().regex(/^[a-z0-9-]+$/),
    title: localizedText(200),
    body: localizedText(10_000),
    category: z.enum(CATEGORIES),
    link: z.url().optional(),
    publishAt: z.iso.datetime({ offset: true }).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    /** Present only when the text was checked against a public source. */
    verification: z.strictObject({ at: z.iso.datetime(), by: z.string().min(1), source: z.string().min(1) }).optional(),
  }),
)

export type AnnouncementSeed = z.infer<typeof seedData>

export async function seedAnnouncements(ctx: TenantContext, { data }: { data: AnnouncementSeed }): Promise<void> {
  for (const item of data) {
    const [existing] = await ctx.db
      .select({ id: announcements.id })
      .from(announcements)
      .where(eq(announcements.seedKey, item.key))
    if (existing) continue
    const { key, verification, ...input } = item
    await createAnnouncement(ctx, input, { seedKey: key, ...(verification ? { verification } : {}) })
  }
}
