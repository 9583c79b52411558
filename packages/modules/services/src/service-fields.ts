import { type AdminField, type LocalizedText, listValue, localizedText, localizedTextOutput } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { PROCESSING_UNIT_LABELS, PROCESSING_UNITS } from './labels'
import { complaintSchema, feeSchema, processingTimeSchema, requirementSchema } from './validation'

/**
 * The parts of a service the field kinds cannot say, each with its columns, schemas and console
 * inputs: the fee (free or an amount), the processing time, the complaint channel, and the lists
 * whose rows leave out what is empty (requirements) or are translated text themselves (procedure).
 */

type Row = Record<string, unknown>
type Text = LocalizedText
const label = (id: string, en: string): Text => ({ id, en })
const input = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField => ({
  name,
  label: label(id, en),
  type: 'text',
  ...extra,
})
/** Translated text kept in two columns, or null when the Indonesian one is empty. */
const textOf = (id: unknown, en: unknown): Text | null =>
  typeof id === 'string' && id ? { id, ...(typeof en === 'string' && en ? { en } : {}) } : null
const parsed = (json: unknown) => (typeof json === 'string' ? JSON.parse(json) : json)

export interface Fee {
  free: boolean
  amount: number | null
  note: Text | null
  legalBasis: string | null
}

export const feeStorage = {
  columns: [
    { key: 'feeFree', column: 'fee_free', type: 'INTEGER' as const, notNull: true },
    { key: 'feeAmount', column: 'fee_amount', type: 'INTEGER' as const },
    { key: 'feeNoteIndonesian', column: 'fee_note_id', type: 'TEXT' as const },
    { key: 'feeNoteEnglish', column: 'fee_note_en', type: 'TEXT' as const },
    { key: 'feeLegalBasis', column: 'fee_legal_basis', type: 'TEXT' as const },
  ],
  input: feeSchema,
  output: z.object({
    free: z.boolean(),
    amount: z.number().nullable(),
    note: localizedTextOutput.nullable(),
    legalBasis: z.string().nullable(),
  }),
  read: (row: Row): Fee => ({
    free: row.feeFree === 1,
    amount: (row.feeAmount as number | null) ?? null,
    note: textOf(row.feeNoteIndonesian, row.feeNoteEnglish),
    legalBasis: (row.feeLegalBasis as string | null) ?? null,
  }),
  write: (fee: z.infer<typeof feeSchema> | Fee | null) => ({
    feeFree: fee?.free === false ? 0 : 1,
    feeAmount: fee?.free === false ? fee.amount : null,
    feeNoteIndonesian: fee?.note?.id ?? null,
    feeNoteEnglish: fee?.note?.en ?? null,
    feeLegalBasis: fee?.legalBasis ?? null,
  }),
  admin: [
    input('fee.free', 'Gratis (tidak dipungut biaya)', 'Free of charge', {
      type: 'checkbox',
      section: label('Biaya dan waktu', 'Fee and time'),
    }),
    input('fee.amount', 'Biaya (Rupiah)', 'Fee (Rupiah)', {
      type: 'number',
      integer: true,
      help: label(
        'Isi bila tidak gratis, misalnya 50.000; kosongkan bila gratis.',
        'When not free, e.g. 50000; leave empty when free.',
      ),
    }),
    input('fee.note.id', 'Keterangan biaya (Indonesia)', 'Fee note (Indonesian)'),
    input('fee.note.en', 'Keterangan biaya (Inggris)', 'Fee note (English)'),
    input('fee.legalBasis', 'Dasar hukum biaya', 'Legal basis of the fee', {
      help: label('Misalnya "Perda No. 1 Tahun 2024".', 'E.g. "Perda No. 1 Tahun 2024".'),
    }),
  ],
  values: (fee: Fee | null) => ({
    'fee.free': fee?.free ?? false,
    'fee.amount': fee?.amount ?? null,
    'fee.note.id': fee?.note?.id ?? null,
    'fee.note.en': fee?.note?.en ?? null,
    'fee.legalBasis': fee?.legalBasis ?? null,
  }),
}

export type ProcessingTime = z.infer<typeof processingTimeOutput>
const processingTimeOutput = z.object({
  value: z.number(),
  unit: z.enum(PROCESSING_UNITS),
  note: localizedTextOutput.optional(),
})

export const processingTimeStorage = {
  columns: [
    { key: 'processingValue', column: 'processing_value', type: 'INTEGER' as const },
    { key: 'processingUnit', column: 'processing_unit', type: 'TEXT' as const },
    { key: 'processingNoteIndonesian', column: 'processing_note_id', type: 'TEXT' as const },
    { key: 'processingNoteEnglish', column: 'processing_note_en', type: 'TEXT' as const },
  ],
  input: processingTimeSchema,
  output: processingTimeOutput,
  read: (row: Row): ProcessingTime | null => {
    if (row.processingValue === null || !row.processingUnit) return null
    const note = textOf(row.processingNoteIndonesian, row.processingNoteEnglish)
    return {
      value: row.processingValue as number,
      unit: row.processingUnit as ProcessingTime['unit'],
      ...(note ? { note } : {}),
    }
  },
  write: (time: ProcessingTime | null) => ({
    processingValue: time?.value ?? null,
    processingUnit: time?.unit ?? null,
    processingNoteIndonesian: time?.note?.id ?? null,
    processingNoteEnglish: time?.note?.en ?? null,
  }),
  admin: [
    input('processingTime.value', 'Lama proses', 'Processing time', { type: 'number', integer: true }),
    input('processingTime.unit', 'Satuan waktu', 'Time unit', {
      type: 'select',
      options: PROCESSING_UNITS.map((value) => ({ value, label: PROCESSING_UNIT_LABELS[value] })),
    }),
    input('processingTime.note.id', 'Keterangan waktu (Indonesia)', 'Time note (Indonesian)'),
    input('processingTime.note.en', 'Keterangan waktu (Inggris)', 'Time note (English)'),
  ],
  values: (time: ProcessingTime | null) => ({
    'processingTime.value': time?.value ?? null,
    'processingTime.unit': time?.unit ?? null,
    'processingTime.note.id': time?.note?.id ?? null,
    'processingTime.note.en': time?.note?.en ?? null,
  }),
}

