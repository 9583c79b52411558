import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { escapeXml, renderShareImage, wrapText } from '../src/share-image'
import { jpegWith } from './support/images'

describe('share images', () => {
  it('escapes every character that would be markup in the SVG', () => {
    expect(escapeXml(`<text>&"'`)).toBe('&lt;text&gt;&amp;&quot;&apos;')
  })

  it('wraps long titles into at most the lines given, ending a cut one with …', () => {
    expect(wrapText('Pantai Pasir Putih Parbaba', 12, 3)).toEqual(['Pantai Pasir', 'Putih', 'Parbaba'])
    const cut = wrapText('satu dua tiga empat lima enam tujuh delapan', 9, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1]?.endsWith('…')).toBe(true)
  })

  it('draws the title containing <&>" and the first photo on a 1200x630 PNG, the same each time', async () => {
    const input = {
      siteName: 'Kabupaten Toba',
      title: 'Festival <Danau> & "Toba" </text><svg onload="x">',
      kind: 'Acara',
      background: '#0f5b78',
      accent: 'url(javascript:alert(1))',
      photo: await jpegWith(800, 600),
    }
    const png = await renderShareImage(input)
    const meta = await sharp(png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    // The photo fills the right-hand column: its pixels differ from the flat background.
    const column = await sharp(png).extract({ left: 760, top: 0, width: 400, height: 630 }).stats()
    expect(column.channels[0]?.stdev).toBeGreaterThan(20)
    expect((await renderShareImage(input)).equals(png)).toBe(true)
  })
})
