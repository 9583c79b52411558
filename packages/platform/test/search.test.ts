import type { SearchDocument, TenantContext } from '@cerdas/core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { rebuildSearchIndex, searchTenant, setTenantSynonyms, toMatchQuery } from '../src/search-index'
import { testPlatform } from './support'

const service = (id: string, title: string, body: string, keywords: string[] = []): SearchDocument => ({
  id,
  module: 'services',
  kind: 'service',
  title: { id: title },
  body: { id: body },
  keywords,
  url: `/layanan/${id}`,
  boost: 10,
})

const office = (id: string, title: string, body: string): SearchDocument => ({
  id,
  module: 'directory',
  kind: 'office',
  title: { id: title },
  body: { id: body },
  url: `/kantor/${id}`,
  boost: 5,
})

const news = (id: string, title: string, body: string): SearchDocument => ({
  id,
  module: 'announcements',
  kind: 'announcement',
  title: { id: title },
  body: { id: body },
  url: `/pengumuman/${id}`,
  boost: 0,
})

const DOCUMENTS: SearchDocument[] = [
  service(
    'svc_ktp',
    'Penerbitan KTP Elektronik (KTP-el)',
    'Perekaman dan pencetakan kartu tanda penduduk elektronik bagi warga berusia 17 tahun atau sudah menikah. Bawa fotokopi Kartu Keluarga. Gratis, selesai 1 hari kerja.',
    ['pembuatan ktp', 'rekam ktp', 'ktp hilang', 'ktp rusak'],
  ),
  service(
    'svc_kk',
    'Penerbitan Kartu Keluarga',
    'Pembuatan KK baru, perubahan data, atau penggantian KK yang hilang atau rusak. Syarat: surat pengantar RT/RW, KTP-el kepala keluarga, buku nikah.',
    ['kk baru', 'pisah kk', 'tambah anggota keluarga'],
  ),
  service(
    'svc_kia',
    'Kartu Identitas Anak (KIA)',
    'Kartu identitas untuk anak usia di bawah 17 tahun. Syarat: akta kelahiran anak, KK asli, KTP-el kedua orang tua.',
  ),
  service(
    'svc_akta_lahir',
    'Akta Kelahiran',
    'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran. Syarat: surat keterangan lahir dari bidan atau rumah sakit, KK, KTP-el orang tua, buku nikah.',
  ),
  service(
    'svc_akta_mati',
    'Akta Kematian',
    'Pencatatan kematian penduduk. Syarat: surat keterangan kematian dari desa atau rumah sakit, KK dan KTP-el almarhum.',
  ),
  service(
    'svc_skck',
    'Informasi SKCK',
    'Surat Keterangan Catatan Kepolisian diterbitkan oleh Polres. Bawa KTP-el, KK, akta kelahiran dan pas foto 4x6.',
  ),
  service(
    'svc_nib',
    'Nomor Induk Berusaha (NIB)',
    'Pendaftaran usaha melalui OSS untuk pelaku UMKM. Dibantu petugas di Mal Pelayanan Publik.',
  ),
  service(
    'svc_pbg',
    'Persetujuan Bangunan Gedung (PBG)',
    'Izin membangun, dahulu Izin Mendirikan Bangunan (IMB). Ajukan melalui SIMBG dengan gambar rencana bangunan.',
  ),
  service(
    'svc_pindah',
    'Surat Keterangan Pindah (SKPWNI)',
    'Untuk penduduk yang pindah domisili ke luar kabupaten. Syarat: KK dan KTP-el.',
  ),
  office(
    'ofc_dukcapil',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Melayani KTP-el, KK, KIA, akta kelahiran, akta kematian dan pindah datang penduduk. Jalan Sisingamangaraja No. 1, Balige.',
  ),
  office('ofc_polres', 'Polres Toba', 'Pelayanan SKCK, SIM dan laporan kehilangan. Jalan Pagar Batu, Balige.'),
  office('ofc_puskesmas', 'Puskesmas Balige', 'Pusat kesehatan masyarakat: pengobatan umum, imunisasi, KIA.'),
  office(
    'ofc_mpp',
    'Mal Pelayanan Publik Toba',
    'Layanan perizinan, NIB, PBG, BPJS Kesehatan dan Samsat dalam satu gedung.',
  ),
  news(
    'ann_ktp_blanko',
    'Blanko KTP tersedia kembali',
    'Warga yang sudah merekam KTP dapat mengambil KTP-el di kantor Dukcapil mulai Senin.',
  ),
  news(
    'ann_jemput',
    'Jemput bola perekaman KTP di Kecamatan Laguboti',
    'Petugas Dukcapil melayani perekaman KTP elektronik dan pembuatan KK di kantor camat.',
  ),
  news(
    'ann_libur',
    'Pengumuman libur Idulfitri',
    'Pelayanan kantor pemerintah tutup selama cuti bersama. Pengurusan KTP, KK dan akta dibuka kembali setelah libur.',
  ),
  news(
    'ann_festival',
    'Festival Danau Toba 2026',
    'Pengumuman jadwal festival, lomba solu bolon dan pertunjukan sigale-gale di Balige.',
  ),
  news('ann_sampah', 'Jadwal angkut sampah', 'Truk sampah melayani setiap Selasa dan Jumat.'),
]

