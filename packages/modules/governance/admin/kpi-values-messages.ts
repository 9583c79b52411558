import { type Locale, type Messages, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'

/** Text of the screen that records a KPI's values, Indonesian first. */
export const kpiValuesMessages = {
  id: {
    title: 'Catat nilai',
    backToKpi: '← Kembali ke indikator',
    dimension: 'Dimensi',
    unit: 'Satuan',
    frequency: 'Frekuensi pengukuran',
    direction: 'Arah',
    baseline: 'Nilai dasar (baseline)',
    baselineIn: '{value} (tahun {year})',
    noBaseline: 'Belum diisi',
    targets: 'Target per tahun',
    noTargets: 'Belum ada target.',
    year: 'Tahun',
    target: 'Target',
    computedTitle: 'Dihitung otomatis',
    computedExplain:
      'Nilai indikator ini dihitung otomatis dari {indicator}: nilai periode berjalan dihitung saat dibaca, dan nilai setiap periode yang selesai dicatat sendiri setiap hari. Tidak perlu dicatat dengan tangan.',
    computedCurrent: 'Nilai periode berjalan ({period}): {value}',
    computedNothing: 'Periode berjalan ({period}): belum ada yang dihitung.',
    computedMissing: 'Modul yang menghitung indikator ini tidak aktif: tidak ada nilai yang dihitung.',
    valuesTitle: 'Nilai per periode',
    noValues: 'Belum ada nilai yang dicatat.',
    period: 'Periode',
    value: 'Nilai',
    source: 'Sumber',
    note: 'Catatan',
    recorded: 'Dicatat',
    recordedBy: '{when} oleh {who}',
    recordedBySystem: '{when} oleh sistem',
    history: 'Nilai sebelumnya ({count})',
    replaced: 'diganti',
    formTitle: 'Catat nilai untuk satu periode',
    formIntro:
      'Nilai baru untuk periode yang sudah tercatat menggantikannya; nilai lama tetap tersimpan dalam riwayat.',
    periodHelp: 'Periode {frequency}, sampai periode berjalan.',
    valueHelp: 'Dalam {unit}; pakai koma atau titik untuk desimal, misalnya 72,5.',
    sourceHelp: 'Dari mana nilai ini (laporan, survei, dokumen).',
    save: 'Simpan nilai',
    readOnly: 'Anda dapat melihat nilai indikator ini, tetapi tidak mencatatnya.',
    noticeRecorded: 'Nilai tersimpan.',
    errorSummary: 'Periksa isian berikut.',
    periodRequired: 'Pilih periode.',
    periodInvalid: 'Pilih periode {frequency}, misalnya {example}.',
    periodFuture: 'Periode ini belum dimulai.',
    valueRequired: 'Isi nilainya.',
    valueInvalid: 'Isi angka, misalnya 72,5.',
    sourceTooLong: 'Sumber paling banyak 300 karakter.',
    noteTooLong: 'Catatan paling banyak 1000 karakter.',
    computedRefused: 'Nilai indikator ini dihitung otomatis; tidak dicatat dengan tangan.',
    forbidden: 'Anda tidak berhak mencatat nilai indikator ini.',
    semester: 'Semester {n} {year}',
    quarter: 'Triwulan {n} {year}',
  },
  en: {
    title: 'Record values',
    backToKpi: '← Back to the KPI',
    dimension: 'Dimension',
    unit: 'Unit',
    frequency: 'Measured',
    direction: 'Direction',
    baseline: 'Baseline',
    baselineIn: '{value} (in {year})',
    noBaseline: 'Not given',
    targets: 'Targets by year',
    noTargets: 'No targets yet.',
    year: 'Year',
    target: 'Target',
    computedTitle: 'Computed automatically',
    computedExplain:
      "This KPI's values are computed from {indicator}: the current period's value when read, and each finished period's value is recorded daily on its own. There is nothing to record by hand.",
    computedCurrent: 'Current period ({period}): {value}',
    computedNothing: 'Current period ({period}): nothing computed yet.',
    computedMissing: 'The module computing this KPI is not enabled: no value is computed.',
    valuesTitle: 'Values by period',
    noValues: 'No values recorded yet.',
    period: 'Period',
    value: 'Value',
    source: 'Source',
    note: 'Note',
    recorded: 'Recorded',
    recordedBy: '{when} by {who}',
    recordedBySystem: '{when} by the system',
    history: 'Earlier values ({count})',
    replaced: 'replaced',
    formTitle: 'Record a value for a period',
    formIntro: 'A new value for a recorded period replaces it; the earlier value stays in the history.',
    periodHelp: 'Periods up to the current one ({frequency}).',
    valueHelp: 'In {unit}; use a comma or a point for decimals, e.g. 72.5.',
    sourceHelp: 'Where the value comes from (a report, a survey, a document).',
    save: 'Save the value',
    readOnly: "You may see this KPI's values but not record them.",
    noticeRecorded: 'The value was saved.',
    errorSummary: 'Please check the following.',
    periodRequired: 'Choose a period.',
    periodInvalid: 'Choose a {frequency} period, e.g. {example}.',
    periodFuture: 'This period has not begun yet.',
    valueRequired: 'Enter the value.',
    valueInvalid: 'Enter a number, e.g. 72.5.',
    sourceTooLong: 'The source has at most 300 characters.',
    noteTooLong: 'The note has at most 1000 characters.',
    computedRefused: "This KPI's values are computed automatically, not recorded by hand.",
    forbidden: "You may not record this KPI's values.",
    semester: 'Half {n} {year}',
    quarter: 'Q{n} {year}',
  },
} satisfies Messages

export type KpiValuesMessageKey = keyof typeof kpiValuesMessages.id

export const kpiValuesT = (locale: Locale) => translator(kpiValuesMessages, locale)

export function useKpiValuesT() {
  return translator(kpiValuesMessages, useLocale())
}

/** A notice passed on through a redirect, in the page's language; null for keys the screen does not know. */
export function kpiNoticeText(key: string | null, locale: Locale): string | null {
  if (!key?.startsWith('notice') || !Object.hasOwn(kpiValuesMessages.id, key)) return null
  return kpiValuesT(locale)(key as KpiValuesMessageKey)
}