export type Complaint = z.infer<typeof complaintOutput>
const complaintOutput = z.object({
  description: localizedTextOutput,
  phone: z.string().optional(),
  email: z.string().optional(),
  url: z.string().optional(),
})

export const complaintStorage = {
  columns: [{ key: 'complaint', column: 'complaint', type: 'TEXT' as const }],
  input: complaintSchema,
  output: complaintOutput,
  read: (row: Row): Complaint | null => (row.complaint ? (parsed(row.complaint) as Complaint) : null),
  write: (complaint: Complaint | null) => ({ complaint: complaint ? JSON.stringify(complaint) : null }),
  admin: [
    input('complaint.description.id', 'Cara mengadu (Indonesia)', 'How to complain (Indonesian)', {
      type: 'textarea',
      section: label('Pengaduan', 'Complaints'),
      help: label('Wajib bila salah satu isian pengaduan diisi.', 'Required when any complaint field is filled in.'),
    }),
    input('complaint.description.en', 'Cara mengadu (Inggris)', 'How to complain (English)', { type: 'textarea' }),
    input('complaint.phone', 'Telepon pengaduan', 'Complaint phone'),
    input('complaint.email', 'Email pengaduan', 'Complaint email'),
    input('complaint.url', 'Situs pengaduan', 'Complaint website', { type: 'url' }),
  ],
  values: (complaint: Complaint | null) => ({
    'complaint.description.id': complaint?.description.id ?? null,
    'complaint.description.en': complaint?.description.en ?? null,
    'complaint.phone': complaint?.phone ?? null,
    'complaint.email': complaint?.email ?? null,
    'complaint.url': complaint?.url ?? null,
  }),
}

export type Requirement = z.infer<typeof requirementOutput>
const requirementOutput = z.object({
  document: localizedTextOutput,
  note: localizedTextOutput.optional(),
  condition: localizedTextOutput.optional(),
})

/** A list kept whole as JSON in one column, never null. */
const jsonList = <T>(key: string) => ({
  columns: [{ key, column: key, type: 'TEXT' as const, notNull: true }],
  read: (row: Row): T[] => (parsed(row[key] ?? '[]') as T[]) ?? [],
  write: (rows: T[] | null) => ({ [key]: JSON.stringify(rows ?? []) }),
})

export const requirementsStorage = {
  ...jsonList<Requirement>('requirements'),
  input: z.array(requirementSchema).max(100),
  output: z.array(requirementOutput),
  admin: [
    {
      name: 'requirements',
      label: label('Persyaratan', 'Requirements'),
      type: 'list' as const,
      rowLabel: label('Persyaratan', 'Requirement'),
      section: label('Persyaratan dan prosedur', 'Requirements and procedure'),
      fields: [
        input('document.id', 'Dokumen (Indonesia)', 'Document (Indonesian)', { required: true }),
        input('document.en', 'Dokumen (Inggris)', 'Document (English)'),
        input('note.id', 'Catatan (Indonesia)', 'Note (Indonesian)'),
        input('note.en', 'Catatan (Inggris)', 'Note (English)'),
        input('condition.id', 'Berlaku bila (Indonesia)', 'Applies when (Indonesian)', {
          help: label('Misalnya "bagi WNA". Kosongkan bila berlaku untuk semua.', 'E.g. "for foreigners".'),
        }),
        input('condition.en', 'Berlaku bila (Inggris)', 'Applies when (English)'),
      ],
    } as AdminField,
  ],
  values: (rows: Requirement[] | null) => ({
    requirements: listValue(
      (rows ?? []).map((r) => ({
        'document.id': r.document.id,
        'document.en': r.document.en ?? null,
        'note.id': r.note?.id ?? null,
        'note.en': r.note?.en ?? null,
        'condition.id': r.condition?.id ?? null,
        'condition.en': r.condition?.en ?? null,
      })),
    ),
  }),
}

export const procedureStorage = {
  ...jsonList<Text>('procedure'),
  input: z.array(localizedText(2000)).max(50),
  output: z.array(localizedTextOutput),
  admin: [
    {
      name: 'procedure',
      label: label('Prosedur', 'Procedure'),
      type: 'list' as const,
      rowLabel: label('Langkah', 'Step'),
      fields: [
        input('id', 'Langkah (Indonesia)', 'Step (Indonesian)', { type: 'textarea', required: true }),
        input('en', 'Langkah (Inggris)', 'Step (English)', { type: 'textarea' }),
      ],
    } as AdminField,
  ],
  values: (steps: Text[] | null) => ({
    procedure: listValue((steps ?? []).map((step) => ({ id: step.id, en: step.en ?? null }))),
  }),
}
