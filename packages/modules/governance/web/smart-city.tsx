import { translator } from '@cerdas/core/web'
import { KpiChart, ProgressBar, useLocale } from '@cerdas/ui'
import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { loader } from './smart-city.server'
import { smartCityMessages } from './smart-city-messages'
import type { AgendaView, DimensionView, PersonView, RegulationView } from './smart-city-view'

export { loader } from './smart-city.server'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: 'description', content: data.intro }]
    : [{ title: `${smartCityMessages.id.title}` }]

type T = ReturnType<typeof translator<keyof (typeof smartCityMessages)['id']>>

/**
 * The tenant's smart city in one page: the regulation and its validity, the six dimensions with
 * what each offers today, programmes with progress and KPI charts, the council and team, and the
 * agenda. Rendered on the server, readable on a phone; `?tampilan=presentasi` sets it in large type
 * for a projector.
 */
export default function SmartCity() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(smartCityMessages, locale)
  return (
    <div className={data.presentation ? 'smart-city smart-city-presentation' : 'smart-city'}>
      <div className="smart-city-head">
        <h1>{data.heading}</h1>
        <p className="lead">{data.intro}</p>
        <p className="no-print">
          <a href={data.presentation ? data.path : `${data.path}?tampilan=presentasi`}>
            {data.presentation ? t('normalView') : t('presentation')}
          </a>
        </p>
      </div>
      <nav className="smart-city-contents" aria-label={t('contents')}>
        <ul>
          <li>
            <a href="#dasar-hukum">{t('regulations')}</a>
          </li>
          {data.dimensions.map((d) => (
            <li key={d.id}>
              <a href={`#dimensi-${d.id}`}>{d.title}</a>
            </li>
          ))}
          <li>
            <a href="#dewan-dan-tim">{t('people')}</a>
          </li>
          <li>
            <a href="#agenda">{t('agenda')}</a>
          </li>
        </ul>
      </nav>
      <Regulations regulations={data.regulations} t={t} />
      {data.dimensions.map((d) => (
        <Dimension key={d.id} dimension={d} t={t} locale={locale} />
      ))}
      <section id="dewan-dan-tim" className="smart-city-section" aria-labelledby="dewan-dan-tim-judul">
        <h2 id="dewan-dan-tim-judul">{t('people')}</h2>
        <People id="dewan" title={t('council')} empty={t('councilEmpty')} people={data.council} t={t} />
        <People id="tim" title={t('team')} empty={t('teamEmpty')} people={data.team} t={t} />
      </section>
      <Agenda items={data.agenda} past={data.pastAgenda} t={t} />
    </div>
  )
}

