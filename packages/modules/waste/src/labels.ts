/** Dependency-free constants, safe to import from pages. */

/** Kinds of drop point: a temporary collection point, a 3R point, a waste bank, a processing site or landfill. */
export const DROP_POINT_KINDS = ['tps', 'tps3r', 'bank_sampah', 'tpst', 'tpa', 'other'] as const
export type DropPointKind = (typeof DROP_POINT_KINDS)[number]

export const DROP_POINT_KIND_LABELS = {
  tps: { id: 'TPS (tempat penampungan sementara)', en: 'Temporary collection point (TPS)' },
  tps3r: { id: 'TPS3R (reduce, reuse, recycle)', en: 'Recycling point (TPS3R)' },
  bank_sampah: { id: 'Bank sampah', en: 'Waste bank' },
  tpst: { id: 'TPST (tempat pengolahan sampah terpadu)', en: 'Integrated processing site (TPST)' },
  tpa: { id: 'TPA (tempat pemrosesan akhir)', en: 'Landfill (TPA)' },
  other: { id: 'Lainnya', en: 'Other' },
} as const

/** What a drop point accepts, kept small so the filter stays useful. */
export const WASTE_TYPES = [
  'household',
  'organic',
  'plastic',
  'paper',
  'metal',
  'glass',
  'electronic',
  'hazardous',
  'bulky',
  'construction',
] as const
export type WasteType = (typeof WASTE_TYPES)[number]

export const WASTE_TYPE_LABELS = {
  household: { id: 'Sampah rumah tangga (campuran)', en: 'Household waste (mixed)' },
  organic: { id: 'Organik', en: 'Organic' },
  plastic: { id: 'Plastik', en: 'Plastic' },
  paper: { id: 'Kertas dan kardus', en: 'Paper and cardboard' },
  metal: { id: 'Logam', en: 'Metal' },
  glass: { id: 'Kaca', en: 'Glass' },
  electronic: { id: 'Elektronik', en: 'Electronics' },
  hazardous: { id: 'B3 rumah tangga (baterai, lampu)', en: 'Household hazardous (batteries, lamps)' },
  bulky: { id: 'Sampah besar (perabot)', en: 'Bulky waste (furniture)' },
  construction: { id: 'Puing bangunan', en: 'Construction debris' },
} as const

export const HOLIDAY_POLICY_LABELS = {
  skip: { id: 'Tidak diangkut', en: 'No collection' },
  'next-working-day': { id: 'Dipindah ke hari kerja berikutnya', en: 'Moved to the next working day' },
  'previous-working-day': { id: 'Dipindah ke hari kerja sebelumnya', en: 'Moved to the previous working day' },
  'as-usual': { id: 'Tetap diangkut seperti biasa', en: 'Collected as usual' },
} as const

export const WEEKDAY_LABELS = {
  mo: { id: 'Senin', en: 'Monday' },
  tu: { id: 'Selasa', en: 'Tuesday' },
  we: { id: 'Rabu', en: 'Wednesday' },
  th: { id: 'Kamis', en: 'Thursday' },
  fr: { id: 'Jumat', en: 'Friday' },
  sa: { id: 'Sabtu', en: 'Saturday' },
  su: { id: 'Minggu', en: 'Sunday' },
} as const
