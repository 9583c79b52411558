import { DIMENSIONS } from '@cerdas/core'
import { formatInstant, pickText, type WebLoadContext } from '@cerdas/core/web'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useT } from '../i18n/use-t'

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, locale } = context as unknown as WebLoadContext
  if (site.kind === 'platform') return { kind: 'platform' as const, tenants: site.tenants }
  const { ctx } = site
  const sections = []
  for (const mod of site.definitions) {
    if (!ctx.tenant.modules[mod.id] || !mod.web?.home) continue
    const section = await mod.web.home(ctx)
    if (!section) continue
    sections.push({
      id: mod.id,
      title: pickText(section.title, locale),
      moreUrl: section.moreUrl,
      items: section.items.map((item) => ({
        title: pickText(item.title, locale),
        url: item.url,
        date: item.date ? formatInstant(item.date, ctx.tenant, locale) : undefined,
        verified: item.verified,
      })),
    })
  }
  const districts = (site.reference.districts ?? []) as { name: string; verified: boolean }[]
  return {
    kind: 'tenant' as const,
    name: ctx.tenant.name,
    tagline: ctx.tenant.branding.tagline ? pickText(ctx.tenant.branding.tagline, locale) : undefined,
    dimensions: DIMENSIONS.map((d) => ({
      id: d.id,
      title: pickText(d.title, locale),
      summary: pickText(d.summary, locale),
      modules: site.modules
        .filter((m) => m.dimension === d.id)
        .map((m) => ({ id: m.id, title: pickText(m.title, locale), path: m.path })),
    })),
    sections,
    districts,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.kind === 'tenant' ? data.name : 'Cerdas' },
  { name: 'description', content: data?.kind === 'tenant' ? (data.tagline ?? data.name) : 'Cerdas' },
]

function PlatformHome({ tenants }: { tenants: { slug: string; name: string; province: string; url: string }[] }) {
  const t = useT()
  return (
    <>
      <h1>{t('platformTitle')}</h1>
      <p>{t('platformIntro')}</p>
      {tenants.length === 0 ? (
        <p>{t('platformEmpty')}</p>
      ) : (
        <ul className="cards">
          {tenants.map((tenant) => (
            <li key={tenant.slug} className="card">
              <a href={tenant.url}>
                <strong>{tenant.name}</strong>
              </a>
              <span className="muted">{tenant.province}</span>
              <span className="muted">{tenant.url}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export default function Home() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  if (data.kind === 'platform') return <PlatformHome tenants={data.tenants} />
  return (
    <>
      <section className="hero">
        <h1>{data.name}</h1>
        {data.tagline ? <p className="tagline">{data.tagline}</p> : null}
        <Form method="get" action="/cari" className="search" role="search">
          <label htmlFor="q">{t('searchLabel')}</label>
          <div className="search-row">
            <input id="q" name="q" type="search" placeholder={t('searchPlaceholder')} required maxLength={200} />
            <button type="submit">{t('search')}</button>
          </div>
        </Form>
      </section>

      {data.sections.map((section) => (
        <section key={section.id} id={`home-${section.id}`} className="home-section">
          <h2>{section.title}</h2>
          <ul className="list">
            {section.items.map((item) => (
              <li key={item.url}>
                <Link to={item.url}>{item.title}</Link>
                {item.date ? <span className="muted"> · {item.date}</span> : null}
                {item.verified ? null : <span className="badge badge-unverified">{t('notVerified')}</span>}
              </li>
            ))}
          </ul>
          {section.moreUrl ? <Link to={section.moreUrl}>{t('seeAll')} →</Link> : null}
        </section>
      ))}

      <section>
        <h2>{t('dimensions')}</h2>
        <ul className="cards dimensions">
          {data.dimensions.map((d) => (
            <li key={d.id} className={`card dimension dimension-${d.id}`}>
              <h3>{d.title}</h3>
              <p className="muted">{d.summary}</p>
              {d.modules.length === 0 ? (
                <p className="muted">{t('dimensionEmpty')}</p>
              ) : (
                <ul>
                  {d.modules.map((m) => (
                    <li key={m.id}>{m.path ? <Link to={m.path}>{m.title}</Link> : m.title}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      {data.districts.length > 0 ? (
        <section>
          <h2>{t('districts')}</h2>
          {data.districts.some((d) => !d.verified) ? (
            <p className="muted">
              <span className="badge badge-unverified">{t('notVerified')}</span> {t('notVerifiedNote')}
            </p>
          ) : null}
          <ul className="chips">
            {data.districts.map((d) => (
              <li key={d.name}>{d.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
