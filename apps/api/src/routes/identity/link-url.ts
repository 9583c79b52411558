import type { Context } from 'hono'

/** Absolute URL of a page on the host the request came to. */
export function pageUrl(c: Context, path: string): string {
  const url = new URL(c.req.url)
  const host = c.req.header('host') ?? url.host
  return `${url.protocol}//${host}${path}`
}