let platform: Platform
let ctx: TenantContext

async function first(q: string): Promise<string | undefined> {
  return (await searchTenant(ctx, q))[0]?.id
}

beforeAll(async () => {
  platform = await testPlatform()
  await createTenant(platform, { slug: 'cari', template: 'kabupaten', seed: false })
  const tenant = await platform.tenantBySlug('cari')
  if (!tenant) throw new Error('tenant cari missing')
  ctx = platform.context(tenant, await platform.tenantDb(tenant.record), {
    actor: { kind: 'system', id: 'test' },
  })
  await rebuildSearchIndex(ctx, [async () => DOCUMENTS])
})

describe('tenant search: Indonesian words and abbreviations', () => {
  it.each([
    ['ktp', 'svc_ktp'],
    ['KTP', 'svc_ktp'],
    ['e ktp', 'svc_ktp'],
    ['e-KTP', 'svc_ktp'],
    ['ektp', 'svc_ktp'],
    ['KTP-el', 'svc_ktp'],
    ['KTP elektronik', 'svc_ktp'],
    ['kartu tanda penduduk', 'svc_ktp'],
    ['cara bikin ktp', 'svc_ktp'],
    ['syarat mengurus ktp', 'svc_ktp'],
    ['ktp di balige', 'ofc_dukcapil'],
    ['kartu keluarga', 'svc_kk'],
    ['kk', 'svc_kk'],
    ['syarat kk', 'svc_kk'],
    ['kia', 'svc_kia'],
    ['kartu identitas anak', 'svc_kia'],
    ['akta lahir', 'svc_akta_lahir'],
    ['akte kelahiran', 'svc_akta_lahir'],
    ['akta kelahiran', 'svc_akta_lahir'],
    ['akta mati', 'svc_akta_mati'],
    ['akta kematian', 'svc_akta_mati'],
    ['skck', 'svc_skck'],
    ['surat keterangan catatan kepolisian', 'svc_skck'],
    ['nib', 'svc_nib'],
    ['nomor induk berusaha', 'svc_nib'],
    ['imb', 'svc_pbg'],
    ['izin mendirikan bangunan', 'svc_pbg'],
    ['pbg', 'svc_pbg'],
    ['surat pindah', 'svc_pindah'],
    ['disdukcapil', 'ofc_dukcapil'],
    ['pusat kesehatan masyarakat', 'ofc_puskesmas'],
    ['pengum', 'ann_libur'],
  ])('%s → %s first', async (q, id) => {
    expect(await first(q)).toBe(id)
  })

  it('folds case and diacritics', async () => {
    expect(await first('KÁRTU KELUÀRGA')).toBe('svc_kk')
  })
})

