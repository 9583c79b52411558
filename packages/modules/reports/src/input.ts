import { z } from 'zod'
import { REPORT_MESSAGES as M } from './messages'
import { type ReportSource, SOURCES } from './statuses'

/** Indonesia's bounding box, generously: a point outside cannot be a report of a regency. */
export const INDONESIA_BOUNDS = { minLat: -11.5, maxLat: 6.5, minLon: 94.5, maxLon: 141.5 }

export const MAX_PHOTOS = 3
export const MAX_DESCRIPTION = 2000

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .optional()
    .transform((v) => (v ? v : undefined))

const photoSchema = z.union([
  z.string().regex(/^pho_[0-9A-HJKMNP-TV-Z]{26}$/, { message: M.photoInvalid.id }),
  z.object({
    id: z.string().regex(/^pho_[0-9A-HJKMNP-TV-Z]{26}$/, { message: M.photoInvalid.id }),
    width: z.number().int().positive().max(100_000),
    height: z.number().int().positive().max(100_000),
  }),
])

/** What a reporter sends (form, JSON API, Open311), checked at the edge; messages are Indonesian. */
export const reportInputSchema = z
  .object({
    category: z.string().trim().min(1, { message: M.categoryRequired.id }).max(200),
    description: z
      .string({ message: M.descriptionRequired.id })
      .trim()
      .min(10, { message: M.descriptionRequired.id })
      .max(MAX_DESCRIPTION, { message: M.descriptionTooLong.id }),
    point: z
      .object({
        lat: z.number().min(INDONESIA_BOUNDS.minLat, { message: M.pointOutside.id }).max(INDONESIA_BOUNDS.maxLat, {
          message: M.pointOutside.id,
        }),
        lon: z.number().min(INDONESIA_BOUNDS.minLon, { message: M.pointOutside.id }).max(INDONESIA_BOUNDS.maxLon, {
          message: M.pointOutside.id,
        }),
      })
      .nullable()
      .optional(),
    kecamatan: optionalText(100, M.locationRequired.id),
    desa: optionalText(100, M.locationRequired.id),
    landmark: optionalText(300, M.landmarkTooLong.id),
    atHome: z.boolean().optional(),
    name: optionalText(100, M.nameTooLong.id),
    phone: z
      .string()
      .trim()
      .max(30, { message: M.phoneInvalid.id })
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^\+?[0-9 ()-]{6,30}$/.test(v), { message: M.phoneInvalid.id }),
    email: z
      .string()
      .trim()
      .max(200, { message: M.emailInvalid.id })
      .optional()
      .transform((v) => (v ? v.toLowerCase() : undefined))
      .refine((v) => v === undefined || z.email().safeParse(v).success, { message: M.emailInvalid.id }),
    photos: z.array(photoSchema).max(MAX_PHOTOS, { message: M.tooManyPhotos.id }).optional(),
    clientKey: z.uuid({ message: M.clientKeyInvalid.id }).optional(),
    source: z.enum(SOURCES),
  })
  .superRefine((v, issue) => {
    const located = v.point || (v.kecamatan && (v.desa || v.landmark))
    if (!located) issue.addIssue({ code: 'custom', path: ['point'], message: M.locationRequired.id })
  })

/** What reporters send: the category by id or slug, photos by the ids the photo upload gave. */
export interface ReportInput {
  category: string
  description: string
  point?: { lat: number; lon: number } | null | undefined
  kecamatan?: string | undefined
  desa?: string | undefined
  landmark?: string | undefined
  atHome?: boolean | undefined
  name?: string | undefined
  phone?: string | undefined
  email?: string | undefined
  /** Ids already stored via uploadPhoto, or the upload's answer {id, width, height}. */
  photos?: (string | { id: string; width: number; height: number })[] | undefined
  clientKey?: string | undefined
  source: ReportSource
}
