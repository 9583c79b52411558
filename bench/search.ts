// (c) Tenant search: 100,000 documents, ~2,000 queries (exact, prefix, synonym, typo, local).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SearchDocument, TenantContext } from '@cerdas/core'
import { createPlatform, createTenant, optimizeSearchIndex, searchTenant, toMatchQuery } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { repoRoot } from './lib/fixture'
import { percentile } from './lib/process'

const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000)
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 2_000)
const BATCH = 500

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rand = random(20260101)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
/** Zipf-like: the first words of a list come up far more often than the last, as in real text. */
const zipf = <T>(list: readonly T[]): T => list[Math.floor(list.length ** rand()) - 1] as T
const words = (list: readonly string[], n: number) => Array.from({ length: n }, () => zipf(list)).join(' ')

const SYLLABLES = [
  'ba',
  'li',
  'ge',
  'la',
  'gu',
  'bo',
  'ti',
  'po',
  'rsea',
  'si',
  'ma',
  'nu',
  'ha',
  'ran',
  'to',
  'pa',
  'rung',
  'sa',
]
const PLACES = Array.from({ length: 400 }, () => {
  const n = 2 + Math.floor(rand() * 3)
  const name = Array.from({ length: n }, () => pick(SYLLABLES)).join('')
  return name[0]?.toUpperCase() + name.slice(1)
})
const SERVICES = [
  ['Penerbitan KTP Elektronik (KTP-el)', 'perekaman kartu tanda penduduk elektronik'],
  ['Penerbitan Kartu Keluarga', 'kk baru perubahan data keluarga'],
  ['Kartu Identitas Anak (KIA)', 'kartu identitas anak di bawah 17 tahun'],
  ['Akta Kelahiran', 'pencatatan kelahiran kutipan akta kelahiran'],
  ['Akta Kematian', 'pencatatan kematian penduduk'],
  ['Akta Perkawinan', 'pencatatan perkawinan non muslim'],
  ['Surat Keterangan Pindah (SKPWNI)', 'pindah domisili keluar kabupaten'],
  ['Informasi SKCK', 'surat keterangan catatan kepolisian polres'],
  ['Nomor Induk Berusaha (NIB)', 'pendaftaran usaha oss umkm'],
  ['Persetujuan Bangunan Gedung (PBG)', 'dahulu izin mendirikan bangunan imb simbg'],
  ['Sertifikat Laik Fungsi (SLF)', 'kelaikan bangunan gedung'],
  ['Pendaftaran BPJS Kesehatan', 'jaminan kesehatan nasional kis'],
  ['Imunisasi Anak di Puskesmas', 'imunisasi dasar lengkap posyandu'],
  ['Rujukan ke RSUD', 'rumah sakit umum daerah rawat inap'],
  ['Izin Usaha Mikro', 'perizinan umkm'],
  ['Pengaduan Sampah', 'sampah tidak diangkut laporan warga'],
  ['Legalisir Dokumen Kependudukan', 'legalisir fotokopi ktp kk akta'],
  ['Surat Keterangan Tidak Mampu', 'sktm keringanan biaya berobat sekolah'],
]
const OFFICES = [
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Kesehatan',
  'Puskesmas',
  'Kantor Camat',
  'Kantor Kepala Desa',
  'Polsek',
  'Mal Pelayanan Publik',
  'Dinas Lingkungan Hidup',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Penanaman Modal dan PTSP',
  'Badan Pendapatan Daerah',
  'RSUD',
]
const TOPICS = [
  'jalan',
  'jembatan',
  'pasar',
  'sekolah',
  'banjir',
  'longsor',
  'festival',
  'pariwisata',
  'danau',
  'pertanian',
  'kopi',
  'padi',
  'nelayan',
  'ikan',
  'ulos',
  'gereja',
  'masjid',
  'olahraga',
  'sepakbola',
  'vaksinasi',
  'posyandu',
  'stunting',
  'bantuan',
  'sosial',
  'listrik',
  'air',
  'bersih',
  'sampah',
  'lingkungan',
  'pajak',
  'retribusi',
  'anggaran',
  'rapat',
  'musrenbang',
  'pemilihan',
  'kepala',
  'desa',
  'pelatihan',
  'umkm',
  'koperasi',
  'wisata',
  'kuliner',
  'penginapan',
  'hotel',
  'transportasi',
  'kapal',
  'pelabuhan',
  'bandara',
  'kesehatan',
  'pendidikan',
  'beasiswa',
  'guru',
  'siswa',
  'ujian',
  'lomba',
  'budaya',
  'adat',
  'tortor',
  'gondang',
  'pemuda',
  'pengumuman',
  'informasi',
]
const FILLER = [
  'pemerintah',
  'kabupaten',
  'masyarakat',
  'warga',
  'kegiatan',
  'pelaksanaan',
  'program',
  'tahun',
  'bulan',
  'minggu',
  'hari',
  'kerja',
  'bersama',
  'seluruh',
  'kecamatan',
  'kelurahan',
  'dilaksanakan',
  'diharapkan',
  'mendukung',
  'meningkatkan',
  'pembangunan',
  'pelayanan',
  'kepada',
  'dengan',
  'dalam',
  'untuk',
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'oleh',
  'akan',
  'telah',
  'sudah',
  'para',
  'peserta',
  'petugas',
  'kantor',
  'dinas',
  'bupati',
  'wakil',
  'sekretaris',
  'daerah',
]
const ADMIN = ['KTP', 'KTP-el', 'KK', 'akta kelahiran', 'akta kematian', 'KIA', 'SKCK', 'NIB', 'BPJS', 'IMB', 'PBG']
const KINDS = ['announcement', 'news', 'event', 'place'] as const

