import { createHash } from 'node:crypto'
import { problem, type TenantContext } from '@cerdas/core'
import { eq, inArray } from 'drizzle-orm'
import { type Regulation, regulation } from './regulation'
import { regulationDocuments } from './regulation-document-table'

/** The largest regulation document, in bytes: a scanned Perbup of a few dozen pages fits. */
export const REGULATION_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

/** The API path of a regulation's document, as registered (upload and download). */
export const REGULATION_DOCUMENT_ROUTE = '/governance/regulations/{id}/document'

/** Where the public opens a regulation's document, on the tenant's own host. */
export const regulationDocumentUrl = (id: string) => `/api/v1/governance/regulations/${encodeURIComponent(id)}/document`

/** A regulation's document without its bytes, as the API and the pages show it. */
export interface RegulationDocument {
  regulationId: string
  fileName: string
  bytes: number
  sha256: string
  uploadedAt: string
  uploadedBy: string | null
  url: string
}

const PDF_MAGIC = '%PDF-'

/** Whether the bytes are a PDF, told from their content (never from a name or a Content-Type). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && String.fromCharCode(...bytes.subarray(0, 5)) === PDF_MAGIC
}

/** A plain file name ending in `.pdf`: what a client sent, else the regulation's kind and number. */
function fileNameOf(given: string | undefined, r: Regulation): string {
  const plain = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 100)
  const base = plain((given ?? '').replace(/\.pdf$/i, '')) || plain([r.kind, r.number].filter(Boolean).join('-'))
  return `${base || 'peraturan'}.pdf`.toLowerCase()
}

type Row = typeof regulationDocuments.$inferSelect

const documentOf = (row: Omit<Row, 'content'>): RegulationDocument => ({
  regulationId: row.regulationId,
  fileName: row.fileName,
  bytes: Number(row.bytes),
  sha256: row.sha256,
  uploadedAt: row.uploadedAt,
  uploadedBy: row.uploadedBy,
  url: regulationDocumentUrl(row.regulationId),
})

const META = {
  regulationId: regulationDocuments.regulationId,
  fileName: regulationDocuments.fileName,
  bytes: regulationDocuments.bytes,
  sha256: regulationDocuments.sha256,
  uploadedAt: regulationDocuments.uploadedAt,
  uploadedBy: regulationDocuments.uploadedBy,
}

/** What the audit trail keeps of a document: everything but its bytes. */
const audited = (d: RegulationDocument) => ({
  document: { fileName: d.fileName, bytes: d.bytes, sha256: d.sha256 },
})

/** A regulation's document, or null when it has none. */
export async function regulationDocument(ctx: TenantContext, id: string): Promise<RegulationDocument | null> {
  const [row] = await ctx.db.select(META).from(regulationDocuments).where(eq(regulationDocuments.regulationId, id))
  return row ? documentOf(row) : null
}

/** The documents of some regulations, by regulation id (those without one are left out). */
export async function regulationDocumentsOf(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, RegulationDocument>> {
  if (ids.length === 0) return new Map()
  const rows = await ctx.db
    .select(META)
    .from(regulationDocuments)
    .where(inArray(regulationDocuments.regulationId, [...ids]))
  return new Map(rows.map((row) => [row.regulationId, documentOf(row)]))
}

/** A regulation's document with its bytes, to serve; a 404 problem for an unknown regulation or none. */
export async function regulationDocumentFile(
  ctx: TenantContext,
  id: string,
): Promise<RegulationDocument & { content: Uint8Array }> {
  const r = (await regulation.get(ctx, id)) as Regulation
  const [row] = await ctx.db.select().from(regulationDocuments).where(eq(regulationDocuments.regulationId, r.id))
  if (!row) throw problem('notFound', `Regulation ${r.id} has no uploaded document.`)
  return { ...documentOf(row), content: new Uint8Array(row.content) }
}

/**
 * Stores a regulation's PDF (replacing the one it had) with its audit entry on the regulation, in
 * one transaction. Refused: over {@link REGULATION_DOCUMENT_MAX_BYTES} (413), empty or not a PDF by
 * its content (422 at `/file`). The same file again changes nothing (`changed: false`).
 */
export async function attachRegulationDocument(
  ctx: TenantContext,
  id: string,
  file: { bytes: Uint8Array; name?: string | undefined },
): Promise<{ document: RegulationDocument; changed: boolean }> {
  const r = (await regulation.getForEditing(ctx, id)) as Regulation
  const { bytes } = file
  if (bytes.byteLength > REGULATION_DOCUMENT_MAX_BYTES)
    throw problem('payloadTooLarge', `A regulation document may be at most ${REGULATION_DOCUMENT_MAX_BYTES} bytes.`)
  const refuse = (message: string) =>
    problem('validation', `The file ${message}.`, { errors: [{ pointer: '/file', message }] })
  if (bytes.byteLength === 0) throw refuse('is empty')
  if (!isPdf(bytes)) throw refuse('must be a PDF document')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return ctx.transaction(async (tx) => {
    const before = await regulationDocument(tx, r.id)
    if (before?.sha256 === sha256) return { document: before, changed: false }
    const row = {
      regulationId: r.id,
      fileName: fileNameOf(file.name, r),
      bytes: bytes.byteLength,
      sha256,
      uploadedAt: tx.now().toISOString(),
      uploadedBy: tx.actor?.name ?? tx.actor?.id ?? null,
    }
    const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    await tx.db
      .insert(regulationDocuments)
      .values({ ...row, content })
      .onConflictDoUpdate({ target: regulationDocuments.regulationId, set: { ...row, content } })
    const document = documentOf(row)
    await tx.audit({
      action: 'attach_document',
      entity: regulation.qualifiedName,
      entityId: r.id,
      before: before ? audited(before) : null,
      after: audited(document),
    })
    return { document, changed: true }
  })
}

/** Takes a regulation's document away with its audit entry; a 404 problem when it has none. */
export async function removeRegulationDocument(ctx: TenantContext, id: string): Promise<void> {
  const r = (await regulation.getForEditing(ctx, id)) as Regulation
  await ctx.transaction(async (tx) => {
    const before = await regulationDocument(tx, r.id)
    if (!before) throw problem('notFound', `Regulation ${r.id} has no uploaded document.`)
    await tx.db.delete(regulationDocuments).where(eq(regulationDocuments.regulationId, r.id))
    await tx.audit({
      action: 'remove_document',
      entity: regulation.qualifiedName,
      entityId: r.id,
      before: audited(before),
      after: null,
    })
  })
}
