import { isProblemError } from '@cerdas/core'
import { pickText } from '@cerdas/core/web'
import { Pager } from '@cerdas/ui'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Badge, FlashNotice } from '../admin/components'
import { can, entityFor, verificationOf } from '../admin/entity.server'
import { requireConsole, takeFlash } from '../admin/guard.server'
import { SheetLinks } from '../admin/sheets-links'
import { useAdminT } from '../admin/use-admin-t'

const PAGE_SIZE = 20

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  const { locale, ctx } = console
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined
  let page: { items: unknown[]; nextCursor: string | null }
  try {
    page = await ce.entity.list(ctx, { cursor, limit: PAGE_SIZE })
  } catch (error) {
    // A stale or edited cursor starts again from the first page.
    if (!isProblemError(error) || error.problem.status !== 400 || !cursor) throw error
    page = await ce.entity.list(ctx, { limit: PAGE_SIZE })
  }
  const { flash, headers } = takeFlash(request, console)
  return data(
    {
      title: pickText(ce.entity.title, locale),
      path: ce.path,
      isFirst: !cursor,
      nextCursor: page.nextCursor,
      canCreate: can(console, ce, 'create'),
      createUrl: ce.entity.createUrl ?? `${ce.path}/baru`,
      columns: ce.entity.columns.map((c) => pickText(c.label, locale)),
      tracksVerification: Boolean(ce.entity.verificationOf),
      rows: page.items.map((item) => ({
        id: ce.entity.idOf(item),
        label: ce.entity.labelOf(item, locale),
        href: ce.entity.editUrl?.(item) ?? `${ce.path}/${encodeURIComponent(ce.entity.idOf(item))}`,
        links: (ce.entity.links?.(item) ?? []).map((l) => ({ label: pickText(l.label, locale), url: l.url })),
        cells: ce.entity.columns.map((c) => c.value(item, locale)),
        verification: verificationOf(ce, item, console),
      })),
      flash,
    },
    { headers },
  )
}

export default function EntityList() {
  const d = useLoaderData<typeof loader>()
  const t = useAdminT()
  return (
    <>
      <div className="admin-heading">
        <h1>{d.title}</h1>
        {d.canCreate ? (
          <Link className="button" to={d.createUrl}>
            {t('addNew')}
          </Link>
        ) : null}
      </div>
      <FlashNotice flash={d.flash} />
      <SheetLinks path={d.path} editable={d.canCreate} />
      {d.rows.length === 0 ? (
        <p>{t('emptyList')}</p>
      ) : (
        <div className="table-wrap">
          <table className="admin-table entity-list">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                {d.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
                {d.tracksVerification ? <th scope="col">{t('verification')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((row) => (
                <tr key={row.id} data-id={row.id}>
                  <th scope="row">
                    <Link to={row.href}>{row.label}</Link>
                    {row.links.map((l) => (
                      <small key={l.url}>
                        {' · '}
                        <Link to={l.url}>{l.label}</Link>
                      </small>
                    ))}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={d.columns[i]}>{cell}</td>
                  ))}
                  {d.tracksVerification ? <td>{row.verification ? <Badge {...row.verification} /> : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager basePath={d.path} nextCursor={d.nextCursor} isFirst={d.isFirst} />
    </>
  )
}