describe('tenant search: typos', () => {
  it.each([
    ['akta kelahran', 'svc_akta_lahir'],
    ['akta kelahirann', 'svc_akta_lahir'],
    ['kartu keluaga', 'svc_kk'],
    ['kartu kelaurga', 'svc_kk'],
    ['pembuatn ktp', 'svc_ktp'],
    ['akta kematan', 'svc_akta_mati'],
    ['pengumumn libur', 'ann_libur'],
    ['puskesmsa', 'ofc_puskesmas'],
    ['persetujuan bangunan gedong', 'svc_pbg'],
  ])('%s → %s first', async (q, id) => {
    expect(await first(q)).toBe(id)
  })
})

describe('tenant search: ranking and snippets', () => {
  it('puts the service before offices and news that mention the same word', async () => {
    const hits = await searchTenant(ctx, 'ktp', 20)
    const ids = hits.map((h) => h.id)
    expect(ids[0]).toBe('svc_ktp')
    expect(ids.indexOf('ofc_dukcapil')).toBeLessThan(ids.indexOf('ann_ktp_blanko'))
    // A news item with KTP in its title still ranks below every service that names it.
    expect(ids.indexOf('svc_kk')).toBeLessThan(ids.indexOf('ann_ktp_blanko'))
    expect(ids).toContain('ann_jemput')
  })

  it('ranks title matches above body matches among equals', async () => {
    const ids = (await searchTenant(ctx, 'skck', 10)).map((h) => h.id)
    expect(ids.slice(0, 2)).toEqual(['svc_skck', 'ofc_polres'])
  })

  it('marks the matched words, synonyms included, in the snippet', async () => {
    const [hit] = await searchTenant(ctx, 'kartu tanda penduduk')
    expect(hit?.snippet).toContain('[kartu] [tanda] [penduduk]')
    expect(hit?.snippetParts.filter((p) => p.match).map((p) => p.text)).toContain('penduduk')
    const [kk] = await searchTenant(ctx, 'kk')
    expect(kk?.snippet).toMatch(/\[KK\]/)
    expect(kk?.snippetParts.map((p) => p.text).join('')).toBe(kk?.snippet.replace(/[[\]]/g, ''))
  })

  it('returns the fields the API documents', async () => {
    const [hit] = await searchTenant(ctx, 'akta lahir')
    expect(hit).toMatchObject({
      id: 'svc_akta_lahir',
      module: 'services',
      kind: 'service',
      url: '/layanan/svc_akta_lahir',
      title: 'Akta Kelahiran',
    })
  })

  it('honours the limit', async () => {
    expect(await searchTenant(ctx, 'ktp', 2)).toHaveLength(2)
  })

  it('finds documents without a boost that name the word only in the body, after the boosted ones', async () => {
    expect((await searchTenant(ctx, 'petugas')).map((h) => h.id)).toEqual(['svc_nib', 'ann_jemput'])
    const dukcapil = (await searchTenant(ctx, 'dukcapil')).map((h) => h.id)
    expect(dukcapil[0]).toBe('ofc_dukcapil')
    expect(dukcapil).toEqual(expect.arrayContaining(['ann_ktp_blanko', 'ann_jemput']))
  })
})

