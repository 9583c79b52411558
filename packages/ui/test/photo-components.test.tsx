import type { PhotoRef } from '@cerdas/core/web'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PhotoFigure, PhotoGallery, shareImageUrl, socialMeta } from '../src/index'

const ID = 'pho_01JD2X5Q9V3R8K7M6N5P4Q3R2S'
const photo: PhotoRef = {
  id: ID,
  alt: { id: 'Danau Toba dari Bukit Holbung', en: 'Lake Toba from Holbung Hill' },
  credit: 'Dinas Pariwisata Toba',
  licence: 'CC BY 4.0',
  width: 1200,
  height: 800,
}

describe('PhotoFigure', () => {
  it('offers AVIF and WebP sources and a JPEG fallback at the widths stored, lazily, with its size', () => {
    const html = renderToStaticMarkup(<PhotoFigure photo={photo} locale="en" />)
    const set = (format: string) =>
      [320, 640, 1024, 1200].map((w) => `/media/photos/${ID}/${w}.${format} ${w}w`).join(', ')
    expect(html).toContain(`<source type="image/avif" srcSet="${set('avif')}"`)
    expect(html).toContain(`<source type="image/webp" srcSet="${set('webp')}"`)
    expect(html).toContain(`srcSet="${set('jpg')}"`)
    expect(html).toContain(`src="/media/photos/${ID}/640.jpg"`)
    expect(html).toContain('width="1200" height="800"')
    expect(html).toContain('loading="lazy"')
    expect(html).toContain('decoding="async"')
    expect(html).toContain('alt="Lake Toba from Holbung Hill"')
    expect(html).toContain('<figcaption>Photo: Dinas Pariwisata Toba · Licence: CC BY 4.0</figcaption>')
  })

  it('falls back to the Indonesian alt text, loads the first photo of a page at once, and lists no width above the upload', () => {
    const small = { ...photo, alt: { id: 'Tugu' }, credit: null, licence: null, width: 500, height: 500 }
    const html = renderToStaticMarkup(<PhotoFigure photo={small} locale="en" eager />)
    expect(html).toContain('alt="Tugu"')
    expect(html).toContain('loading="eager"')
    expect(html).toContain('fetchpriority="high"')
    expect(html).not.toContain('640w')
    expect(html).toContain(`/media/photos/${ID}/500.jpg 500w`)
    expect(html).not.toContain('figcaption')
  })
})

describe('PhotoGallery', () => {
  it('shows nothing without photos, and the first large with the rest in a grid', () => {
    expect(renderToStaticMarkup(<PhotoGallery photos={[]} locale="id" />)).toBe('')
    const html = renderToStaticMarkup(
      <PhotoGallery photos={[photo, { ...photo, id: 'pho_01JD2X5Q9V3R8K7M6N5P4Q3R2T' }]} locale="id" eagerFirst />,
    )
    expect(html.match(/<figure/g)).toHaveLength(2)
    expect(html).toContain('aria-label="Foto"')
    expect(html.indexOf('loading="eager"')).toBeLessThan(html.indexOf('loading="lazy"'))
  })
})

describe('share tags', () => {
  it('addresses the share image by the record and its last change, and gives og:* and twitter:* tags', () => {
    const url = shareImageUrl(
      { qualifiedName: 'tourism.attraction' },
      { id: 'att_1', slug: 'bukit-holbung', updatedAt: '2026-12-01T08:00:00.000Z' },
      'en',
    )
    expect(url).toBe('/media/share/tourism/attraction/bukit-holbung.png?v=20261201080000000&lang=en')
    const tags = socialMeta({
      title: 'Bukit Holbung',
      description: 'Bukit hijau di tepi Danau Toba.',
      url: 'https://toba.example.id/wisata/bukit-holbung',
      image: url,
      locale: 'id',
      siteName: 'Kabupaten Toba',
    })
    expect(tags).toContainEqual({ property: 'og:image', content: `https://toba.example.id${url}` })
    expect(tags).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' })
    expect(tags).toContainEqual({ property: 'og:locale', content: 'id_ID' })
    expect(tags).toContainEqual({ property: 'og:image:width', content: '1200' })
    expect(tags).toContainEqual({ name: 'description', content: 'Bukit hijau di tepi Danau Toba.' })
  })
})
