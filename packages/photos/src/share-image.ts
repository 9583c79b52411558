import sharp, { type OverlayOptions } from 'sharp'

/** Pixels of a share image: what WhatsApp, Facebook and X show large. */
export const SHARE_WIDTH = 1200
export const SHARE_HEIGHT = 630
const PHOTO_WIDTH = 480

export interface ShareImageInput {
  /** The tenant's name, at the bottom. */
  siteName: string
  /** The record's title, large. */
  title: string
  /** What the record is (`Objek wisata`), small above the title. */
  kind: string
  /** Tenant colours (CSS colours from tenant branding). */
  background: string
  accent: string
  /** The record's first photo (any format sharp reads), shown on the right. */
  photo?: Uint8Array | undefined
}

/** Text as SVG character data: editors write titles, so `<&>"'` must never become markup. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  )
}

/** A colour safe to put in an attribute: hex or a plain name, else the fallback. */
function colour(value: string, fallback: string): string {
  return /^#[0-9a-fA-F]{3,8}$|^[a-zA-Z]{3,20}$/.test(value.trim()) ? value.trim() : fallback
}

/** Words broken into at most `lines` lines of about `width` characters; the last one ends in … when cut. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const out: string[] = []
  let line = ''
  for (const word of words) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= width || !line) line = next.length > width * 1.5 ? `${next.slice(0, width - 1)}…` : next
    else {
      out.push(line)
      line = word
    }
  }
  if (line) out.push(line)
  if (out.length <= lines) return out
  const kept = out.slice(0, lines)
  kept[lines - 1] = `${(kept[lines - 1] as string).replace(/[\s.,;:]+$/, '')}…`
  return kept
}

/**
 * A 1200 × 630 PNG for a record's Open Graph and Twitter cards: the tenant's colours and name, what
 * the record is, its title and its first photo. Nothing time-dependent is drawn, so the same record
 * always gives the same image.
 */
export async function renderShareImage(input: ShareImageInput): Promise<Buffer> {
  const textWidth = input.photo ? SHARE_WIDTH - PHOTO_WIDTH : SHARE_WIDTH
  const perLine = Math.floor((textWidth - 120) / 33)
  const titleLines = wrapText(input.title, perLine, 4)
  const fontSize = titleLines.length > 3 ? 52 : 60
  const background = colour(input.background, '#0f5b78')
  const accent = colour(input.accent, '#f2b632')
  const font = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\""
  const title = titleLines
    .map((line, i) => `<tspan x="60" dy="${i === 0 ? 0 : fontSize * 1.2}">${escapeXml(line)}</tspan>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}">
  <rect width="100%" height="100%" fill="${background}"/>
  <rect x="0" y="0" width="${textWidth}" height="12" fill="${accent}"/>
  <text x="60" y="110" ${font} font-size="30" font-weight="bold" fill="${accent}">${escapeXml(wrapText(input.kind, perLine + 10, 1)[0] ?? '')}</text>
  <text x="60" y="${200 + fontSize}" ${font} font-size="${fontSize}" font-weight="bold" fill="#ffffff">${title}</text>
  <text x="60" y="${SHARE_HEIGHT - 56}" ${font} font-size="30" fill="#ffffff" fill-opacity="0.9">${escapeXml(wrapText(input.siteName, perLine + 10, 1)[0] ?? '')}</text>
</svg>`
  const layers: OverlayOptions[] = []
  if (input.photo) {
    const photo = await sharp(input.photo, { limitInputPixels: 40_000_000 })
      .resize({ width: PHOTO_WIDTH, height: SHARE_HEIGHT, fit: 'cover' })
      .toBuffer()
      .catch(() => undefined)
    if (photo) layers.push({ input: photo, left: SHARE_WIDTH - PHOTO_WIDTH, top: 0 })
  }
  return sharp(Buffer.from(svg)).composite(layers).png({ compressionLevel: 9 }).toBuffer()
}
