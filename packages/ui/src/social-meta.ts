import type { Locale } from '@cerdas/core/web'

/** A Remix meta descriptor (the shape `meta` functions return). */
export type MetaDescriptor =
  | { title: string }
  | { name: string; content: string }
  | { property: string; content: string }

/** Pixels of every share image (`/media/share/...`): what WhatsApp, Facebook and X show large. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

/**
 * The address of a record's share image: made by the server from the tenant's colours, the record's
 * title and first photo. The record's last change is in the address, so a changed record gets a new
 * image where apps keep the old one for days.
 * @example shareImageUrl(attraction, record, 'en') // '/media/share/tourism/attraction/danau-toba.png?v=...&lang=en'
 */
export function shareImageUrl(
  entity: { qualifiedName: string },
  record: { id: string; slug?: string | null | undefined; updatedAt: string },
  locale: Locale,
): string {
  const [module, name] = entity.qualifiedName.split('.') as [string, string]
  const key = record.slug ?? record.id
  const version = record.updatedAt.replace(/\D/g, '')
  const lang = locale === 'en' ? '&lang=en' : ''
  return `/media/share/${encodeURIComponent(module)}/${encodeURIComponent(name)}/${encodeURIComponent(key)}.png?v=${version}${lang}`
}

export interface SocialMetaInput {
  title: string
  description?: string | null | undefined
  /** The page's absolute address (og:url). */
  url: string
  /** The share image: absolute, or a path resolved against `url`. */
  image?: string | null | undefined
  locale: Locale
  /** The tenant's name (og:site_name). */
  siteName: string
}

/**
 * Open Graph and Twitter card tags for a page, so a link shared in WhatsApp or elsewhere shows its
 * title, description and image. Add them to the page's other meta descriptors.
 * @example export const meta: MetaFunction<typeof loader> = ({ data }) => socialMeta(data.social)
 */
export function socialMeta(input: SocialMetaInput): MetaDescriptor[] {
  const description = input.description?.trim() ? shorten(input.description.trim(), 200) : null
  const image = input.image ? new URL(input.image, input.url).href : null
  const tags: MetaDescriptor[] = [
    { property: 'og:type', content: 'website' },
    { property: 'og:title', content: input.title },
    { property: 'og:url', content: input.url },
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:locale', content: input.locale === 'en' ? 'en_GB' : 'id_ID' },
    { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: input.title },
  ]
  if (description) {
    tags.push({ name: 'description', content: description })
    tags.push({ property: 'og:description', content: description })
    tags.push({ name: 'twitter:description', content: description })
  }
  if (image) {
    tags.push({ property: 'og:image', content: image })
    tags.push({ property: 'og:image:type', content: 'image/png' })
    tags.push({ property: 'og:image:width', content: String(SHARE_IMAGE_SIZE.width) })
    tags.push({ property: 'og:image:height', content: String(SHARE_IMAGE_SIZE.height) })
    tags.push({ property: 'og:image:alt', content: input.title })
    tags.push({ name: 'twitter:image', content: image })
  }
  return tags
}

/** Text cut at a word to at most `max` characters, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
