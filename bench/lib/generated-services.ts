// The public services every system of the peer bench serves: generated, deterministic (the same
// seed gives the same 10,000 services each run), with the offices of the Toba template they name.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './fixture'

export interface Text {
  id: string
  en: string
}

export interface GeneratedOffice {
  slug: string
  name: Text
  shortName: string
  kecamatan: string
}

/** A service in the shape Cerdas's create takes; the other systems store the same values in columns. */
export interface GeneratedService {
  name: Text
  summary: Text
  category: string
  /** Slug of the responsible office (one of the Toba template's). */
  officeId: string
  synonyms: string[]
  audience: string[]
  requirements: { document: Text }[]
  procedure: Text[]
  fee: { free: true } | { free: false; amount: number }
  processingTime: { value: number; unit: 'working_days' | 'days' | 'hours' }
  legalBasis: string[]
}

/** The offices of the Toba template, the ones Cerdas's seeded tenant has. */
export function benchOffices(): GeneratedOffice[] {
  const directory = JSON.parse(readFileSync(join(repoRoot, 'templates/toba/data/directory.json'), 'utf8')) as {
    offices: { key: string; name: Text; shortName?: string; kecamatan?: string }[]
  }
  return directory.offices.map((o) => ({
    slug: o.key,
    name: o.name,
    shortName: o.shortName ?? o.name.id,
    kecamatan: o.kecamatan ?? '',
  }))
}

/** mulberry32: a small seeded generator, so every run (and every system) gets the same services. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KINDS: [string, string][] = [
  ['Surat Keterangan', 'Certificate of'],
  ['Izin', 'Permit for'],
  ['Rekomendasi', 'Recommendation for'],
  ['Pendaftaran', 'Registration of'],
  ['Pelayanan', 'Service for'],
  ['Penerbitan', 'Issuing of'],
  ['Legalisasi', 'Legalisation of'],
  ['Perpanjangan', 'Renewal of'],
]
const SUBJECTS: [string, string][] = [
  ['Usaha Mikro', 'micro business'],
  ['Domisili', 'residence'],
  ['Tidak Mampu', 'low income'],
  ['Bangunan Gedung', 'building'],
  ['Reklame', 'billboard'],
  ['Praktik Bidan', 'midwife practice'],
  ['Penelitian', 'research'],
  ['Keramaian', 'public event'],
  ['Kelahiran', 'birth'],
  ['Pindah Datang', 'moving in'],
  ['Rumah Makan', 'restaurant'],
  ['Pariwisata', 'tourism business'],
  ['Apotek', 'pharmacy'],
  ['Sekolah Swasta', 'private school'],
  ['Kelompok Tani', 'farmers group'],
  ['Lingkungan Hidup', 'environment'],
]
const WORDS = [
  'warga',
  'desa',
  'kecamatan',
  'berkas',
  'loket',
  'pemohon',
  'dokumen',
  'pelayanan',
  'petugas',
  'kabupaten',
  'syarat',
  'formulir',
  'verifikasi',
  'daring',
  'kantor',
  'tanda terima',
]
const DOCUMENTS: [string, string][] = [
  ['Fotokopi KTP-el', 'Copy of the e-KTP'],
  ['Fotokopi Kartu Keluarga', 'Copy of the family card'],
  ['Surat pengantar dari desa/kelurahan', 'Cover letter from the village'],
  ['Pas foto 3x4 berwarna', 'Colour photo 3x4'],
  ['Formulir permohonan yang telah diisi', 'Completed application form'],
  ['Bukti pembayaran PBB tahun berjalan', 'Proof of this year’s land tax'],
]
const STEPS: [string, string][] = [
  ['Pemohon mengisi formulir permohonan', 'The applicant fills in the form'],
  ['Serahkan berkas persyaratan di loket pelayanan', 'Hand in the documents at the counter'],
  ['Petugas memeriksa kelengkapan berkas', 'The officer checks the documents'],
  ['Kepala bidang menandatangani dokumen', 'The head of division signs the document'],
  ['Dokumen diserahkan kepada pemohon', 'The document is handed to the applicant'],
]
const CATEGORIES = [
  'kependudukan',
  'perizinan',
  'kesehatan',
  'pendidikan',
  'sosial',
  'pajak',
  'lingkungan',
  'pariwisata',
]
const AUDIENCES = ['residents', 'businesses', 'visitors', 'institutions']

/** `count` services, the same ones for the same count and seed. */
export function generateServices(count: number, offices: GeneratedOffice[], seed = 20261207): GeneratedService[] {
  const random = seeded(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(random() * (max - min + 1))
    const shuffled = [...list]
    for (let j = shuffled.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1))
      ;[shuffled[j], shuffled[k]] = [shuffled[k] as T, shuffled[j] as T]
    }
    return shuffled.slice(0, n)
  }
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS))
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
  }
  const services: GeneratedService[] = []
  for (let i = 0; i < count; i++) {
    const [kindId, kindEn] = pick(KINDS)
    const [subjectId, subjectEn] = pick(SUBJECTS)
    const number = String(i + 1).padStart(5, '0')
    const free = random() < 0.7
    services.push({
      // The number keeps names (and so slugs) unique.
      name: { id: `${kindId} ${subjectId} ${number}`, en: `${kindEn} ${subjectEn} ${number}` },
      summary: {
        id: `${kindId} ${subjectId.toLowerCase()} bagi warga Kabupaten Toba. ${sentence(12)} ${sentence(10)}`,
        en: `${kindEn} ${subjectEn} for residents of Toba Regency. Handled at the counter and online.`,
      },
      category: pick(CATEGORIES),
      officeId: (pick(offices) as GeneratedOffice).slug,
      synonyms: [subjectId.toLowerCase(), `${kindId.toLowerCase()} ${subjectId.toLowerCase()}`, pick(WORDS)],
      audience: some(AUDIENCES, 1, 2),
      requirements: some(DOCUMENTS, 1, 4).map(([id, en]) => ({ document: { id, en } })),
      procedure: some(STEPS, 2, 5).map(([id, en]) => ({ id, en })),
      fee: free ? { free: true } : { free: false, amount: 10_000 * (1 + Math.floor(random() * 50)) },
      processingTime: { value: 1 + Math.floor(random() * 14), unit: pick(['working_days', 'days', 'hours'] as const) },
      legalBasis: [`Peraturan Bupati Toba Nomor ${1 + Math.floor(random() * 60)} Tahun ${2015 + (i % 10)}`],
    })
  }
  return services
}

/** The slug the other systems store (Cerdas derives its own from the name; the bench maps by position). */
export function slugOf(service: GeneratedService): string {
  return service.name.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
