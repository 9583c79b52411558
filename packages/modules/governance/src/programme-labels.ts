import type { LocalizedText } from '@cerdas/core'

const label = (id: string, en: string): LocalizedText => ({ id, en })

export const PROGRAMME_KINDS = ['programme', 'quick_win'] as const
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number]
export const PROGRAMME_KIND_LABELS: Record<ProgrammeKind, LocalizedText> = {
  programme: label('Program', 'Programme'),
  quick_win: label('Quick win', 'Quick win'),
}

export const BUDGET_SOURCES = ['apbd', 'apbn', 'dak', 'dau', 'csr', 'swasta', 'lainnya'] as const
export type BudgetSource = (typeof BUDGET_SOURCES)[number]
export const BUDGET_SOURCE_LABELS: Record<BudgetSource, LocalizedText> = {
  apbd: label('APBD', 'Regional budget (APBD)'),
  apbn: label('APBN', 'National budget (APBN)'),
  dak: label('DAK (Dana Alokasi Khusus)', 'Special allocation fund (DAK)'),
  dau: label('DAU (Dana Alokasi Umum)', 'General allocation fund (DAU)'),
  csr: label('CSR', 'Corporate social responsibility (CSR)'),
  swasta: label('Swasta', 'Private'),
  lainnya: label('Lainnya', 'Other'),
}

export const PROGRAMME_STATUSES = ['planned', 'ongoing', 'done', 'delayed', 'cancelled'] as const
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number]
export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, LocalizedText> = {
  planned: label('Direncanakan', 'Planned'),
  ongoing: label('Berjalan', 'Ongoing'),
  done: label('Selesai', 'Done'),
  delayed: label('Tertunda', 'Delayed'),
  cancelled: label('Dibatalkan', 'Cancelled'),
}