function document(i: number): SearchDocument {
  const place = pick(PLACES)
  if (i % 333 === 0) {
    const [title, extra] = pick(SERVICES) as [string, string]
    return {
      id: `svc_${i}`,
      module: 'services',
      kind: 'service',
      title: { id: `${title} ${place}` },
      body: { id: `${extra}. ${words(FILLER, 25)} ${words(ADMIN, 2)} ${words(TOPICS, 5)}.` },
      keywords: extra.split(' ').slice(0, 3),
      url: `/layanan/svc_${i}`,
      boost: 10,
    }
  }
  if (i % 50 === 0) {
    return {
      id: `ofc_${i}`,
      module: 'directory',
      kind: 'office',
      title: { id: `${pick(OFFICES)} ${place}` },
      body: { id: `Jalan ${pick(PLACES)} No. ${1 + Math.floor(rand() * 200)}, ${place}. ${words(FILLER, 15)}` },
      url: `/kantor/ofc_${i}`,
      boost: 5,
    }
  }
  // News, announcements, events and places: a topic or two, filler, now and then an identity document.
  const topic = `${pick(TOPICS)} ${pick(TOPICS)}`
  const admin = rand() < 0.05 ? ` ${pick(ADMIN)}` : ''
  const kind = pick(KINDS)
  return {
    id: `doc_${i}`,
    module: kind === 'place' ? 'tourism' : 'announcements',
    kind,
    title: {
      id: `${topic[0]?.toUpperCase()}${topic.slice(1)} di ${place}${admin}`,
      en: rand() < 0.2 ? `${topic} in ${place}` : undefined,
    },
    body: {
      id: `${words(FILLER, 20)} ${topic}${admin} ${words(FILLER, 15)} ${words(TOPICS, 4)} ${place}. ${words(FILLER, 20)}.`,
    },
    url: `/pengumuman/doc_${i}`,
    boost: 0,
  }
}

const QUERY_MIX: { kind: string; queries: string[] }[] = [
  {
    kind: 'exact',
    queries: [
      'ktp',
      'kartu keluarga',
      'akta kelahiran',
      'puskesmas',
      'festival danau',
      'pasar',
      'skck',
      'jadwal posyandu',
      'ulos',
      'nib',
    ],
  },
  { kind: 'prefix', queries: ['pengum', 'kesehat', 'pariwis', 'jemba', 'pelatih', 'kepend', 'sepakb', 'longs'] },
  {
    kind: 'synonym',
    queries: [
      'e-ktp',
      'ktp elektronik',
      'kk',
      'akta lahir',
      'imb',
      'izin mendirikan bangunan',
      'cara bikin ktp',
      'syarat mengurus kk',
      'surat pindah',
      'rumah sakit umum daerah',
    ],
  },
  {
    kind: 'typo',
    queries: [
      'akta kelahran',
      'kartu keluaga',
      'pembuatn ktp',
      'puskesmsa',
      'pengumumn',
      'pariwisaat',
      'jembatn rusak',
      'festifal',
    ],
  },
  {
    // What mostly news, events and places answer (few services name these): a search can not stop at the services.
    kind: 'local',
    queries: [
      `pasar ${PLACES[3]}`,
      `${PLACES[7]}`,
      `banjir ${PLACES[11]}`,
      `festival di ${PLACES[19]}`,
      'banjir longsor',
      'lomba sepakbola',
      'tortor gondang',
      'wisata kuliner',
    ],
  },
]

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

