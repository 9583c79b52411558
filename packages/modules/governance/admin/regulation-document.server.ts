import { isProblemError, type Locale } from '@cerdas/core'
import { type AdminScreen, adminScreen, formatInstant, pickText } from '@cerdas/core/web'
import { REGULATION_KIND_LABELS, type Regulation, type RegulationKind, regulationDocumentPath } from '../src/regulation'
import {
  attachRegulationDocument,
  REGULATION_DOCUMENT_MAX_BYTES,
  regulationDocument,
  removeRegulationDocument,
} from '../src/regulation-documents'
import {
  documentNoticeText,
  type RegulationDocumentMessageKey,
  regulationDocumentT,
} from './regulation-document-messages'

/** What a refused form gives back: which form, and its error. */
export interface DocumentAnswer {
  intent: 'upload' | 'remove'
  error: string
}

const MAX_MB = Math.round(REGULATION_DOCUMENT_MAX_BYTES / (1024 * 1024))

/** The screen of regulations: opened by whoever may open them in the console; written by unlimited admins. */
export function regulationScreen(context: unknown, request: Request): AdminScreen {
  return adminScreen(context, request, { module: 'governance', entity: 'regulation' })
}

/** The regulation, or the console's 404. */
export async function regulationOr404(screen: AdminScreen, id: string): Promise<Regulation> {
  try {
    return (await screen.entity.get(screen.ctx, id)) as Regulation
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 404) throw new Response('Not found', { status: 404 })
    throw error
  }
}

const sizeText = (bytes: number, locale: Locale) =>
  bytes < 1024 * 1024
    ? `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`

/** The regulation and its document as the screen shows them, in the page's language. */
export async function documentPage(screen: AdminScreen, r: Regulation, request: Request) {
  const { ctx, locale } = screen
  const t = regulationDocumentT(locale)
  const document = await regulationDocument(ctx, r.id)
  const { key, headers } = screen.takeNotice(request)
  const when = (at: string) => formatInstant(at, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    data: {
      regulation: {
        id: r.id,
        title: pickText(r.title, locale),
        kind: [pickText(REGULATION_KIND_LABELS[r.kind as RegulationKind], locale), r.number].filter(Boolean).join(' '),
      },
      regulationPath: `${screen.path}/${encodeURIComponent(r.id)}`,
      document: document
        ? {
            url: document.url,
            fileName: document.fileName,
            detail: document.uploadedBy
              ? t('uploaded', {
                  size: sizeText(document.bytes, locale),
                  when: when(document.uploadedAt),
                  who: document.uploadedBy,
                })
              : t('uploadedBySystem', { size: sizeText(document.bytes, locale), when: when(document.uploadedAt) }),
          }
        : null,
      maxMb: MAX_MB,
      canUpdate: screen.can('update'),
      notice: documentNoticeText(key, locale),
    },
    headers,
  }
}

/**
 * Runs the posted form through the module's own functions (the API's): 403 for a person who may
 * not write regulations; a missing, non-PDF or too large file as an error next to the input.
 */
export async function documentAction(
  screen: AdminScreen,
  r: Regulation,
  form: FormData,
): Promise<{ ok: true; notice: RegulationDocumentMessageKey } | { ok: false; status: number; answer: DocumentAnswer }> {
  const t = regulationDocumentT(screen.locale)
  screen.require('update')
  const intent = form.get('_intent') === 'remove' ? 'remove' : 'upload'
  const refuse = (status: number, error: string) => ({ ok: false, status, answer: { intent, error } }) as const
  if (intent === 'remove') {
    try {
      await removeRegulationDocument(screen.ctx, r.id)
    } catch (error) {
      if (isProblemError(error) && error.problem.status === 404) return refuse(404, t('nothingToRemove'))
      throw error
    }
    return { ok: true, notice: 'noticeRemoved' }
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return refuse(422, t('fileRequired'))
  if (file.size > REGULATION_DOCUMENT_MAX_BYTES) return refuse(413, t('fileTooLarge', { max: MAX_MB }))
  try {
    const { changed } = await attachRegulationDocument(screen.ctx, r.id, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      name: file.name,
    })
    return { ok: true, notice: changed ? 'noticeUploaded' : 'noticeSame' }
  } catch (error) {
    if (!isProblemError(error) || error.problem.status >= 500) throw error
    if (error.problem.status === 413) return refuse(413, t('fileTooLarge', { max: MAX_MB }))
    if (error.problem.status === 422) return refuse(422, t('fileNotPdf'))
    throw error
  }
}

export { regulationDocumentPath }
