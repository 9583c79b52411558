import { defineEntity, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import { label } from './labels'
import { regulationDocuments } from './regulation-document-table'

export const REGULATION_KINDS = ['perbup', 'sk_bupati', 'perda', 'other'] as const
export type RegulationKind = (typeof REGULATION_KINDS)[number]

export const REGULATION_KIND_LABELS: Record<RegulationKind, LocalizedText> = {
  perbup: label('Peraturan Bupati', 'Regent regulation'),
  sk_bupati: label('Keputusan Bupati', 'Regent decree'),
  perda: label('Peraturan Daerah', 'Regional regulation'),
  other: label('Lainnya', 'Other'),
}

/** What a regulation sets up: the council, the implementation team, the masterplan. */
export const ESTABLISHES = ['council', 'team', 'masterplan', 'other'] as const
export type Establishes = (typeof ESTABLISHES)[number]

export const ESTABLISHES_LABELS: Record<Establishes, LocalizedText> = {
  council: label('Dewan smart city', 'Smart-city council'),
  team: label('Tim pelaksana smart city', 'Smart-city implementation team'),
  masterplan: label('Masterplan smart city', 'Smart-city masterplan'),
  other: label('Lainnya', 'Other'),
}

const fields = {
  kind: field.enum(REGULATION_KINDS, REGULATION_KIND_LABELS, {
    label: label('Jenis', 'Kind'),
    required: true,
    filterable: true,
    listed: true,
    search: 'keywords',
  }),
  number: field.text({
    label: label('Nomor', 'Number'),
    max: 100,
    listed: true,
    search: 'keywords',
    help: label(
      'Kosongkan bila nomornya belum diketahui dari sumber resmi.',
      'Leave empty while the number is not known from an official source.',
    ),
  }),
  title: field.localizedText({ label: label('Judul', 'Title'), required: true, max: 500, search: 'title' }),
  signedOn: field.date({ label: label('Tanggal ditetapkan', 'Signed on') }),
  validFrom: field.date({ label: label('Berlaku sejak', 'Valid from'), required: true, sortable: true, listed: true }),
  validUntil: field.date({
    label: label('Berlaku sampai', 'Valid until'),
    listed: true,
    help: label(
      'Peraturan Bupati smart city biasanya berlaku 5 tahun.',
      'Smart-city regent regulations usually run 5 years.',
    ),
  }),
  establishes: field.lines({
    label: label('Menetapkan', 'Establishes'),
    values: ESTABLISHES,
    labels: ESTABLISHES_LABELS,
    maxValue: ESTABLISHES.length,
    filterable: true,
  }),
  url: field.url({
    label: label('Tautan dokumen', 'Document link'),
    help: label(
      'Misalnya halaman JDIH kabupaten. Pindaian PDF diunggah di layar "Dokumen PDF" peraturan ini.',
      'E.g. the regency\'s legal documentation (JDIH) page. A PDF scan is uploaded on the regulation\'s "PDF document" screen.',
    ),
  }),
  sourceNote: field.longText({
    label: label('Sumber data', 'Data source'),
    max: 2000,
    vouched: false,
    help: label(
      'Dari mana data ini diambil (tautan, dokumen, tanggal).',
      'Where this data comes from (link, document, date).',
    ),
  }),
}

/**
 * A regulation (Perbup, SK Bupati, Perda) that sets up part of the smart-city programme: the
 * council, the implementation team, the masterplan. Only unlimited tenant admins write them.
 */
export const regulation = defineEntity({
  module: 'governance',
  name: 'regulation',
  table: 'governance_regulations',
  idPrefix: 'reg',
  title: label('Peraturan smart city', 'Smart-city regulations'),
  noun: label('peraturan', 'regulations'),
  fields,
  order: { field: 'validFrom', direction: 'desc' },
  api: { path: '/governance/regulations', tag: 'Smart-city governance', schema: 'GovernanceRegulation' },
  publicUrl: () => '/kota-cerdas',
  roles: { create: ['admin'], update: ['admin'], delete: ['admin'], verify: ['admin'] },
  unlimitedOnly: true,
  // The uploaded PDF has a screen of its own, linked from the regulation's page and row.
  admin: (generated) => ({
    ...generated,
    links: (item) => [{ label: label('Dokumen PDF', 'PDF document'), url: regulationDocumentPath(String(item.id)) }],
  }),
  hooks: {
    // The document is the regulation's own: it goes with it (the audit trail keeps what it was).
    beforeDelete: async (ctx, id) => {
      await ctx.db.delete(regulationDocuments).where(eq(regulationDocuments.regulationId, id))
    },
  },
})

/** The console screen of a regulation's uploaded PDF (the module's own admin route). */
export function regulationDocumentPath(id: string): string {
  return `/admin/peraturan/${encodeURIComponent(id)}/dokumen`
}

export type Regulation = EntityRecord<typeof fields>
