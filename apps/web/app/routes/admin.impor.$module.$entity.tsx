import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { isProblemError } from '@cerdas/core'
import { pickText, translator } from '@cerdas/core/web'
import {
  applyImport,
  csvByteLength,
  parseCsv,
  parseXlsx,
  planImport,
  sheetLimitOf,
  type Table,
  toCsv,
} from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '../admin/components'
import { entityFor } from '../admin/entity.server'
import { readForm, redirectWithFlash, requireConsole, text } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import {
  bodyTooLarge,
  confirmLimit,
  MAX_ROWS,
  MAX_SHEET_CSV_BYTES,
  MAX_UPLOAD_BYTES,
  type PreviewRow,
  permissionErrors,
  previewRows,
  requireSheet,
  sheetLimitText,
  sheetSignatureValid,
  shorten,
  signSheet,
} from '../admin/sheets.server'
import { useAdminT } from '../admin/use-admin-t'

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  requireSheet(console, ce)
  return { title: pickText(ce.entity.title, console.locale), path: ce.path, mb: MAX_UPLOAD_BYTES / 1024 / 1024 }
}

type Answer =
  | { stage: 'error'; error: string }
  | {
      stage: 'preview'
      fileName: string
      rows: PreviewRow[]
      totalRows: number
      invalidRows: number
      unknownColumns: string[]
      counts: { create: number; update: number; unchanged: number }
      payload: string | null
      signature: string | null
    }

const UTF8 = new TextDecoder('utf-8', { fatal: true })
const WINDOWS_1252 = new TextDecoder('windows-1252')

/** Spreadsheet programs save CSV as UTF-8 or, in older Excel, Windows-1252. */
const decodeText = (bytes: Uint8Array) => {
  try {
    return UTF8.decode(bytes)
  } catch {
    return WINDOWS_1252.decode(bytes)
  }
}

/** The sheet as the confirm form carries it: deflated CSV, so the preview page stays small. */
const packSheet = (csv: string) => deflateRawSync(Buffer.from(csv, 'utf8')).toString('base64url')

/** The CSV of {@link packSheet}; the form is signed, the size bound holds anyway. */
const unpackSheet = (payload: string) =>
  inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: MAX_SHEET_CSV_BYTES }).toString('utf8')

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

interface UploadedFile {
  name: string
  size: number
  type: string
  arrayBuffer(): Promise<ArrayBuffer>
}

const isFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && 'arrayBuffer' in value && 'size' in value

export async function action({ params, request, context }: ActionFunctionArgs) {
  const console = requireConsole(context, request)
  const ce = entityFor(console, params)
  requireSheet(console, ce)
  const t = translator(adminMessages, console.locale)
  const MB = MAX_UPLOAD_BYTES / 1024 / 1024
  const fail = (error: string, status: number) => data<Answer>({ stage: 'error', error }, { status })

  const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
  if (bodyTooLarge(request, multipart ? MAX_UPLOAD_BYTES : confirmLimit))
    return fail(t('fileTooLarge', { mb: MB }), 413)
  const form = await readForm(console, request)
  const intent = text(form, '_intent')

  let table: Table
  let fileName: string
  if (intent === 'preview') {
    const file = form.get('file')
    if (!isFile(file) || file.size === 0) return fail(t('fileRequired'), 422)
    if (file.size > MAX_UPLOAD_BYTES) return fail(t('fileTooLarge', { mb: MB }), 413)
    fileName = file.name.slice(0, 200)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const lower = fileName.toLowerCase()
    try {
      if (isZip(bytes)) table = await parseXlsx(Buffer.from(bytes))
      else if (lower.endsWith('.csv') || lower.endsWith('.txt') || file.type.startsWith('text/'))
        table = parseCsv(decodeText(bytes))
      else return fail(t('fileType'), 415)
    } catch (error) {
      const limit = sheetLimitOf(error)
      if (limit) return fail(sheetLimitText(limit, t), 413)
      return fail(t('fileUnreadable'), 422)
    }
  } else if (intent === 'confirm') {
    const payload = text(form, 'payload')
    if (!payload || !sheetSignatureValid(console, ce, payload, text(form, 'signature')))
      return fail(t('importExpired'), 400)
    table = parseCsv(unpackSheet(payload))
    fileName = text(form, 'fileName').slice(0, 200)
  } else throw new Response('Bad request', { status: 400 })

  if (table.length < 2) return fail(t('emptySheet'), 422)
  if (table.length - 1 > MAX_ROWS) return fail(t('tooManyRows', { max: MAX_ROWS }), 413)
  // Measured before planning and before any CSV is built: a small .xlsx can read as far more text.
  if (csvByteLength(table) > MAX_SHEET_CSV_BYTES)
    return fail(t('sheetTooMuchText', { mb: MAX_SHEET_CSV_BYTES / 1024 / 1024 }), 413)
  const plan = permissionErrors(console, ce, await planImport(console.ctx, ce.entity, table))

  if (intent === 'confirm' && plan.invalidRows === 0) {
    try {
      const counts = await applyImport(console.ctx, ce.entity, plan)
      const vars = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)]))
      return redirectWithFlash(ce.path, { key: 'importDone', vars }, console)
    } catch (error) {
      if (!isProblemError(error)) throw error
      return fail(t('importFailed', { detail: error.problem.detail ?? error.problem.title }), 409)
    }
  }

  const counts = { create: 0, update: 0, unchanged: 0 }
  for (const row of plan.rows) counts[row.action]++
  let payload: string | null = null
  if (plan.invalidRows === 0 && counts.create + counts.update > 0) payload = packSheet(toCsv(table))
  return data<Answer>(
    {
      stage: 'preview',
      fileName,
      rows: previewRows(ce, plan, table, console.locale),
      totalRows: plan.rows.length,
      invalidRows: plan.invalidRows,
      unknownColumns: plan.unknownColumns.map((column) => shorten(column)),
      counts,
      payload,
      signature: payload ? signSheet(console, ce, payload) : null,
    },
    { status: plan.invalidRows > 0 ? 422 : 200 },
  )
}

