import { Link } from '@remix-run/react'
import { useAdminT } from './use-admin-t'

/**
 * Export (CSV, XLSX) and import links for an entity list, given the list's
 * path (`/admin/data/<module>/<entity>`). Shown to people who may edit it;
 * the export and import pages check the permission again.
 */
export function SheetLinks({ path, editable }: { path: string; editable: boolean }) {
  const t = useAdminT()
  if (!editable) return null
  const rest = path.replace(/^\/admin\/data\//, '')
  return (
    <nav className="sheet-links" aria-label={t('sheetLinks')}>
      <a href={`/admin/ekspor/${rest}?format=csv`} download>
        {t('exportCsv')}
      </a>{' '}
      ·{' '}
      <a href={`/admin/ekspor/${rest}?format=xlsx`} download>
        {t('exportXlsx')}
      </a>{' '}
      · <Link to={`/admin/impor/${rest}`}>{t('importSheet')}</Link>
    </nav>
  )
}
