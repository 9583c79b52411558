import { formatInstant, pickText } from '@cerdas/core/web'
import { listUsers } from '@cerdas/identity'
import {
  auditDiff,
  auditScopeCovers,
  auditScopeOf,
  consoleEntities,
  flushPendingAuditOf,
  listVisibleAudit,
} from '@cerdas/platform'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionLabel } from '../admin/components'
import { may, requireConsole, requirePermission } from '../admin/guard.server'
import { consolePlatform } from '../admin/settings.server'
import { useAdminT } from '../admin/use-admin-t'

const PAGE_SIZE = 25
const PLATFORM_ENTITIES = ['cerdas.user', 'cerdas.api_token', 'cerdas.session']
const ACTIONS = [
  'create',
  'update',
  'delete',
  'verify',
  'invite',
  'set-roles',
  'disable',
  'enable',
  'password-reset-issued',
  'password-set',
  'revoke',
  'login',
  'logout',
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.audit:read')
  const { ctx, locale } = console
  const params = new URL(request.url).searchParams
  const filters = {
    entity: params.get('entitas')?.trim().slice(0, 100) ?? '',
    entityId: params.get('id')?.trim().slice(0, 100) ?? '',
    actorId: params.get('pelaku')?.trim().slice(0, 100) ?? '',
    action: params.get('aksi')?.trim().slice(0, 60) ?? '',
  }
  const before = Number(params.get('sebelum'))
  const beforeSeq = Number.isInteger(before) && before > 0 ? before : undefined
  // A dimension team reads only its own modules' entries; platform entries need an unlimited grant.
  const scope = auditScopeOf(console.session.grants, console.definitions)
  // Settings changes waiting in the control plane are moved in first, so none is missing from the list.
  const platform = await consolePlatform(console)
  await flushPendingAuditOf(platform, ctx.tenant.id)
  const [rows, chain, users] = await Promise.all([
    listVisibleAudit(ctx.db, { ...filters, beforeSeq, limit: PAGE_SIZE + 1 }, scope),
    // The check covers every entry, so only someone who may read them all sees its result.
    may(console.session.grants, 'cerdas.audit:verify', console.definitions)
      ? platform.verifyAudit(ctx.tenant.id, ctx.db)
      : null,
    listUsers(ctx.db),
  ])
  const names = new Map(users.map((u) => [u.id, u.name]))
  const entities = consoleEntities(console.definitions, ctx.tenant).filter((e) => auditScopeCovers(scope, e.name))
  const titles = new Map(entities.map((e) => [e.name, `${pickText(e.entity.title, locale)} (${e.name})`]))
  const entries = rows.slice(0, PAGE_SIZE).map((r) => ({
    seq: r.seq,
    id: r.id,
    when: formatInstant(r.at, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'medium' }),
    actor: names.get(r.actorId) ?? r.actorId,
    actorKind: r.actorKind,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    diff: auditDiff(r.before, r.after),
  }))
  const query = new URLSearchParams()
  if (filters.entity) query.set('entitas', filters.entity)
  if (filters.entityId) query.set('id', filters.entityId)
  if (filters.actorId) query.set('pelaku', filters.actorId)
  if (filters.action) query.set('aksi', filters.action)
  const last = entries.at(-1)
  const older =
    rows.length > PAGE_SIZE && last ? `?${new URLSearchParams([...query, ['sebelum', String(last.seq)]])}` : null
  return {
    chain,
    filters,
    entries,
    older,
    newest: beforeSeq ? `/admin/audit${query.size ? `?${query}` : ''}` : null,
    entityOptions: [...entities.map((e) => e.name), ...(scope.all ? PLATFORM_ENTITIES : [])].map((value) => ({
      value,
      label: titles.get(value) ?? value,
    })),
    // Who the accounts are is platform data too.
    actors: scope.all ? users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })) : [],
    actions: ACTIONS,
  }
}

export default function Audit() {
  const d = useLoaderData<typeof loader>()
  const t = useAdminT()
  const actionLabel = useActionLabel()
  return (
    <>
      <h1>{t('audit')}</h1>
      {d.chain === null ? null : d.chain.ok ? (
        <p className="chain chain-ok" role="status">
          {t('chainOk', { n: d.chain.entries })}
        </p>
      ) : (
        <p className="chain chain-broken" role="alert">
          {t('chainBroken', {
            seq: d.chain.brokenAt?.seq ?? '?',
            id: d.chain.brokenAt?.id ?? '?',
            reason: d.chain.brokenAt?.reason ?? '',
          })}
        </p>
      )}

      <Form method="get" className="admin-form filters">
        <div className="field">
          <label htmlFor="f-entitas">{t('filterEntity')}</label>
          <select id="f-entitas" name="entitas" defaultValue={d.filters.entity}>
            <option value="">{t('all')}</option>
            {d.entityOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-id">{t('filterEntityId')}</label>
          <input id="f-id" name="id" defaultValue={d.filters.entityId} />
        </div>
        <div className="field">
          <label htmlFor="f-pelaku">{t('filterActor')}</label>
          <select id="f-pelaku" name="pelaku" defaultValue={d.filters.actorId}>
            <option value="">{t('anyone')}</option>
            {d.actors.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-aksi">{t('filterAction')}</label>
          <input id="f-aksi" name="aksi" list="audit-actions" defaultValue={d.filters.action} />
          <datalist id="audit-actions">
            {d.actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </datalist>
        </div>
        <div className="filter-buttons">
          <button type="submit">{t('filter')}</button>
          <Link to="/admin/audit">{t('clearFilters')}</Link>
        </div>
      </Form>

      {d.entries.length === 0 ? (
        <p>{t('noEntries')}</p>
      ) : (
        <ol className="audit-list">
          {d.entries.map((e) => (
            <li key={e.seq} data-seq={e.seq}>
              <details>
                <summary>
                  <span className="muted">#{e.seq}</span> <time>{e.when}</time> ·{' '}
                  <span className="audit-action">{actionLabel(e.action)}</span> · {e.entity} <code>{e.entityId}</code> ·{' '}
                  {e.actor}
                </summary>
                {e.diff.length === 0 ? (
                  <p className="muted">{t('noDetails')}</p>
                ) : (
                  <div className="table-wrap">
                    <table className="admin-table diff">
                      <thead>
                        <tr>
                          <th scope="col">{t('field')}</th>
                          <th scope="col">{t('before')}</th>
                          <th scope="col">{t('after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.diff.map((row) => (
                          <tr key={row.key} className={row.changed ? 'changed' : undefined}>
                            <th scope="row">
                              {row.key}
                              {row.changed ? <span className="visually-hidden"> ({t('changed')})</span> : null}
                            </th>
                            <td>{row.before ?? '—'}</td>
                            <td>{row.after ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
      <nav className="pager" aria-label="pagination">
        {d.newest ? <Link to={d.newest}>{t('newestEntries')}</Link> : <span />}
        {d.older ? <Link to={d.older}>{t('olderEntries')}</Link> : null}
      </nav>
    </>
  )
}
