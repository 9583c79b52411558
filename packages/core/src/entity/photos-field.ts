import { z } from '@hono/zod-openapi'
import type { AdminValue } from '../admin-entity'
import { localizedText } from '../api-kit'
import type { PhotoRef } from '../photo-ref'
import type { FieldError } from '../problem'
import type { TenantContext } from '../tenant'

/** The per-tenant table of uploaded photos (framework migration `0007_photos`). */
export const PHOTOS_TABLE = 'cerdas_photos'

/** Most photos a field holds unless its declaration says otherwise. */
export const DEFAULT_MAX_PHOTOS = 12

/** One photo as a client names it: the uploaded photo's id and the words that go with it here. */
export const photoRefInput = z
  .strictObject({
    id: z.string().trim().min(1).max(64).openapi({ description: 'Id of a photo uploaded with POST /photos' }),
    alt: localizedText(300).openapi({ description: 'What the photo shows (alt text); Indonesian required' }),
    credit: z.string().trim().min(1).max(200).nullable().optional(),
    licence: z.string().trim().min(1).max(200).nullable().optional(),
    // Taken so a record read from the API can be sent back as it is; the stored size wins.
    width: z.number().int().optional().openapi({ description: 'Ignored: the size of the uploaded photo is stored' }),
    height: z.number().int().optional().openapi({ description: 'Ignored' }),
  })
  .openapi('PhotoRefInput')

/** One photo as the API answers it. */
export const photoRefOutput = z
  .object({
    id: z.string(),
    alt: z.object({ id: z.string(), en: z.string().optional() }),
    credit: z.string().nullable(),
    licence: z.string().nullable(),
    width: z.number().int().openapi({ description: 'Pixels of the largest rendition' }),
    height: z.number().int(),
  })
  .openapi('PhotoRef')

/** The stored list, read defensively: anything but a JSON array reads as none. */
export function parsePhotos(value: unknown): PhotoRef[] {
  if (Array.isArray(value)) return value as PhotoRef[]
  if (typeof value !== 'string' || value === '') return []
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? (parsed as PhotoRef[]) : []
  } catch {
    return []
  }
}

/** The console cell of a photos field: its list as JSON text (the console's photo editor reads it). */
export function photosValue(photos: readonly PhotoRef[] | null): AdminValue {
  return JSON.stringify(photos ?? [])
}

/**
 * The photos as stored: each id checked against the tenant's photo table and given the size of its
 * largest rendition; an id this tenant does not have is an error at `/<field>/<index>/id`.
 */
export async function resolvePhotoRefs(
  ctx: TenantContext,
  field: string,
  input: readonly {
    id: string
    alt: { id: string; en?: string | undefined }
    credit?: string | null
    licence?: string | null
  }[],
): Promise<{ value: PhotoRef[]; errors: FieldError[] }> {
  if (input.length === 0) return { value: [], errors: [] }
  const ids = [...new Set(input.map((p) => p.id))]
  const found = await ctx.db.$client.execute({
    sql: `SELECT id, width, height FROM ${PHOTOS_TABLE} WHERE id IN (${ids.map(() => '?').join(', ')})`,
    args: ids,
  })
  const sizes = new Map(found.rows.map((r) => [String(r.id), { width: Number(r.width), height: Number(r.height) }]))
  const errors: FieldError[] = []
  const value: PhotoRef[] = []
  input.forEach((p, index) => {
    const size = sizes.get(p.id)
    if (!size) {
      errors.push({ pointer: `/${field}/${index}/id`, message: `no photo "${p.id}"` })
      return
    }
    value.push({
      id: p.id,
      alt: { id: p.alt.id, ...(p.alt.en ? { en: p.alt.en } : {}) },
      credit: p.credit ?? null,
      licence: p.licence ?? null,
      ...size,
    })
  })
  return { value, errors }
}