function Regulations({ regulations, t }: { regulations: RegulationView[]; t: T }) {
  return (
    <section id="dasar-hukum" className="smart-city-section" aria-labelledby="dasar-hukum-judul">
      <h2 id="dasar-hukum-judul">{t('regulations')}</h2>
      {regulations.length === 0 ? (
        <p className="muted">{t('regulationsEmpty')}</p>
      ) : (
        <ul className="smart-city-regulations">
          {regulations.map((r) => (
            <li key={r.id}>
              <strong>{r.number ? t('numbered', { kind: r.kind, number: r.number }) : r.kind}</strong>: {r.title}
              <br />
              {t('validFrom', { date: r.validFrom })}
              {r.validUntil ? ` ${t('validUntil', { date: r.validUntil })}` : ''}.{' '}
              <span className={r.expired ? 'validity validity-expired' : 'validity'}>{r.validity}</span>
              <Unverified verified={r.verified} t={t} />
              {r.url ? (
                <>
                  {' '}
                  <a href={r.url}>{t('document')}</a>
                </>
              ) : null}
              {r.pdf ? (
                <>
                  {' '}
                  <a href={r.pdf.url} type="application/pdf">
                    {t('pdf', { size: r.pdf.size })}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Dimension({ dimension: d, t, locale }: { dimension: DimensionView; t: T; locale: 'id' | 'en' }) {
  const heading = `dimensi-${d.id}-judul`
  return (
    <section id={`dimensi-${d.id}`} className={`smart-city-dimension dimension-${d.id}`} aria-labelledby={heading}>
      <h2 id={heading}>{d.title}</h2>
      <p className="muted">{d.summary}</p>
      <h3>{t('offer')}</h3>
      {d.modules.length === 0 ? (
        <p className="muted">{t('offerEmpty')}</p>
      ) : (
        <ul className="smart-city-offer">
          {d.modules.map((m) => (
            <li key={m.id}>
              {m.url ? <a href={m.url}>{m.title}</a> : <strong>{m.title}</strong>}
              {m.counts.length === 1 && m.counts[0]?.url === m.url ? (
                // One list that is the module's own page: its count beside the title says enough.
                <>
                  {' '}
                  <span className="smart-city-count">{m.counts[0]?.count}</span>{' '}
                  <span className="visually-hidden">{m.counts[0]?.title}</span>
                </>
              ) : m.counts.length > 0 ? (
                <ul>
                  {m.counts.map((c) => (
                    <li key={c.entity}>
                      <a href={c.url}>
                        <span className="smart-city-count">{c.count}</span> {c.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('programmes')}</h3>
      {d.programmes.length === 0 ? (
        <p className="muted">{t('programmesEmpty')}</p>
      ) : (
        <ul className="smart-city-programmes">
          {d.programmes.map((p) => (
            <li key={p.id}>
              <h4>{p.name}</h4>
              <p className="muted">
                {p.kind} · <span className={`programme-status status-${p.statusKey}`}>{p.status}</span>
                {p.period ? ` · ${p.period}` : ''} <Unverified verified={p.verified} t={t} />
              </p>
              {p.progress ? (
                <ProgressBar
                  id={`progres-${p.id}`}
                  percent={p.progress.percent}
                  locale={locale}
                  label={t('milestones', { done: p.progress.done, total: p.progress.total })}
                />
              ) : (
                <p className="muted">{t('noMilestones')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('kpis')}</h3>
      {d.kpis.length === 0 ? (
        <p className="muted">{t('kpisEmpty')}</p>
      ) : (
        <div className="smart-city-kpis">
          {d.kpis.map((k) => (
            <KpiChart key={k.id} {...k} id={`grafik-${k.id}`} locale={locale} />
          ))}
        </div>
      )}
      {d.team.length > 0 ? (
        <>
          <h3>{t('dimensionTeam')}</h3>
          <PeopleList people={d.team} t={t} />
        </>
      ) : null}
    </section>
  )
}

function People({
  id,
  title,
  empty,
  people,
  t,
}: {
  id: string
  title: string
  empty: string
  people: PersonView[]
  t: T
}) {
  return (
    <>
      <h3 id={`${id}-judul`}>{title}</h3>
      {people.length === 0 ? <p className="muted">{empty}</p> : <PeopleList people={people} t={t} />}
    </>
  )
}

function PeopleList({ people, t }: { people: PersonView[]; t: T }) {
  return (
    <ul className="smart-city-people">
      {people.map((p, i) => (
        // Seats repeat positions (several "Anggota"), so the order is the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once on the server
        <li key={i}>
          <span className="person-role">{p.role}</span> <strong>{p.position}</strong>
          {p.institution ? <span className="muted"> · {p.institution}</span> : null}
          {p.name ? (
            <span>
              {' '}
              · <span className="visually-hidden">{t('name')}: </span>
              {p.name}
            </span>
          ) : null}
          <Unverified verified={p.verified} t={t} />
        </li>
      ))}
    </ul>
  )
}

function Agenda({ items, past, t }: { items: AgendaView[]; past: AgendaView[]; t: T }) {
  return (
    <section id="agenda" className="smart-city-section" aria-labelledby="agenda-judul">
      <h2 id="agenda-judul">{t('agenda')}</h2>
      {items.length === 0 ? <p className="muted">{t('agendaEmpty')}</p> : <AgendaList items={items} t={t} />}
      {past.length > 0 ? (
        <>
          <h3>{t('pastAgenda')}</h3>
          <AgendaList items={past} t={t} />
        </>
      ) : null}
    </section>
  )
}

function AgendaList({ items, t }: { items: AgendaView[]; t: T }) {
  return (
    <ul className="smart-city-agenda">
      {items.map((a) => (
        <li key={a.id}>
          <time dateTime={a.at}>{a.when}</time> <strong>{a.title}</strong>
          {a.place ? <span className="muted"> · {a.place}</span> : null} <Unverified verified={a.verified} t={t} />
        </li>
      ))}
    </ul>
  )
}

/** Says a record people rely on has not been checked yet, as every public page does. */
function Unverified({ verified, t }: { verified: boolean; t: T }) {
  return verified ? null : (
    <span className="badge badge-unverified" title={t('unverifiedNote')}>
      {t('unverified')}
    </span>
  )
}
