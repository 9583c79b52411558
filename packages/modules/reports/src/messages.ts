import type { Locale, LocalizedText } from '@cerdas/core'

/**
 * What the module tells reporters when their input or submission is refused, Indonesian first.
 * Zod issues carry the Indonesian text; `localizeReportMessage` gives it in the reader's language.
 */
export const REPORT_MESSAGES = {
  categoryRequired: { id: 'Pilih jenis laporan.', en: 'Choose what the report is about.' },
  categoryUnknown: {
    id: 'Jenis laporan ini tidak ada atau tidak aktif.',
    en: 'This report category does not exist or is not active.',
  },
  descriptionRequired: {
    id: 'Ceritakan masalahnya (paling sedikit 10 huruf).',
    en: 'Describe the problem (at least 10 characters).',
  },
  descriptionTooLong: {
    id: 'Uraian paling banyak 2000 huruf.',
    en: 'The description may have at most 2000 characters.',
  },
  nameTooLong: { id: 'Nama paling banyak 100 huruf.', en: 'The name may have at most 100 characters.' },
  landmarkTooLong: {
    id: 'Patokan lokasi paling banyak 300 huruf.',
    en: 'The landmark may have at most 300 characters.',
  },
  phoneInvalid: {
    id: 'Nomor telepon tidak valid (contoh 0812 3456 7890).',
    en: 'The phone number is not valid (e.g. 0812 3456 7890).',
  },
  emailInvalid: { id: 'Alamat email tidak valid.', en: 'The email address is not valid.' },
  pointOutside: { id: 'Titik di peta harus berada di Indonesia.', en: 'The map point must be in Indonesia.' },
  locationRequired: {
    id: 'Tandai lokasi di peta, atau isi kecamatan dan desa (atau kecamatan dan patokan lokasi).',
    en: 'Mark the place on the map, or give the kecamatan and desa (or the kecamatan and a landmark).',
  },
  tooManyPhotos: { id: 'Paling banyak 3 foto.', en: 'At most 3 photos.' },
  photoInvalid: { id: 'Foto tidak dikenali; unggah ulang.', en: 'The photo is not recognised; upload it again.' },
  clientKeyInvalid: { id: 'Kunci pengiriman tidak valid.', en: 'The submission key is not valid.' },
  delayTokenMissing: {
    id: 'Formulir ini tidak lengkap. Muat ulang halaman lalu kirim lagi.',
    en: 'This form is incomplete. Reload the page and send it again.',
  },
  delayTokenYoung: {
    id: 'Formulir terkirim terlalu cepat. Tunggu beberapa detik lalu kirim lagi.',
    en: 'The form was sent too quickly. Wait a few seconds and send it again.',
  },
  delayTokenOld: {
    id: 'Formulir ini sudah terbuka lebih dari 24 jam. Muat ulang halaman lalu kirim lagi; isian Anda tetap tersimpan di perangkat bila memakai JavaScript.',
    en: 'This form has been open for more than 24 hours. Reload the page and send it again.',
  },
  delayTokenForged: {
    id: 'Formulir ini tidak dikenali. Muat ulang halaman lalu kirim lagi.',
    en: 'This form is not recognised. Reload the page and send it again.',
  },
  tooManyFromIp: {
    id: 'Terlalu banyak laporan dari jaringan ini dalam satu jam. Coba lagi nanti; laporan Anda tidak hilang bila disimpan di perangkat.',
    en: 'Too many reports from this network in one hour. Try again later.',
  },
  tooManyFromDevice: {
    id: 'Terlalu banyak laporan dari perangkat ini dalam satu jam. Coba lagi nanti.',
    en: 'Too many reports from this device in one hour. Try again later.',
  },
  trackingUnknown: { id: 'Kode pelacakan tidak dikenali.', en: 'The tracking code is not recognised.' },
  cannotConfirm: {
    id: 'Laporan ini belum selesai ditangani, jadi belum bisa dikonfirmasi.',
    en: 'This report is not resolved yet, so it cannot be confirmed.',
  },
  cannotReopen: { id: 'Laporan ini tidak bisa dibuka kembali.', en: 'This report cannot be reopened.' },
  reopenReason: { id: 'Tuliskan mengapa masalahnya belum selesai.', en: 'Say why the problem is not solved.' },
  noEmail: {
    id: 'Tidak ada alamat email pada laporan ini, jadi kami tidak dapat memastikan bahwa Anda pelapornya. Ekspor data tidak tersedia; penghapusan tetap bisa dengan kode pelacakan.',
    en: 'There is no email address on this report, so we cannot confirm you are its reporter. Export is not available; erasure still works with the tracking code.',
  },
  codeInvalid: {
    id: 'Kode sekali pakai salah atau sudah kedaluwarsa.',
    en: 'The one-time code is wrong or has expired.',
  },
  codeAttempts: { id: 'Terlalu banyak percobaan. Minta kode baru.', en: 'Too many attempts. Ask for a new code.' },
  erasedText: {
    id: 'Isi laporan dihapus atas permintaan pelapor.',
    en: 'The report text was erased at the reporter’s request.',
  },
  hiddenText: { id: 'Teks disembunyikan oleh moderator:', en: 'Text hidden by a moderator:' },
  codeMailSubject: { id: 'Kode sekali pakai untuk laporan', en: 'One-time code for report' },
  reportUnknown: { id: 'Laporan ini tidak ditemukan.', en: 'This report was not found.' },
  notYourTeam: {
    id: 'Peran Anda tidak mengizinkan tindakan ini pada laporan tim ini.',
    en: "Your roles do not allow this on this team's reports.",
  },
  reasonTooLong: { id: 'Alasan paling banyak 1000 huruf.', en: 'The reason may have at most 1000 characters.' },
  replyTooLong: { id: 'Balasan paling banyak 2000 huruf.', en: 'The reply may have at most 2000 characters.' },
  badMove: {
    id: 'Laporan tidak bisa dipindah dari status ini ke status itu.',
    en: 'A report cannot move from this status to that one.',
  },
  officeUnknown: { id: 'Kantor ini tidak ada di direktori.', en: 'This office is not in the directory.' },
  unitUnknown: { id: 'Bidang ini bukan bagian dari kantor itu.', en: 'This unit is not part of that office.' },
  mergeTargetUnknown: {
    id: 'Tidak ada laporan tim ini dengan nomor tersebut.',
    en: 'There is no report of this team with that number.',
  },
  mergeIntoSelf: {
    id: 'Laporan tidak bisa digabung ke dirinya sendiri.',
    en: 'A report cannot be merged into itself.',
  },
  mergeTargetMerged: {
    id: 'Laporan tujuan sudah digabung ke laporan lain; gabungkan ke laporan itu.',
    en: 'The target report was itself merged into another; merge into that one.',
  },
  mergeClosed: {
    id: 'Laporan yang sudah ditutup atau ditolak tidak bisa digabung.',
    en: 'A closed or rejected report cannot be merged.',
  },
  mailUnavailable: {
    id: 'Email tidak dapat dikirim sekarang. Coba lagi nanti.',
    en: 'The email cannot be sent now. Try again later.',
  },
} satisfies Record<string, LocalizedText>

export type ReportMessageKey = keyof typeof REPORT_MESSAGES

const byIndonesian = new Map<string, LocalizedText>(Object.values(REPORT_MESSAGES).map((m) => [m.id, m]))

/** A module message (as zod issues and problems carry it, in Indonesian) in the reader's language. */
export function localizeReportMessage(message: string, locale: Locale): string {
  const known = byIndonesian.get(message)
  return locale === 'en' ? (known?.en ?? message) : message
}

/** The public text of a report whose text a moderator hid. */
export function hiddenTextNotice(reason: string, locale: Locale = 'id'): string {
  return `${REPORT_MESSAGES.hiddenText[locale === 'en' ? 'en' : 'id']} ${reason}`
}
