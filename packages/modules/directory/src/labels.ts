import type { LocalizedText } from '@cerdas/core'
import type { OFFICE_TYPES, UNIT_KINDS } from './validation'

/** How office types and unit kinds read on pages and in the console. */

export const OFFICE_TYPE_LABELS: Record<(typeof OFFICE_TYPES)[number], LocalizedText> = {
  dinas: { id: 'Dinas', en: 'Agency (dinas)' },
  badan: { id: 'Badan', en: 'Board (badan)' },
  kecamatan: { id: 'Kantor camat', en: 'District office' },
  kelurahan: { id: 'Kantor lurah', en: 'Urban village office' },
  desa: { id: 'Kantor desa', en: 'Village office' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  rsud: { id: 'RSUD', en: 'Regional hospital' },
  mpp: { id: 'Mal Pelayanan Publik', en: 'Public service mall' },
  sekretariat: { id: 'Sekretariat', en: 'Secretariat' },
  other: { id: 'Lainnya', en: 'Other' },
}

export const UNIT_KIND_LABELS: Record<(typeof UNIT_KINDS)[number], LocalizedText> = {
  bidang: { id: 'Bidang', en: 'Division' },
  seksi: { id: 'Seksi', en: 'Section' },
  subbagian: { id: 'Subbagian', en: 'Sub-division' },
  uptd: { id: 'UPTD', en: 'Technical unit' },
  other: { id: 'Lainnya', en: 'Other' },
}
