import { ConsoleNotice, CsrfField } from '@cerdas/ui'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import {
  type DocumentAnswer,
  documentAction,
  documentPage,
  regulationDocumentPath,
  regulationOr404,
  regulationScreen,
} from './regulation-document.server'
import { useRegulationDocumentT } from './regulation-document-messages'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.regulation.title} · Dokumen PDF` : 'Dokumen PDF' },
]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const screen = regulationScreen(context, request)
  const r = await regulationOr404(screen, params.id ?? '')
  const page = await documentPage(screen, r, request)
  return data(page.data, { headers: page.headers })
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const screen = regulationScreen(context, request)
  const r = await regulationOr404(screen, params.id ?? '')
  const form = await screen.readForm(request)
  const result = await documentAction(screen, r, form)
  if (!result.ok) return data(result.answer, { status: result.status })
  return screen.redirectWithNotice(regulationDocumentPath(r.id), result.notice)
}

export default function RegulationDocument() {
  const d = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as DocumentAnswer | undefined
  const t = useRegulationDocumentT()
  const uploadError = answer?.intent === 'upload' ? answer.error : null
  const removeError = answer?.intent === 'remove' ? answer.error : null
  return (
    <>
      <p>
        <Link to={d.regulationPath}>{t('backToRegulation')}</Link>
      </p>
      <p className="muted">
        {t('title')} · {d.regulation.kind}
      </p>
      <h1>{d.regulation.title}</h1>
      <ConsoleNotice text={d.notice} />
      <p className="muted">{t('intro')}</p>

      <h2>{t('current')}</h2>
      {d.document ? (
        <p id="regulation-document">
          <a href={d.document.url}>{t('open', { name: d.document.fileName })}</a>
          <br />
          <small className="muted">{d.document.detail}</small>
        </p>
      ) : (
        <p className="muted">{t('none')}</p>
      )}

      {d.canUpdate ? (
        <>
          <section className="admin-panel" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{d.document ? t('replaceTitle') : t('uploadTitle')}</h2>
            {uploadError ? (
              <div className="error-summary" role="alert" tabIndex={-1}>
                <p className="form-error">{t('errorSummary')}</p>
              </div>
            ) : null}
            <Form method="post" encType="multipart/form-data" noValidate className="admin-form">
              <CsrfField />
              <input type="hidden" name="_intent" value="upload" />
              <div className={`field${uploadError ? ' field-invalid' : ''}`}>
                <label htmlFor="document-file">{t('file')}</label>
                <p className="help" id="document-file-help">
                  {t('fileHelp', { max: d.maxMb })}
                </p>
                {uploadError ? (
                  <p className="field-error" id="document-file-error">
                    {uploadError}
                  </p>
                ) : null}
                <input
                  id="document-file"
                  name="file"
                  type="file"
                  accept="application/pdf,.pdf"
                  aria-describedby={uploadError ? 'document-file-error document-file-help' : 'document-file-help'}
                  {...(uploadError ? { 'aria-invalid': true } : {})}
                />
              </div>
              <button type="submit">{t('upload')}</button>
            </Form>
          </section>
          {d.document ? (
            <section className="admin-panel danger" aria-labelledby="remove-heading">
              <h2 id="remove-heading">{t('removeTitle')}</h2>
              <p className="muted">{t('removeHelp')}</p>
              {removeError ? (
                <div className="error-summary" role="alert" tabIndex={-1}>
                  <p className="form-error">{removeError}</p>
                </div>
              ) : null}
              <Form method="post" className="admin-form">
                <CsrfField />
                <input type="hidden" name="_intent" value="remove" />
                <button type="submit" className="danger">
                  {t('remove')}
                </button>
              </Form>
            </section>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('readOnly')}</p>
      )}
    </>
  )
}
