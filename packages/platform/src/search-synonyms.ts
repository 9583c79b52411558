import type { TenantContext } from '@cerdas/core'
import { tokenize } from './search-text'

/**
 * A group of expressions that mean the same to a resident: searching any one
 * finds documents that use any other. Each entry is a word or a phrase.
 */
export type SynonymGroup = readonly string[]

/**
 * The platform's list: Indonesian public-service abbreviations with their
 * long forms, spelling variants and the everyday words people type. Tenants
 * add their own (`setTenantSynonyms`); modules put theirs in their search
 * documents' `keywords`.
 */
export const PLATFORM_SYNONYMS: readonly SynonymGroup[] = [
  // Identity documents (Dukcapil)
  [
    'ktp',
    'ektp',
    'e ktp',
    'ktpel',
    'ktp el',
    'e ktp el',
    'ktp elektronik',
    'kartu tanda penduduk',
    'kartu tanda penduduk elektronik',
    'identity card',
    'id card',
  ],
  ['kk', 'kartu keluarga', 'family card'],
  ['kia', 'kartu identitas anak', 'child identity card'],
  ['akta kelahiran', 'akte kelahiran', 'akta lahir', 'akte lahir', 'birth certificate'],
  ['akta kematian', 'akte kematian', 'akta mati', 'akte mati', 'surat kematian', 'death certificate'],
  ['akta perkawinan', 'akte perkawinan', 'akta nikah', 'buku nikah', 'marriage certificate'],
  ['akta perceraian', 'akte perceraian', 'akta cerai'],
  ['akta', 'akte'],
  ['kelahiran', 'lahir', 'birth'],
  ['kematian', 'mati', 'meninggal', 'wafat', 'death'],
  [
    'skpwni',
    'surat pindah',
    'surat keterangan pindah',
    'surat keterangan pindah wni',
    'pindah domisili',
    'pindah penduduk',
  ],
  ['dukcapil', 'disdukcapil', 'capil', 'catatan sipil', 'dinas kependudukan dan pencatatan sipil'],
  ['nik', 'nomor induk kependudukan'],
  // Police, tax, social security
  ['skck', 'surat keterangan catatan kepolisian', 'police clearance', 'police record'],
  ['sim', 'surat izin mengemudi', 'driving licence', 'driving license', 'driver license'],
  ['npwp', 'nomor pokok wajib pajak', 'tax number'],
  ['pbb', 'pajak bumi dan bangunan', 'property tax'],
  ['bpjs', 'badan penyelenggara jaminan sosial'],
  ['bpjs kesehatan', 'jkn', 'kis', 'kartu indonesia sehat', 'jaminan kesehatan nasional'],
  ['bpjs ketenagakerjaan', 'jamsostek'],
  // Business and building permits
  ['nib', 'nomor induk berusaha', 'business identification number'],
  ['oss', 'online single submission'],
  [
    'pbg',
    'persetujuan bangunan gedung',
    'imb',
    'izin mendirikan bangunan',
    'ijin mendirikan bangunan',
    'building permit',
  ],
  ['slf', 'sertifikat laik fungsi'],
  ['umkm', 'usaha mikro kecil dan menengah', 'ukm'],
  ['izin', 'ijin', 'perizinan', 'perijinan', 'permit'],
  ['dpmptsp', 'mpp', 'mal pelayanan publik', 'pelayanan terpadu satu pintu', 'ptsp'],
  // Health
  ['puskesmas', 'pusat kesehatan masyarakat', 'health centre', 'health center'],
  ['rsud', 'rumah sakit umum daerah', 'regional hospital'],
  ['rs', 'rumah sakit', 'hospital'],
  ['posyandu', 'pos pelayanan terpadu'],
  ['dinkes', 'dinas kesehatan'],
  // Everyday words
  ['kantor', 'office'],
  ['pengumuman', 'announcement'],
  ['sampah', 'waste', 'garbage', 'rubbish'],
  ['jalan rusak', 'jalan berlubang', 'pothole'],
]

interface Phrase {
  tokens: string[]
  group: number
}

/**
 * Synonym groups compiled for matching: which token sequences belong to which
 * group, looked up by their first token.
 */
