import { DIMENSION_IDS, DIMENSIONS } from '@cerdas/core'
import { formatInstant, pickText } from '@cerdas/core/web'
import { listUsers } from '@cerdas/identity'
import { auditScopeOf, consoleEntities, entityHealth, listAudit, listVisibleAudit, mayView } from '@cerdas/platform'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useActionLabel } from '../admin/components'
import { may, requireConsole } from '../admin/guard.server'
import { useAdminT } from '../admin/use-admin-t'

const EXPIRING_DAYS = 14

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, session, locale, definitions } = requireConsole(context, request)
  const requested = Number(new URL(request.url).searchParams.get('hari'))
  const staleDays = Number.isInteger(requested) && requested > 0 && requested <= 3650 ? requested : 180
  const visible = consoleEntities(definitions, ctx.tenant).filter((e) => mayView(session.grants, e))
  const when = (iso: string) => formatInstant(iso, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'short' })

  // Grouped by dimension, in the programme's order: each team finds its own rows together.
  const rank = (e: (typeof visible)[number]) => DIMENSION_IDS.indexOf(e.module.dimension)
  const dimensionTitle = (id: string) => {
    const d = DIMENSIONS.find((x) => x.id === id)
    return d ? pickText(d.title, locale) : id
  }
  const entities = await Promise.all(
    [...visible]
      .sort((a, b) => rank(a) - rank(b))
      .map(async (e) => {
        const health = await entityHealth(ctx, e.entity, { staleDays, expiringDays: EXPIRING_DAYS })
        return {
          name: e.name,
          path: e.path,
          dimension: dimensionTitle(e.module.dimension),
          title: pickText(e.entity.title, locale),
          ...health,
          expiringSoon: health.expiringSoon.map((x) => ({ ...x, path: `${e.path}/${x.id}`, when: when(x.expiresAt) })),
        }
      }),
  )

  // Everyone sees recent changes to what they may open; audit readers see every change in their scope.
  const readsAudit = may(session.grants, 'cerdas.audit:read', definitions)
  const byName = new Map(visible.map((e) => [e.name, e]))
  const users = new Map((await listUsers(ctx.db)).map((u) => [u.id, u.name]))
  const recent = (
    readsAudit
      ? await listVisibleAudit(ctx.db, { limit: 10 }, auditScopeOf(session.grants, definitions))
      : (await listAudit(ctx.db, { limit: 200 })).filter((entry) => byName.has(entry.entity))
  )
    .slice(0, 10)
    .map((entry) => {
      const ce = byName.get(entry.entity)
      return {
        seq: entry.seq,
        when: when(entry.at),
        actor: users.get(entry.actorId) ?? entry.actorId,
        action: entry.action,
        entity: ce ? pickText(ce.entity.title, locale) : entry.entity,
        entityId: entry.entityId,
        path: ce && entry.action !== 'delete' ? `${ce.path}/${entry.entityId}` : null,
      }
    })
  // Modules tell the team what is coming up (e.g. holidays and Ramadan hours) for what they may see.
  const visibleModules = new Set(visible.map((e) => e.module.id))
  const sections = []
  for (const mod of definitions) {
    if (!visibleModules.has(mod.id) || !mod.admin?.dashboard) continue
    const section = await mod.admin.dashboard(ctx)
    if (section)
      sections.push({
        id: mod.id,
        title: pickText(section.title, locale),
        empty: pickText(section.empty, locale),
        items: section.items,
      })
  }
  return { staleDays, entities, recent, sections }
}

export default function Dashboard() {
  const { staleDays, entities, recent, sections } = useLoaderData<typeof loader>()
  const t = useAdminT()
  const actionLabel = useActionLabel()
  const expiring = entities.flatMap((e) => e.expiringSoon.map((x) => ({ ...x, entity: e.title })))
  return (
    <>
      <h1>{t('dashboard')}</h1>
      {entities.length === 0 ? (
        <p>{t('noEntities')}</p>
      ) : (
        <section aria-labelledby="health">
          <h2 id="health">{t('verification')}</h2>
          <p className="muted">{t('dashboardIntro', { days: staleDays })}</p>
          <div className="table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('entity')}</th>
                  <th scope="col">{t('total')}</th>
                  <th scope="col">{t('neverVerified')}</th>
                  <th scope="col">{t('stale', { days: staleDays })}</th>
                </tr>
              </thead>
              <tbody>
                {entities.flatMap((e, i) => [
                  ...(entities[i - 1]?.dimension === e.dimension
                    ? []
                    : [
                        <tr key={`dimension-${e.dimension}`} className="group-row">
                          <th scope="rowgroup" colSpan={4}>
                            {e.dimension}
                          </th>
                        </tr>,
                      ]),
                  <tr key={e.name} data-entity={e.name}>
                    <th scope="row">
                      <Link to={e.path}>{e.title}</Link>
                      {e.truncated ? <span className="muted"> · {t('truncatedNote', { n: e.total })}</span> : null}
                    </th>
                    <td>{e.total}</td>
                    <td className={e.neverVerified ? 'attention' : undefined}>
                      {e.neverVerified === null ? t('notTracked') : <Link to={e.path}>{e.neverVerified}</Link>}
                    </td>
                    <td className={e.stale ? 'attention' : undefined}>
                      {e.stale === null ? t('notTracked') : <Link to={e.path}>{e.stale}</Link>}
                    </td>
                  </tr>,
                ])}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="expiring">
        <h2 id="expiring">{t('expiringSoon', { days: EXPIRING_DAYS })}</h2>
        {expiring.length === 0 ? (
          <p className="muted">{t('noneExpiring')}</p>
        ) : (
          <ul className="list">
            {expiring.map((x) => (
              <li key={x.path}>
                <Link to={x.path}>{x.label}</Link>{' '}
                <span className="muted">
                  · {x.entity} · {t('expiresOn', { date: x.when })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`upcoming-${section.id}`} className="dashboard-module">
          <h2 id={`upcoming-${section.id}`}>{section.title}</h2>
          {section.items.length === 0 ? (
            <p className="muted">{section.empty}</p>
          ) : (
            <ul className="list">
              {section.items.map((item) => (
                <li key={`${item.url}-${item.label}-${item.detail}`}>
                  {item.url ? <Link to={item.url}>{item.label}</Link> : item.label}
                  {item.detail ? <span className="muted"> · {item.detail}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <section aria-labelledby="recent">
        <h2 id="recent">{t('recentChanges')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('noChanges')}</p>
        ) : (
          <ul className="list recent-changes">
            {recent.map((r) => (
              <li key={r.seq}>
                <span className="audit-action">{actionLabel(r.action)}</span> {r.entity} ·{' '}
                {r.path ? <Link to={r.path}>{r.entityId}</Link> : <code>{r.entityId}</code>}
                <span className="muted">
                  {' '}
                  · {r.actor} · {r.when}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