export default function EntityImport() {
  const { title, path, mb } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as Answer | undefined
  const t = useAdminT()
  const actionLabel = { create: t('importCreate'), update: t('importUpdate'), unchanged: t('importUnchanged') }
  const preview = answer?.stage === 'preview' ? answer : undefined
  return (
    <>
      <p>
        <Link to={path}>{t('backToList')}</Link>
      </p>
      <h1>{t('importTitle', { entity: title })}</h1>
      {answer?.stage === 'error' ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="form-error">{answer.error}</p>
        </div>
      ) : null}

      {preview ? (
        <section aria-labelledby="preview-heading" className="admin-panel import-preview">
          <h2 id="preview-heading">{t('previewTitle')}</h2>
          <p className="preview-summary">
            {t('previewSummary', {
              file: preview.fileName,
              create: preview.counts.create,
              update: preview.counts.update,
              unchanged: preview.counts.unchanged,
            })}
          </p>
          {preview.invalidRows > 0 ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              <p>{t('previewInvalid', { n: preview.invalidRows })}</p>
            </div>
          ) : null}
          {preview.rows.length < preview.totalRows ? (
            <p className="help">{t('previewRowsShown', { shown: preview.rows.length, total: preview.totalRows })}</p>
          ) : null}
          {preview.unknownColumns.length > 0 ? (
            <p className="help">{t('unknownColumns', { columns: preview.unknownColumns.join(', ') })}</p>
          ) : null}
          <div className="table-wrap">
            <table className="admin-table import-rows">
              <thead>
                <tr>
                  <th scope="col">{t('line')}</th>
                  <th scope="col">{t('importAction')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('problems')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr
                    key={row.line}
                    data-line={row.line}
                    data-action={row.action}
                    className={row.errors.length > 0 ? 'row-invalid' : undefined}
                  >
                    <th scope="row">{row.line}</th>
                    <td className="import-action">{actionLabel[row.action]}</td>
                    <td>
                      {row.label}
                      {row.id ? (
                        <>
                          <br />
                          <code className="muted">{row.id}</code>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {row.errors.length > 0 ? (
                        <ul className="row-errors">
                          {row.errors.map((e) => (
                            <li key={`${e.field}-${e.message}`} data-field={e.field}>
                              <strong>{e.label}</strong>: {e.message}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.payload && preview.signature ? (
            <Form method="post" className="admin-form" id="confirm-import">
              <CsrfField />
              <input type="hidden" name="_intent" value="confirm" />
              <input type="hidden" name="fileName" value={preview.fileName} />
              <input type="hidden" name="payload" value={preview.payload} />
              <input type="hidden" name="signature" value={preview.signature} />
              <p className="help">{t('confirmNote')}</p>
              <button type="submit">{t('confirmImport', { n: preview.counts.create + preview.counts.update })}</button>
            </Form>
          ) : preview.invalidRows === 0 ? (
            <p>{t('nothingToImport')}</p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="upload-heading" className="admin-panel">
        <h2 id="upload-heading">{t('importSheet')}</h2>
        <p className="muted">{t('importIntro', { mb })}</p>
        <Form method="post" encType="multipart/form-data" className="admin-form" id="upload-import">
          <CsrfField />
          <input type="hidden" name="_intent" value="preview" />
          <div className="field">
            <label htmlFor="f-file">{t('importFile')}</label>
            <input
              id="f-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
            />
          </div>
          <button type="submit">{t('previewButton')}</button>
        </Form>
      </section>
    </>
  )
}
