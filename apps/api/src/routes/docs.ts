import { createHash } from 'node:crypto'
import type { ApiEnv } from '@cerdas/core'
import { translator } from '@cerdas/core/web'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiReferenceConfiguration } from '@scalar/hono-api-reference'

/**
 * The reference UI comes from a CDN at an exact version, checked by Subresource Integrity. Its
 * browser bundle is 3.5 MB with a large dependency tree, too heavy to ship from our own origin;
 * the page around it says where the OpenAPI document is, so it is useful without the CDN too.
 * To upgrade: change the version, then recompute the hash of `dist/browser/standalone.js` from
 * the npm tarball (`npm pack @scalar/api-reference@<v>`; `openssl dgst -sha384 -binary | base64`).
 */
export const SCALAR_VERSION = '1.46.4'
export const SCALAR_SCRIPT = `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js`
const SCALAR_INTEGRITY = 'sha384-BbTs28WithFYxTDCiH0YPK5tv3MflhBVpABoMjfb9UqXa/hegSE9I4THoddKejMF'
export const OPENAPI_PATH = '/api/openapi.json'

/** Interface text of the docs page, Indonesian first; the page shows both languages. */
const messages = {
  id: {
    title: 'Dokumentasi API Cerdas',
    intro:
      'API terbuka ini menyajikan data publik pemerintah daerah yang dilayani di alamat ini. Membaca data tidak memerlukan login; setiap galat berupa application/problem+json (RFC 9457).',
    document: 'Dokumen OpenAPI 3.1:',
    fallback:
      'Tampilan interaktif di bawah ini memerlukan JavaScript dan dimuat dari cdn.jsdelivr.net. Bila tidak muncul, buka dokumen OpenAPI di atas, yang selalu tersedia dari server ini, dengan alat apa pun yang membaca OpenAPI.',
  },
  en: {
    title: 'Cerdas API documentation',
    intro:
      'This open API serves the public data of the local government served at this address. Reading needs no login; every error is application/problem+json (RFC 9457).',
    document: 'OpenAPI 3.1 document:',
    fallback:
      'The interactive reference below needs JavaScript and loads from cdn.jsdelivr.net. If it does not appear, open the OpenAPI document above, always served by this server, with any tool that reads OpenAPI.',
  },
}

const configuration: Partial<ApiReferenceConfiguration> & { agent?: { disabled: boolean } } = {
  url: OPENAPI_PATH,
  // The default fonts come from fonts.scalar.com; the system fonts need no other host.
  withDefaultFonts: false,
  // "Ask AI" sends the document to Scalar's servers (and the CSP would block it anyway).
  agent: { disabled: true },
}

/**
 * Starts the reference UI when its script loaded, and only then hides the fallback note: without
 * JavaScript, or without the CDN, the note stays and points to the document.
 */
const BOOT_SCRIPT = `if (window.Scalar && window.Scalar.createApiReference) {
  document.querySelectorAll('.docs-fallback').forEach(function (el) { el.hidden = true })
  window.Scalar.createApiReference('#app', ${JSON.stringify(configuration)})
}`

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * What the docs page may load: the pinned script and the one inline script (by hash), inline
 * styles (the reference UI injects its own), and requests to this origin (the document, "try it").
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(BOOT_SCRIPT)} ${SCALAR_SCRIPT}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

const STYLE = `body{margin:0}
.docs-intro{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem}
.docs-intro h1{font-size:1.5rem;margin:0 0 .5rem}.docs-intro h2{font-size:1.1rem;margin:1rem 0 .25rem}
.docs-intro p{margin:.25rem 0}.docs-intro a{color:#0b57d0}.docs-note{font-weight:600}`

function section(locale: 'id' | 'en'): string {
  const t = translator(messages, locale)
  const Heading = locale === 'id' ? 'h1' : 'h2'
  return `<section lang="${locale}">
<${Heading}>${t('title')}</${Heading}>
<p>${t('intro')}</p>
<p>${t('document')} <a href="${OPENAPI_PATH}" type="application/json">${OPENAPI_PATH}</a></p>
<p class="docs-note docs-fallback">${t('fallback')}</p>
</section>`
}

/** The docs page: a short bilingual introduction with the document's address, then the reference UI. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${messages.id.title} · ${messages.en.title}</title>
<link rel="alternate" type="application/json" href="${OPENAPI_PATH}">
<style>${STYLE}</style>
</head>
<body>
<header class="docs-intro">
${section('id')}
${section('en')}
</header>
<div id="app"></div>
<script src="${SCALAR_SCRIPT}" integrity="${SCALAR_INTEGRITY}" crossorigin="anonymous"></script>
<script>${BOOT_SCRIPT}</script>
</body>
</html>`
}

/** GET /api/docs: the reference UI, with its own Content-Security-Policy (see securityHeaders). */
export function registerDocs(app: OpenAPIHono<ApiEnv>) {
  const page = docsPage()
  app.get('/api/docs', (c) =>
    c.html(page, 200, {
      'Content-Security-Policy': DOCS_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'public, max-age=3600',
    }),
  )
}
