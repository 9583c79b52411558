import { NavLink, useLocation } from '@remix-run/react'
import type { NavGroup, NavModule } from './nav.server'
import { useAdminT } from './use-admin-t'

/** Up to this many links every group stays open: collapsing a short list only hides it. */
const OPEN_ALL_UP_TO = 12
/** A team's console has its own group and few others: all stay open, there is nothing to choose among. */
const OPEN_GROUPS_UP_TO = 2

export interface AdminNavProps {
  groups: NavGroup[]
  can: { users: boolean; tokens: boolean; audit: boolean; settings: boolean }
}

const holds = (mod: NavModule, pathname: string) =>
  mod.prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))

/**
 * The console navigation: the dashboard and platform pages first, then one collapsible group per
 * dimension with its modules' entities and screens. <details> opens and closes without
 * JavaScript; the group of the current page is open and its link marked current.
 */
export function AdminNav({ groups, can }: AdminNavProps) {
  const t = useAdminT()
  const { pathname } = useLocation()
  const linkCount = groups.reduce((n, g) => n + g.modules.reduce((m, mod) => m + mod.links.length, 0), 0)
  return (
    <nav className="admin-nav" aria-label={t('adminNav')}>
      <ul className="admin-nav-main">
        <li>
          <NavLink to="/admin" end>
            {t('dashboard')}
          </NavLink>
        </li>
        {can.users ? (
          <li>
            <NavLink to="/admin/pengguna">{t('users')}</NavLink>
          </li>
        ) : null}
        {can.tokens ? (
          <li>
            <NavLink to="/admin/token">{t('tokens')}</NavLink>
          </li>
        ) : null}
        {can.audit ? (
          <li>
            <NavLink to="/admin/audit">{t('audit')}</NavLink>
          </li>
        ) : null}
        {can.settings ? (
          <li>
            <NavLink to="/admin/pengaturan">{t('settings')}</NavLink>
          </li>
        ) : null}
      </ul>
      <div className="admin-nav-groups">
        {groups.map((group) => {
          const current = group.modules.some((mod) => holds(mod, pathname))
          return (
            <details
              key={group.id}
              className="admin-nav-group"
              data-dimension={group.id}
              open={current || linkCount <= OPEN_ALL_UP_TO || groups.length <= OPEN_GROUPS_UP_TO}
            >
              <summary>{group.title}</summary>
              {group.modules.map((mod) => (
                <section key={mod.id} className="admin-nav-module" data-module={mod.id} aria-label={mod.title}>
                  <p className="admin-nav-module-title">{mod.title}</p>
                  <ul>
                    {mod.links.map((link) => (
                      <li key={link.path}>
                        <NavLink to={link.path}>{link.title}</NavLink>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </details>
          )
        })}
      </div>
    </nav>
  )
}