describe('tenant search: bad input', () => {
  it.each([
    '',
    '   ',
    '!!!',
    '"',
    '*',
    '(',
    ')',
    ':',
    'AND',
    'OR NOT',
    'NEAR(',
    '"ktp',
    'ktp*',
    'title:ktp',
    '^ktp',
    'ktp AND (',
    '{title}: x',
    "'; DROP TABLE cerdas_search; --",
    'x'.repeat(500),
    'qwxzv plmkjhg',
  ])('%j never throws', async (q) => {
    await expect(searchTenant(ctx, q)).resolves.toBeInstanceOf(Array)
  })

  it('finds nothing for an empty or garbage query', async () => {
    expect(await searchTenant(ctx, '')).toEqual([])
    expect(await searchTenant(ctx, '***')).toEqual([])
    expect(await searchTenant(ctx, 'qwxzvbn')).toEqual([])
  })

  it('still searches with FTS syntax around real words', async () => {
    expect(await first('"ktp" AND (')).toBe('svc_ktp')
    expect(await first('title:kk')).toBe('svc_kk')
  })

  it('builds a safe match expression without the index', () => {
    expect(toMatchQuery('e-KTP')).toContain('"ktp"')
    expect(toMatchQuery('"*()')).toBeUndefined()
  })
})

describe('tenant search: keeping in sync and extending', () => {
  it('follows upserts and removals', async () => {
    const doc = service('svc_sktm', 'Surat Keterangan Tidak Mampu', 'Untuk keringanan biaya berobat dan sekolah.', [
      'sktm',
    ])
    await ctx.search.upsert([doc])
    expect(await first('sktm')).toBe('svc_sktm')
    expect(await first('keterangan tidak mampu')).toBe('svc_sktm')
    // Typo correction knows the new words at once.
    expect(await first('keringanna biaya')).toBe('svc_sktm')
    await ctx.search.upsert([{ ...doc, title: { id: 'Surat Keterangan Miskin' }, keywords: ['sktm'] }])
    expect((await searchTenant(ctx, 'sktm')).map((h) => h.title)).toEqual(['Surat Keterangan Miskin'])
    await ctx.search.remove(['svc_sktm'])
    expect(await searchTenant(ctx, 'sktm')).toEqual([])
  })

  it('follows a boost that changes', async () => {
    const doc = news('ann_posko', 'Posko banjir dibuka', 'Posko banjir di kantor camat.')
    await ctx.search.upsert([doc, news('ann_posko2', 'Posko banjir kedua', 'Posko banjir di gereja.')])
    expect((await searchTenant(ctx, 'posko')).map((h) => h.id)).toEqual(['ann_posko2', 'ann_posko'])
    await ctx.search.upsert([{ ...doc, boost: 10 }])
    expect((await searchTenant(ctx, 'posko')).map((h) => h.id)).toEqual(['ann_posko', 'ann_posko2'])
    await ctx.search.upsert([{ ...doc, boost: 0, title: { id: 'Posko ditutup' } }])
    expect((await searchTenant(ctx, 'posko banjir')).map((h) => h.id)).toEqual(['ann_posko2', 'ann_posko'])
    await ctx.search.remove(['ann_posko', 'ann_posko2'])
    expect(await searchTenant(ctx, 'posko')).toEqual([])
  })

  it("takes the last of a batch's versions of a document", async () => {
    const doc = service('svc_posko', 'Posko pengaduan', 'Layanan pengaduan warga.')
    await ctx.search.upsert([doc, { ...doc, title: { id: 'Posko bantuan' }, boost: 0 }])
    expect((await searchTenant(ctx, 'posko')).map((h) => h.title)).toEqual(['Posko bantuan'])
    const boosted = async () =>
      (await ctx.db.$client.execute("SELECT count(*) AS n FROM cerdas_search_boosted WHERE title LIKE 'Posko%'"))
        .rows[0]?.n
    expect(await boosted()).toBe(0)
    await ctx.search.upsert([{ ...doc, boost: 0 }, doc])
    expect(await boosted()).toBe(1)
    expect((await searchTenant(ctx, 'posko pengaduan')).map((h) => [h.title, h.kind])).toEqual([
      ['Posko pengaduan', 'service'],
    ])
    await ctx.search.remove(['svc_posko'])
    expect(await searchTenant(ctx, 'posko')).toEqual([])
  })

  it("takes the tenant's own synonym groups without a reindex", async () => {
    expect(await first('parsanggul')).toBeUndefined()
    await setTenantSynonyms(ctx, [['parsanggul', 'sanggul', 'pangkas rambut', 'salon']])
    await ctx.search.upsert([news('ann_salon', 'Pelatihan salon untuk ibu-ibu PKK', 'Pelatihan tata rias.')])
    expect(await first('parsanggul')).toBe('ann_salon')
    await setTenantSynonyms(ctx, [])
  })

  it('takes synonym groups from the caller', async () => {
    expect(
      (await searchTenant(ctx, 'dokumen kependudukan', 10, { synonyms: [['dokumen kependudukan', 'ktp']] }))[0]?.id,
    ).toBe('svc_ktp')
  })
})

