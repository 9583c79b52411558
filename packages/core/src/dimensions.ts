import type { LocalizedText } from './localized-text'

/** The six dimensions of Indonesia's "Gerakan Menuju 100 Smart City" programme. */
export const DIMENSION_IDS = ['governance', 'branding', 'economy', 'living', 'society', 'environment'] as const

export type DimensionId = (typeof DIMENSION_IDS)[number]

export interface Dimension {
  id: DimensionId
  title: LocalizedText
  summary: LocalizedText
}

export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'governance',
    title: { id: 'Smart Governance', en: 'Smart Governance' },
    summary: { id: 'Pelayanan publik, birokrasi, dan kebijakan', en: 'Public services, bureaucracy and policy' },
  },
  {
    id: 'branding',
    title: { id: 'Smart Branding', en: 'Smart Branding' },
    summary: { id: 'Pariwisata, bisnis, dan citra daerah', en: 'Tourism, business and the image of the region' },
  },
  {
    id: 'economy',
    title: { id: 'Smart Economy', en: 'Smart Economy' },
    summary: {
      id: 'Kesejahteraan, UMKM, industri, dan perdagangan',
      en: 'Welfare, small business, industry and trade',
    },
  },
  {
    id: 'living',
    title: { id: 'Smart Living', en: 'Smart Living' },
    summary: { id: 'Kesehatan, transportasi, dan perumahan', en: 'Health, transport and housing' },
  },
  {
    id: 'society',
    title: { id: 'Smart Society', en: 'Smart Society' },
    summary: { id: 'Pendidikan, keamanan, dan partisipasi warga', en: 'Education, safety and community participation' },
  },
  {
    id: 'environment',
    title: { id: 'Smart Environment', en: 'Smart Environment' },
    summary: { id: 'Lingkungan, sampah, dan energi', en: 'Environment, waste and energy' },
  },
]

export function isDimensionId(value: string): value is DimensionId {
  return (DIMENSION_IDS as readonly string[]).includes(value)
}
