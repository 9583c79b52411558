/** Longer return paths are refused: no page of ours needs one, and they would end up in headers. */
const MAX_RETURN_PATH = 2048

/**
 * Control and invisible format characters, any whitespace and backslashes. Browsers drop tabs and
 * newlines from URLs and read `\` as `/`, so `/\t/evil.example` or
 * `/\evil.example` would leave the site; a newline in a Location header is a 500.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\s\\]/u

/**
 * Where a `kembali` (go back to) parameter may send the visitor: a path on the
 * request's own origin, or `fallback`. The path is resolved against the origin
 * (so `/admin/../x` becomes `/x`) and returned in its resolved, encoded form;
 * with `under`, it must stay inside that section (e.g. `/admin`).
 * @example safeReturnPath('/layanan?q=ktp', request.url) // '/layanan?q=ktp'
 * @example safeReturnPath('/\t/evil.example/x', request.url) // '/'
 */
export function safeReturnPath(
  raw: string | null | undefined,
  requestUrl: string,
  options: { fallback?: string; under?: string } = {},
): string {
  const fallback = options.fallback ?? options.under ?? '/'
  if (!raw || raw.length > MAX_RETURN_PATH || UNSAFE_CHARACTERS.test(raw)) return fallback
  if (!raw.startsWith('/') || raw.startsWith('//')) return fallback
  const origin = new URL(requestUrl).origin
  let resolved: URL
  try {
    resolved = new URL(raw, origin)
  } catch {
    return fallback
  }
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  if (resolved.origin !== origin || resolved.pathname.startsWith('//')) return fallback
  const { under } = options
  if (under && resolved.pathname !== under && !resolved.pathname.startsWith(`${under}/`)) return fallback
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
