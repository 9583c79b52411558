import { pickText, translator } from '@cerdas/core/web'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { CSSProperties, ReactNode } from 'react'
import { messages } from './i18n/messages'
import { useT } from './i18n/use-t'
import { missingPathWords } from './missing-path-words'
import { ModuleStyles } from './module-styles'
import { SearchForm } from './search-form'
import stylesheet from './styles.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, locale, requestId, currentPath } = context
  if (site.kind === 'platform') {
    return { locale, requestId, currentPath, site: { kind: 'platform' as const } }
  }
  const tenant = site.ctx.tenant
  return {
    locale,
    requestId,
    currentPath,
    site: {
      kind: 'tenant' as const,
      name: tenant.name,
      branding: tenant.branding,
      locales: tenant.locales,
      nav: site.nav.map((n) => ({ path: n.path, title: pickText(n.title, locale) })),
      modules: site.modules.map((m) => m.id),
    },
  }
}

export type RootData = Awaited<ReturnType<typeof loader>>

const isNotFound = (error: unknown) => isRouteErrorResponse(error) && error.status === 404

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const name = data?.site.kind === 'tenant' ? data.site.name : 'Cerdas'
  if (!error) return [{ title: name }]
  // Shown when the error boundary renders: "Halaman tidak ditemukan · Kabupaten Toba".
  const t = translator(messages, data?.locale ?? 'id')
  return [{ title: `${t(isNotFound(error) ? 'notFoundTitle' : 'errorTitle')} · ${name}` }]
}

function LanguageSwitch({ currentPath }: { currentPath: string }) {
  const t = useT()
  const target = t('switchToOtherLang')
  return (
    <a
      className="lang"
      href={`/bahasa?ke=${target}&kembali=${encodeURIComponent(currentPath)}`}
      hrefLang={target}
      lang={target}
    >
      {t('switchToOther')}
    </a>
  )
}

function SiteHeader({ data }: { data: RootData }) {
  const t = useT()
  if (data.site.kind === 'platform') {
    return (
      <header className="site-header">
        <div className="wrap">
          <a className="brand" href="/">
            Cerdas
          </a>
          <LanguageSwitch currentPath={data.currentPath} />
        </div>
      </header>
    )
  }
  const { site } = data
  return (
    <header className="site-header">
      <div className="wrap">
        <Link className="brand" to="/">
          {site.branding.logoUrl ? <img src={site.branding.logoUrl} alt="" width="32" height="32" /> : null}
          <span>{site.name}</span>
        </Link>
        {site.locales.length > 1 ? <LanguageSwitch currentPath={data.currentPath} /> : null}
      </div>
      <nav className="wrap site-nav" aria-label={t('home')}>
        <Link to="/">{t('home')}</Link>
        {site.nav.map((item) => (
          <Link key={item.path} to={item.path}>
            {item.title}
          </Link>
        ))}
        <Link to="/cari">{t('search')}</Link>
      </nav>
    </header>
  )
}

function SiteFooter({ tenant }: { tenant: boolean }) {
  const t = useT()
  return (
    <footer className="site-footer">
      <div className="wrap">
        {tenant ? <a href="/data">{t('openData')}</a> : null}
        <a href="/api/docs">{t('apiDocs')}</a>
        <span>{t('poweredBy')}</span>
      </div>
    </footer>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const matches = useMatches()
  const error = useRouteError()
  // Public pages ship no JavaScript: they are complete as HTML. A route opts in with handle.hydrate;
  // a 404 never does, not even under a route that hydrates.
  const hydrate = !isNotFound(error) && matches.some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate)
  const branding = data?.site.kind === 'tenant' ? data.site.branding : undefined
  const style = branding
    ? ({ '--brand': branding.primaryColor, '--accent': branding.accentColor } as CSSProperties)
    : undefined
  return (
    <html lang={data?.locale ?? 'id'} style={style}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ModuleStyles enabled={data?.site.kind === 'tenant' ? data.site.modules : []} />
      </head>
      <body>
        {children}
        {hydrate ? <Scripts /> : null}
      </body>
    </html>
  )
}

export default function App() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <SiteHeader data={data} />
      <main id="main" className="wrap">
        <Outlet />
      </main>
      <SiteFooter tenant={data?.site.kind === 'tenant'} />
    </>
  )
}

function pathOf(currentPath: string): string {
  const pathname = currentPath.split(/[?#]/)[0] ?? '/'
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/**
 * Errors and 404s (an unknown address, or a page whose record does not exist, e.g. a wrong service
 * slug) inside the site layout. A tenant's 404 offers the search box, prefilled with the words of
 * the address (`/layanan/ktp-baru` → "ktp baru"). Without root data (the root loader failed) only
 * the message and the way home are shown.
 */
export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const t = useT()
  const notFound = isNotFound(error)
  const tenant = data?.site.kind === 'tenant' ? data.site : undefined
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      {data ? <SiteHeader data={data} /> : null}
      <main id="main" className="wrap error-page">
        <h1>{notFound ? t('notFoundTitle') : t('errorTitle')}</h1>
        {notFound ? (
          <>
            {data ? <p>{t('notFoundPath', { path: pathOf(data.currentPath) })}</p> : null}
            <p>{t('notFoundBody')}</p>
            {tenant && data ? (
              <SearchForm
                q={missingPathWords(
                  data.currentPath,
                  tenant.nav.map((n) => n.path),
                )}
              />
            ) : null}
          </>
        ) : (
          <p>{t('errorBody', { id: data?.requestId ?? '-' })}</p>
        )}
        <p>
          <a href="/">{t('backHome')}</a>
        </p>
      </main>
      {data ? <SiteFooter tenant={data?.site.kind === 'tenant'} /> : null}
    </>
  )
}