function summary(ms: number[]) {
  const total = ms.reduce((a, b) => a + b, 0)
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), qps: (ms.length / total) * 1000 }
}

export async function benchSearch() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cerdas-bench-search-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  try {
    await createTenant(platform, { slug: 'cari', template: 'kabupaten', seed: false })
    const tenant = await platform.tenantBySlug('cari')
    if (!tenant) throw new Error('tenant missing')
    const db = await platform.tenantDb(tenant.record)
    const ctx: TenantContext = platform.context(tenant, db, { actor: { kind: 'system', id: 'bench' } })

    // Through the real writer, in batches, as a module's bulk import or a rebuild would.
    const loadStarted = performance.now()
    for (let i = 0; i < DOCS; i += BATCH) {
      await ctx.search.upsert(Array.from({ length: Math.min(BATCH, DOCS - i) }, (_, j) => document(i + j)))
      if ((i + BATCH) % 20_000 === 0) process.stderr.write(`  indexed ${i + BATCH}/${DOCS}\n`)
    }
    await optimizeSearchIndex(db)
    const loadS = (performance.now() - loadStarted) / 1000
    const terms = await db.$client.execute(
      'SELECT (SELECT count(DISTINCT term) FROM cerdas_search_fuzzy) AS words, (SELECT count(*) FROM cerdas_search_terms) AS tokens',
    )
    console.log(
      `search: indexed ${DOCS} docs in ${loadS.toFixed(1)} s (${Math.round(DOCS / loadS)} docs/s, ${terms.rows[0]?.words} words in the typo index, ${terms.rows[0]?.tokens} distinct tokens)`,
    )

    const plan = Array.from({ length: QUERIES }, (_, i) => {
      const mix = QUERY_MIX[i % QUERY_MIX.length] as (typeof QUERY_MIX)[number]
      return { kind: mix.kind, q: pick(mix.queries) }
    })
    // Warm up the page cache and the JIT.
    for (const { q } of plan.slice(0, 100)) await searchTenant(ctx, q)

    // Baseline: one bare FTS5 query per input (prefix terms, bm25 less boost), the floor any search pays.
    const baseline: number[] = []
    const full: number[] = []
    const byKind = new Map<string, number[]>()
    let empty = 0
    for (const { kind, q } of plan) {
      const match = toMatchQuery(q)
      baseline.push(
        await timed(() =>
          db.$client.execute({
            sql: `SELECT d.id, d.title_id FROM cerdas_search s JOIN cerdas_search_documents d ON d.rowid = s.rowid
              WHERE cerdas_search MATCH ? ORDER BY bm25(cerdas_search, 0, 10, 1, 5) - d.boost LIMIT 10`,
            args: [match ?? '""'],
          }),
        ),
      )
      let hits = 0
      const ms = await timed(async () => {
        hits = (await searchTenant(ctx, q)).length
      })
      if (hits === 0) empty++
      full.push(ms)
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
    }
    const s = summary(full)
    const b = summary(baseline)
    console.log(
      `search: ${DOCS} docs, ${QUERIES} queries, p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, ${s.qps.toFixed(0)} queries/s (target p95 <= 20 ms); ${empty} without hits`,
    )
    console.log(
      `search: bare FTS5 query baseline p50 ${b.p50.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms; ratio p95 ${(s.p95 / b.p95).toFixed(2)}`,
    )
    console.log(
      `search: by kind ${[...byKind].map(([kind, ms]) => `${kind} p50 ${percentile(ms, 50).toFixed(2)} / p95 ${percentile(ms, 95).toFixed(2)} ms`).join(', ')}`,
    )
    return { ...s, baseline: b }
  } finally {
    platform.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSearch()
