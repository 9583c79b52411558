import { type ApiKit, type ModuleRouter, problem, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { regulation } from './regulation'
import {
  attachRegulationDocument,
  REGULATION_DOCUMENT_MAX_BYTES,
  REGULATION_DOCUMENT_ROUTE,
  regulationDocumentFile,
  removeRegulationDocument,
} from './regulation-documents'

const tags = ['Smart-city governance']

const idParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'reg_01JDXYZABCDEFGHJKMNPQRSTVW' }),
})

const documentSchema = z
  .object({
    regulationId: z.string(),
    fileName: z.string().openapi({ example: 'perbup-12-2021.pdf' }),
    bytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
    url: z.string().openapi({ description: 'Where the public opens it, on this host' }),
  })
  .openapi('GovernanceRegulationDocument')

const pdf = { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }

/**
 * A PDF opened from the portal's origin runs with no rights there: a sandboxed document of its own
 * origin, loading nothing, never framed.
 */
export const DOCUMENT_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'"

/** A regulation's PDF: upload or replace (unlimited admins), take away, and open (anyone). */
export function registerRegulationDocumentRoutes(router: ModuleRouter, kit: ApiKit): void {
  const path = REGULATION_DOCUMENT_ROUTE
  router.openapi(
    kit.guard({
      ...createRoute({
        method: 'put',
        path,
        tags,
        summary: "Upload or replace a regulation's PDF (the signed scan); audited on the regulation",
        description:
          `Send the file itself as the body with \`Content-Type: application/pdf\`, at most ${REGULATION_DOCUMENT_MAX_BYTES} bytes ` +
          '(413 above, refused while it streams). The type is told from the content: anything but a PDF is a 422 at `/file`. ' +
          'Name the file with `?name=`; by default it is named after the regulation.',
        request: {
          params: idParam,
          query: z.strictObject({ name: z.string().trim().min(1).max(200).optional() }),
          body: { content: pdf, required: true },
        },
        responses: {
          200: {
            description: 'Stored (or the same file again)',
            content: { 'application/json': { schema: documentSchema } },
          },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      security: [{ bearer: [] }],
      'x-permission': regulation.permission('update'),
    }),
    async (c) => {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/pdf') throw problem('unsupportedMediaType', 'Send the file as application/pdf.')
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const { document } = await attachRegulationDocument(c.var.ctx, c.req.valid('param').id, {
        bytes,
        name: c.req.valid('query').name,
      })
      return c.json(document as never, 200)
    },
  )
  router.openapi(
    kit.guard({
      ...createRoute({
        method: 'delete',
        path,
        tags,
        summary: "Take a regulation's PDF away; audited on the regulation",
        request: { params: idParam },
        responses: { 204: { description: 'Taken away' }, ...problemResponses(401, 403, 404, 422) },
      }),
      security: [{ bearer: [] }],
      'x-permission': regulation.permission('update'),
    }),
    async (c) => {
      await removeRegulationDocument(c.var.ctx, c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  router.openapi(
    createRoute({
      method: 'get',
      path,
      tags,
      summary: "A regulation's PDF, shown in the browser in a sandbox",
      request: { params: idParam },
      responses: {
        200: { description: 'The PDF', content: pdf },
        304: { description: 'Unchanged since the ETag given in If-None-Match' },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => {
      const file = await regulationDocumentFile(c.var.ctx, c.req.valid('param').id)
      const etag = `"${file.sha256}"`
      const headers = {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${file.fileName}"`,
        'Content-Security-Policy': DOCUMENT_CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        // Kept out of the shared read cache (a large file); browsers revalidate by its digest.
        'Cache-Control': 'private, no-cache',
        ETag: etag,
      }
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Length': String(file.bytes) })
    },
  )
}
