import { type Locale, type PhotoRef, photoSrcSet, photoUrl, photoWidths, pickText, translator } from '@cerdas/core/web'
import { photoMessages } from './photo-messages'

export interface PhotoFigureProps {
  photo: PhotoRef
  locale: Locale
  /** How wide the photo is shown, for the browser's choice of rendition (default: the page column). */
  sizes?: string | undefined
  /** The first photo of a detail page: loaded at once and early, not when scrolled to. */
  eager?: boolean | undefined
  className?: string | undefined
}

/** The page column is at most 48rem wide; on phones the photo takes the screen's width. */
export const DEFAULT_PHOTO_SIZES = '(min-width: 48rem) 48rem, 100vw'

/** The rendition an old browser without srcset loads: the first at least 640 wide, else the largest. */
function fallbackWidth(photo: PhotoRef): number {
  const widths = photoWidths(photo.width)
  return widths.find((w) => w >= 640) ?? (widths[widths.length - 1] as number)
}

/** The caption of a photo: its credit and licence, or null when it has neither. */
export function photoCaption(photo: PhotoRef, locale: Locale): string | null {
  const t = translator(photoMessages, locale)
  const parts = [
    photo.credit ? t('credit', { credit: photo.credit }) : '',
    photo.licence ? t('licence', { licence: photo.licence }) : '',
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(' · ') : null
}

/**
 * One photo: AVIF and WebP for browsers that take them, JPEG for every other, each at the widths
 * stored (never larger than uploaded), with its size so the page does not jump as it loads, alt
 * text in the page's language (Indonesian when there is no English) and credit and licence below.
 * @example <PhotoFigure photo={place.photos[0]} locale={locale} eager />
 */
export function PhotoFigure({ photo, locale, sizes, eager, className }: PhotoFigureProps) {
  const caption = photoCaption(photo, locale)
  const shownSizes = sizes ?? DEFAULT_PHOTO_SIZES
  // React 18 knows no fetchPriority prop; the lowercase attribute passes through as it is.
  const priority = eager ? ({ fetchpriority: 'high' } as Record<string, string>) : {}
  return (
    <figure className={className ? `photo ${className}` : 'photo'}>
      <picture>
        <source type="image/avif" srcSet={photoSrcSet(photo, 'avif')} sizes={shownSizes} />
        <source type="image/webp" srcSet={photoSrcSet(photo, 'webp')} sizes={shownSizes} />
        <img
          src={photoUrl(photo.id, fallbackWidth(photo), 'jpg')}
          srcSet={photoSrcSet(photo, 'jpg')}
          sizes={shownSizes}
          width={photo.width}
          height={photo.height}
          alt={pickText(photo.alt, locale)}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          {...priority}
        />
      </picture>
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  )
}

export interface PhotoGalleryProps {
  photos: readonly PhotoRef[]
  locale: Locale
  /** Load the first photo at once (the top of a detail page). */
  eagerFirst?: boolean | undefined
  /** Sizes of the photos after the first, which are shown smaller in a grid. */
  sizes?: string | undefined
}

/**
 * A record's photos: the first large, the others in a grid below it; nothing when there are none.
 * @example <PhotoGallery photos={attraction.photos} locale={locale} eagerFirst />
 */
export function PhotoGallery({ photos, locale, eagerFirst, sizes }: PhotoGalleryProps) {
  if (photos.length === 0) return null
  const [first, ...rest] = photos as [PhotoRef, ...PhotoRef[]]
  const t = translator(photoMessages, locale)
  return (
    <section className="photo-gallery" aria-label={t('photos')}>
      <PhotoFigure photo={first} locale={locale} eager={eagerFirst} />
      {rest.length > 0 ? (
        <ul className="photo-grid">
          {rest.map((photo) => (
            <li key={photo.id}>
              <PhotoFigure photo={photo} locale={locale} sizes={sizes ?? '(min-width: 48rem) 16rem, 50vw'} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
