import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { MessageKey } from '../i18n/messages'
import { useT } from '../i18n/use-t'
import { openDataLoader } from '../open-data/open-data.server'

export const loader = openDataLoader

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Data terbuka · ${data.name}` : 'Data terbuka' },
  { name: 'description', content: data ? `Data terbuka ${data.name}: CSV, JSON, DCAT` : 'Data terbuka' },
]

/** Harvesters find the catalogue from the page. */
export const links: LinksFunction = () => [
  { rel: 'alternate', type: 'application/ld+json', href: '/api/v1/data/catalog.jsonld', title: 'DCAT' },
]

/** Every dataset of the tenant by dimension, with its downloads, update frequency, date and licence. */
export default function OpenDataPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <h1>{t('openData')}</h1>
      <p>{t('openDataIntro', { name: data.name })}</p>
      <p>
        <a href={data.licence.url} rel="license">
          {t('openDataLicence', { licence: data.licence.title })}
        </a>
        {' · '}
        <a href={data.catalogue} type="application/ld+json">
          {t('openDataCatalogue')}
        </a>
      </p>
      {data.dimensions.length === 0 ? <p>{t('openDataEmpty')}</p> : null}
      {data.dimensions.map((dimension) => (
        <section key={dimension.id} aria-labelledby={`dimensi-${dimension.id}`}>
          <h2 id={`dimensi-${dimension.id}`}>{dimension.title}</h2>
          <ul className="datasets">
            {dimension.datasets.map((dataset) => (
              <li key={dataset.id} id={dataset.id} className="dataset">
                <h3>{dataset.title}</h3>
                <p>{dataset.description}</p>
                <p className="muted">
                  {dataset.source} · {t('openDataFrequency', { frequency: t(dataset.frequency as MessageKey) })} ·{' '}
                  {dataset.modified ? (
                    <time dateTime={dataset.modified}>
                      {t('openDataModified', { date: dataset.modifiedText ?? '' })}
                    </time>
                  ) : (
                    t('openDataNotModified')
                  )}
                  {dataset.publisher ? ` · ${t('openDataPublisher', { office: dataset.publisher })}` : null}
                </p>
                <p>
                  {t('openDataDownloads')}:{' '}
                  {dataset.distributions.map((dist, i) => (
                    <span key={dist.path}>
                      {i > 0 ? ' · ' : null}
                      <a href={dist.path} type={dist.mediaType}>
                        {dist.format}
                      </a>
                    </span>
                  ))}
                </p>
                {dataset.indicators.length > 0 ? (
                  <details>
                    <summary>{t('openDataIndicators')}</summary>
                    {dataset.indicators.map((indicator) => (
                      <dl key={indicator.id}>
                        <dt>{indicator.name}</dt>
                        <dd>
                          {t('openDataDefinition')}: {indicator.definition}
                        </dd>
                        <dd>
                          {t('openDataUnit')}: {indicator.unit}
                        </dd>
                        <dd>
                          {t('openDataMethod')}: {indicator.method}
                        </dd>
                        {indicator.producer ? (
                          <dd>
                            {t('openDataProducer')}: {indicator.producer}
                          </dd>
                        ) : null}
                        {indicator.period ? (
                          <dd>
                            {t('openDataPeriod')}: {indicator.period}
                          </dd>
                        ) : null}
                      </dl>
                    ))}
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
