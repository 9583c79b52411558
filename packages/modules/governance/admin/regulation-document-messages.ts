import { type Locale, type Messages, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'

/** Text of the screen of a regulation's uploaded PDF, Indonesian first. */
export const regulationDocumentMessages = {
  id: {
    title: 'Dokumen PDF',
    backToRegulation: '← Kembali ke peraturan',
    intro:
      'Pindaian peraturan yang ditandatangani (PDF), ditautkan di halaman Smart City. Tautan JDIH pada peraturan tetap ditampilkan.',
    current: 'Dokumen sekarang',
    none: 'Belum ada dokumen yang diunggah.',
    open: 'Buka {name}',
    uploaded: '{size}, diunggah {when} oleh {who}',
    uploadedBySystem: '{size}, diunggah {when}',
    uploadTitle: 'Unggah PDF',
    replaceTitle: 'Ganti dengan PDF lain',
    file: 'Berkas PDF',
    fileHelp: 'Hanya PDF, paling besar {max} MB.',
    upload: 'Unggah',
    removeTitle: 'Hapus dokumen',
    removeHelp: 'Dokumen tidak lagi ditautkan; catatan audit tetap menyimpan keterangannya.',
    remove: 'Hapus dokumen',
    readOnly: 'Hanya admin tanpa batas dimensi yang mengunggah dokumen peraturan.',
    noticeUploaded: 'Dokumen tersimpan.',
    noticeSame: 'Berkas itu sudah tersimpan; tidak ada yang berubah.',
    noticeRemoved: 'Dokumen dihapus.',
    errorSummary: 'Periksa isian berikut.',
    fileRequired: 'Pilih berkas PDF.',
    fileNotPdf: 'Berkas ini bukan PDF. Unggah pindaian peraturan dalam format PDF.',
    fileTooLarge: 'Berkas terlalu besar: paling besar {max} MB.',
    nothingToRemove: 'Belum ada dokumen untuk dihapus.',
  },
  en: {
    title: 'PDF document',
    backToRegulation: '← Back to the regulation',
    intro:
      "The signed regulation's scan (PDF), linked on the Smart City page. The regulation's JDIH link is still shown.",
    current: 'Current document',
    none: 'No document uploaded yet.',
    open: 'Open {name}',
    uploaded: '{size}, uploaded {when} by {who}',
    uploadedBySystem: '{size}, uploaded {when}',
    uploadTitle: 'Upload a PDF',
    replaceTitle: 'Replace with another PDF',
    file: 'PDF file',
    fileHelp: 'PDF only, at most {max} MB.',
    upload: 'Upload',
    removeTitle: 'Remove the document',
    removeHelp: 'The document is no longer linked; the audit trail keeps its details.',
    remove: 'Remove the document',
    readOnly: 'Only admins unlimited by dimension upload regulation documents.',
    noticeUploaded: 'The document was saved.',
    noticeSame: 'That file was already saved; nothing changed.',
    noticeRemoved: 'The document was removed.',
    errorSummary: 'Please check the following.',
    fileRequired: 'Choose a PDF file.',
    fileNotPdf: "This file is not a PDF. Upload the regulation's scan as a PDF.",
    fileTooLarge: 'The file is too large: at most {max} MB.',
    nothingToRemove: 'There is no document to remove.',
  },
} satisfies Messages

export type RegulationDocumentMessageKey = keyof typeof regulationDocumentMessages.id

export const regulationDocumentT = (locale: Locale) => translator(regulationDocumentMessages, locale)

export function useRegulationDocumentT() {
  return translator(regulationDocumentMessages, useLocale())
}

/** A notice passed on through a redirect, in the page's language; null for keys the screen does not know. */
export function documentNoticeText(key: string | null, locale: Locale): string | null {
  if (!key?.startsWith('notice') || !Object.hasOwn(regulationDocumentMessages.id, key)) return null
  return regulationDocumentT(locale)(key as RegulationDocumentMessageKey)
}