export class SynonymDictionary {
  private readonly groups: string[][][] = []
  private readonly byFirst = new Map<string, Phrase[]>()
  /** Every word some group uses, for typo correction before grouping. */
  readonly words = new Set<string>()

  constructor(groups: Iterable<SynonymGroup>) {
    for (const group of groups) this.add(group)
  }

  add(group: SynonymGroup): void {
    const phrases = [...new Set(group.map((p) => tokenize(p).join(' ')).filter(Boolean))].map((p) => p.split(' '))
    if (phrases.length < 2) return
    const index = this.groups.length
    this.groups.push(phrases)
    for (const tokens of phrases) {
      const first = tokens[0] as string
      const list = this.byFirst.get(first) ?? []
      list.push({ tokens, group: index })
      // Longest first, so "ktp el" wins over "ktp".
      list.sort((a, b) => b.tokens.length - a.tokens.length)
      this.byFirst.set(first, list)
      for (const t of tokens) this.words.add(t)
    }
  }

  /**
   * The longest phrase of some group starting at `tokens[at]`: its length in
   * tokens and every phrase of its groups (phrases containing another phrase
   * of the same set dropped, since matching the shorter one finds them).
   */
  match(tokens: readonly string[], at: number): { length: number; phrases: string[][] } | undefined {
    const candidates = this.byFirst.get(tokens[at] as string)
    if (!candidates) return undefined
    for (const candidate of candidates) {
      if (candidate.tokens.every((t, i) => tokens[at + i] === t)) {
        const length = candidate.tokens.length
        // Every group with this exact phrase ("akta" may be in several).
        const all = candidates
          .filter((c) => c.tokens.length === length && c.tokens.every((t, i) => t === candidate.tokens[i]))
          .flatMap((c) => this.groups[c.group] as string[][])
        return { length, phrases: minimalPhrases(all) }
      }
    }
    return undefined
  }
}

function minimalPhrases(phrases: string[][]): string[][] {
  const unique = [...new Map(phrases.map((p) => [p.join(' '), p])).values()]
  return unique.filter((p) => !unique.some((q) => q !== p && q.length < p.length && containsRun(p, q)))
}

/** Whether `inner` occurs as consecutive tokens of `outer`. */
export function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  scan: for (let i = 0; i + inner.length <= outer.length; i++) {
    for (let j = 0; j < inner.length; j++) if (outer[i + j] !== inner[j]) continue scan
    return true
  }
  return false
}

const platformDictionary = new SynonymDictionary(PLATFORM_SYNONYMS)

/** The platform list plus the tenant's own groups (and any given by the caller). */
export function synonymDictionary(extra: readonly SynonymGroup[]): SynonymDictionary {
  if (extra.length === 0) return platformDictionary
  return new SynonymDictionary([...PLATFORM_SYNONYMS, ...extra])
}

/** The tenant's own synonym groups (e.g. local place names, regional words). */
export async function listTenantSynonyms(ctx: TenantContext): Promise<SynonymGroup[]> {
  const rows = await ctx.db.$client.execute('SELECT terms FROM cerdas_synonyms ORDER BY id')
  return rows.rows.flatMap((r) => {
    try {
      const terms = JSON.parse(String(r.terms)) as unknown
      return Array.isArray(terms) ? [terms.filter((t): t is string => typeof t === 'string')] : []
    } catch {
      return []
    }
  })
}

/** Replaces the tenant's own synonym groups; they apply to the next search, no reindex needed. */
export async function setTenantSynonyms(ctx: TenantContext, groups: readonly SynonymGroup[]): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await listTenantSynonyms(ctx)
    const cleaned = groups
      .map((g) => [...new Set(g.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 100))])
      .filter((g) => g.length >= 2)
    await ctx.db.$client.batch(
      [
        'DELETE FROM cerdas_synonyms',
        ...cleaned.map((g, i) => ({
          sql: 'INSERT INTO cerdas_synonyms (id, terms) VALUES (?, ?)',
          args: [i + 1, JSON.stringify(g)],
        })),
      ],
      'write',
    )
    await ctx.audit({ action: 'update', entity: 'cerdas.synonyms', entityId: 'synonyms', before, after: cleaned })
  })
}
