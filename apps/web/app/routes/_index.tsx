import { DIMENSIONS } from '@cerdas/core'
import { pickText, type SectionView, sectionView } from '@cerdas/core/web'
import { SectionList } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '../i18n/use-t'
import { SearchForm } from '../search-form'

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, locale } = context
  if (site.kind === 'platform') return { kind: 'platform' as const, tenants: site.tenants }
  const { ctx } = site
  const sections: SectionView[] = []
  for (const mod of site.definitions) {
    if (!ctx.tenant.modules[mod.id] || !mod.web?.home) continue
    const section = await mod.web.home(ctx)
    if (section) sections.push(sectionView(mod.id, section, ctx.tenant, locale))
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
    directory: Boolean(ctx.tenant.modules.directory),
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
        <SearchForm />
      </section>

      {data.sections.map((section) => (
        <SectionList key={section.id} section={section} className="home-section" idPrefix="home" />
      ))}

      <section>
        <h2>{t('dimensions')}</h2>
        <ul className="cards dimensions">
          {data.dimensions
            .filter((d) => d.modules.length > 0)
            .map((d) => (
              <li key={d.id} className={`card dimension dimension-${d.id}`}>
                <h3>{d.title}</h3>
                <p className="muted">{d.summary}</p>
                <ul>
                  {d.modules.map((m) => (
                    <li key={m.id}>{m.path ? <Link to={m.path}>{m.title}</Link> : m.title}</li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
        {data.dimensions.some((d) => d.modules.length === 0) ? (
          <p className="muted">
            {t('dimensionsComing', {
              list: data.dimensions
                .filter((d) => d.modules.length === 0)
                .map((d) => d.title)
                .join(', '),
            })}
          </p>
        ) : null}
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
              <li key={d.name}>
                {data.directory ? (
                  <Link to={`/direktori?kecamatan=${encodeURIComponent(d.name)}`}>{d.name}</Link>
                ) : (
                  d.name
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
