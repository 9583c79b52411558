import { type LocalizedText, linkedSections, orNotFound, pickText, translator } from '@cerdas/core/web'
import { hoursPanel } from '@cerdas/module-schedules'
import {
  HoursSection,
  OpenStatus,
  PlaceDetails,
  PresenceList,
  RecordVerification,
  SectionList,
  useLocale,
} from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { officeJsonLd } from '../src/json-ld'
import { OFFICE_TYPE_LABELS, UNIT_KIND_LABELS } from '../src/labels'
import { getOfficeDetail } from '../src/offices'
import type { Unit } from '../src/units'
import { messages } from './messages'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { site, locale } = context
  if (site?.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  const ctx = site.ctx
  const url = new URL(request.url)
  const detail = await orNotFound(getOfficeDetail(ctx, params.slug ?? ''))
  const panel = await hoursPanel(ctx, detail.hours?.schedule ?? null, { from: url.searchParams.get('from'), locale })
  const office = detail.office
  return {
    detail,
    ...panel,
    sections: await linkedSections(site, 'directory.office', { id: office.id, slug: office.slug }, locale),
    jsonLd: {
      '@context': 'https://schema.org',
      ...officeJsonLd(office, { origin: url.origin, region: ctx.tenant.province, hours: panel.schemaOrgHours }),
    },
    typeLabels: OFFICE_TYPE_LABELS,
    unitKindLabels: UNIT_KIND_LABELS,
    tenantName: ctx.tenant.name,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Kantor' }]
  const o = data.detail.office
  return [
    { title: `${o.name.id} · ${data.tenantName}` },
    { name: 'description', content: (o.description?.id ?? o.name.id).slice(0, 160) },
    { 'script:ld+json': data.jsonLd },
  ]
}

/** Units nested under their parent unit, in their sort order. */
function UnitTree({
  units,
  parentId,
  kindLabels,
}: {
  units: Unit[]
  parentId: string | null
  kindLabels: Record<string, LocalizedText>
}) {
  const locale = useLocale()
  const level = units.filter((u) => u.parentId === parentId)
  if (level.length === 0) return null
  return (
    <ul className="list unit-tree">
      {level.map((u) => (
        <li key={u.id} id={`unit-${u.id}`}>
          <strong>{pickText(u.name, locale)}</strong>{' '}
          <span className="muted">· {pickText(kindLabels[u.kind] ?? { id: u.kind }, locale)}</span>
          {u.handles ? <div>{pickText(u.handles, locale)}</div> : null}
          {u.contacts.phone || u.contacts.email ? (
            <div className="muted">{[u.contacts.phone, u.contacts.email].filter(Boolean).join(' · ')}</div>
          ) : null}
          <UnitTree units={units} parentId={u.id} kindLabels={kindLabels} />
        </li>
      ))}
    </ul>
  )
}

/** An office: open now, officer presence, the week's hours, address and map, units, counters, services. */
export default function OfficePage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { office: o, parent, children, units, counters, positions, hours, presence } = data.detail
  const unitName = (id: string | null) => {
    const unit = id ? units.find((u) => u.id === id) : undefined
    return unit ? pickText(unit.name, locale) : null
  }
  return (
    <article className="office-page">
      <p>
        <Link to="/direktori">{t('back')}</Link>
      </p>
      <p className="muted">
        {pickText(data.typeLabels[o.type], locale)}
        {o.shortName ? ` · ${o.shortName}` : null}
        {parent ? (
          <>
            {' · '}
            {t('partOf')}
            <Link to={`/direktori/${parent.slug}`}>{pickText(parent.name, locale)}</Link>
          </>
        ) : null}
      </p>
      <h1>{pickText(o.name, locale)}</h1>
      {o.description ? <p className="lead">{pickText(o.description, locale)}</p> : null}
      <RecordVerification verification={o.verification} timezone={data.timezone} unverifiedNote={t('unverifiedNote')} />

      <div className="service-answer">
        <section aria-labelledby="now-heading" className="office-now">
          <h2 id="now-heading">{t('now')}</h2>
          {hours ? (
            <p className="office-open-now">
              <OpenStatus status={hours.status} at={hours.status.at} timezone={data.timezone} />
            </p>
          ) : (
            <p className="muted">{t('noHours')}</p>
          )}
          {presence.length > 0 ? (
            <>
              <h3>{t('presence')}</h3>
              <PresenceList entries={presence} timezone={data.timezone} className="office-presence" />
            </>
          ) : null}
        </section>
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('contact')}</h2>
          <PlaceDetails address={o.address} area={o.kecamatan} coordinates={o.coordinates} contacts={o.contacts} />
        </section>
      </div>

      {hours && data.week ? (
        <HoursSection
          headingId="week-heading"
          label={pickText(hours.schedule.label, locale)}
          scheduleId={hours.schedule.id}
          week={{ ...data, week: data.week }}
        />
      ) : null}

      {data.sections.map((section) => (
        <SectionList key={section.id} section={section} />
      ))}

      {units.length > 0 ? (
        <section aria-labelledby="units-heading">
          <h2 id="units-heading">{t('units')}</h2>
          <UnitTree units={units} parentId={null} kindLabels={data.unitKindLabels} />
        </section>
      ) : null}

      {counters.length > 0 ? (
        <section aria-labelledby="counters-heading">
          <h2 id="counters-heading">{t('counters')}</h2>
          <ul className="list">
            {counters.map((c) => (
              <li key={c.id}>
                {t('counterLine', { code: c.code, name: pickText(c.name, locale) })}
                {c.location ? <span className="muted"> · {pickText(c.location, locale)}</span> : null}
                {unitName(c.unitId) ? <div className="muted">{unitName(c.unitId)}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {positions.length > 0 ? (
        <section aria-labelledby="positions-heading">
          <h2 id="positions-heading">{t('positions')}</h2>
          <ul className="list">
            {positions.map((p) => (
              <li key={p.id}>
                <strong>{pickText(p.title, locale)}</strong>
                {': '}
                {p.holderName ?? <span className="muted">{t('vacantName')}</span>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {children.length > 0 ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t('children')}</h2>
          <ul className="list">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/direktori/${c.slug}`}>{pickText(c.name, locale)}</Link>{' '}
                <span className="muted">· {pickText(data.typeLabels[c.type], locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