describe('tenant search: many documents', () => {
  let big: TenantContext
  const NEWS = 4200

  beforeAll(async () => {
    await createTenant(platform, { slug: 'luas', template: 'kabupaten', seed: false })
    const tenant = await platform.tenantBySlug('luas')
    if (!tenant) throw new Error('tenant luas missing')
    big = platform.context(tenant, await platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
    // Every item names "pasar" and "rutin" in its body; one in 14 names "pasar" in its title, one "bongkar" too.
    const items = Array.from({ length: NEWS }, (_, i) =>
      news(
        `ann_${String(i).padStart(4, '0')}`,
        i % 14 === 0 ? `Harga di pasar minggu ke-${i}${i === 14 ? ' bongkar muat' : ''}` : `Kabar warga nomor ${i}`,
        `Kegiatan rutin warga di sekitar pasar, laporan ${i}. Jalan ${i % 7 === 0 ? 'bongkar pasang' : 'lancar'}.`,
      ),
    )
    // Words a prefix stands for: a code with digits, and more words than are searched by name.
    const prefixed = Array.from({ length: 20 }, (_, i) =>
      news(`ann_pesta_${i}`, `Pesta${String.fromCharCode(97 + i)} rakyat`, 'Hiburan warga.'),
    )
    const documents = [
      ...items,
      ...prefixed,
      news('ann_bansos', 'Penyaluran bantuan', 'Kode program BANSOS2026 untuk warga.'),
      service('svc_pasar', 'Izin Pedagang', 'Izin berjualan di pasar daerah.'),
      office('ofc_pasar', 'Dinas Perdagangan', 'Mengelola pasar dan retribusi.'),
    ]
    await rebuildSearchIndex(big, [async () => documents])
  }, 60_000)

  it('ranks the boosted documents first, then title matches, on a word thousands of documents have', async () => {
    const hits = await searchTenant(big, 'pasar', 10)
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual(['svc_pasar', 'ofc_pasar'])
    expect(hits.slice(2).every((h) => h.title.startsWith('Harga di pasar'))).toBe(true)
    expect(hits).toHaveLength(10)
  })

  it('finds an old document with the word in its title among thousands with it in the body', async () => {
    const hits = await searchTenant(big, 'bongkar')
    expect(hits[0]?.id).toBe('ann_0014')
    expect(hits).toHaveLength(10)
    expect((await searchTenant(big, 'bongkar muat')).map((h) => h.id)).toEqual(['ann_0014'])
  })

  it('matches prefixes of any indexed word: with digits, and when they stand for many words', async () => {
    expect((await searchTenant(big, 'bansos')).map((h) => h.id)).toEqual(['ann_bansos'])
    expect((await searchTenant(big, 'bansos20')).map((h) => h.id)).toEqual(['ann_bansos'])
    const pesta = await searchTenant(big, 'pesta', 50)
    expect(pesta.map((h) => h.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `ann_pesta_${i}`).sort())
    expect((await searchTenant(big, 'pestac rakyat')).map((h) => h.id)).toEqual(['ann_pesta_2'])
  })

  it('answers a word only bodies have', async () => {
    const hits = await searchTenant(big, 'rutin', 20)
    expect(hits).toHaveLength(20)
    expect(hits.every((h) => h.snippetParts.some((p) => p.match && p.text === 'rutin'))).toBe(true)
  })
})
