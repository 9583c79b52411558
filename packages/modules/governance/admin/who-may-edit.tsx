import { adminScreen } from '@cerdas/core/web'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { dimensionHeadings, type RoleCell, whoMayEdit } from './who-may-edit.server'
import { useWhoMayEditT, type WhoMayEditMessageKey } from './who-may-edit-messages'

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Roles are the tenant's to give: the screen is for whoever manages users (unlimited admins).
  const screen = adminScreen(context, request, {
    module: 'governance',
    entity: 'team_member',
    permission: 'cerdas.users:manage',
  })
  const locale = screen.locale === 'en' ? 'en' : 'id'
  return {
    accounts: await whoMayEdit(screen.ctx),
    dimensions: dimensionHeadings(locale),
    teamsPath: screen.path,
  }
}

function Roles({ cells, team }: { cells: RoleCell[]; team?: string }) {
  const t = useWhoMayEditT()
  if (cells.length === 0) return <span className="muted">{t('none')}</span>
  return (
    <ul className="plain">
      {cells.map((c) => (
        <li key={c.role} data-role={c.role} data-origin={c.team ? 'team' : 'hand'}>
          {t(`role_${c.role}` as WhoMayEditMessageKey)}{' '}
          <small className="muted">
            {[
              ...(c.team && team ? [`${t('fromTeam', { team })}${c.team === 'lead' ? ` (${t('lead')})` : ''}`] : []),
              ...(c.byHand ? [t('byHand')] : []),
            ].join(' · ')}
          </small>
        </li>
      ))}
    </ul>
  )
}

export default function WhoMayEdit() {
  const d = useLoaderData<typeof loader>()
  const t = useWhoMayEditT()
  return (
    <>
      <div className="admin-heading">
        <h1>{t('title')}</h1>
        <Link className="button" to={d.teamsPath}>
          {t('manageTeams')}
        </Link>
      </div>
      <p className="muted">{t('intro')}</p>
      <p>
        <Link to="/admin/pengguna">{t('manageUsers')}</Link>
      </p>
      {d.accounts.length === 0 ? (
        <p>{t('noUsers')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table" id="who-may-edit">
            <thead>
              <tr>
                <th scope="col">{t('account')}</th>
                <th scope="col">{t('allDimensions')}</th>
                {d.dimensions.map((dim) => (
                  <th scope="col" key={dim.id}>
                    {dim.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.accounts.map((a) => (
                <tr key={a.id} data-email={a.email}>
                  <th scope="row">
                    {a.name}
                    <br />
                    <small className="muted">
                      {a.email}
                      {a.disabled ? ` · ${t('disabled')}` : ''}
                    </small>
                  </th>
                  <td>
                    <Roles cells={a.everywhere} />
                  </td>
                  {d.dimensions.map((dim) => (
                    <td key={dim.id} data-dimension={dim.id}>
                      <Roles cells={a.byDimension[dim.id as keyof typeof a.byDimension]} team={dim.title} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
