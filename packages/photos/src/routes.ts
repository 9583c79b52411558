import { type AnyModule, type ApiEnv, type ApiKit, problem, problemResponses } from '@cerdas/core'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { deletePhoto, getPhoto, type PhotoService, uploadPhoto } from './photos'

export const UPLOAD_PERMISSION = 'cerdas.photos:upload'
export const DELETE_PERMISSION = 'cerdas.photos:delete'

/** The path of uploads, which takes multipart bodies up to the photo limit rather than JSON. */
export const PHOTO_UPLOAD_PATH = '/api/v1/photos'

const rendition = z.record(z.string(), z.string()).openapi({ example: { '320': '/media/photos/pho_.../320.jpg' } })

export const photoSchema = z
  .object({
    id: z.string().openapi({ example: 'pho_01JD2X5Q9V3R8K7M6N5P4Q3R2S' }),
    width: z.number().int().openapi({ description: 'Pixels of the largest rendition (never wider than the upload)' }),
    height: z.number().int(),
    bytes: z.number().int().openapi({ description: 'Size of the upload' }),
    sourceFormat: z.string().openapi({ description: 'Format of the upload, told from its content' }),
    uploadedBy: z.string(),
    createdAt: z.string(),
    urls: z.object({ avif: rendition, webp: rendition, jpg: rendition }).openapi({
      description: 'Each rendition by format and width; served with a year-long immutable cache',
    }),
  })
  .openapi('Photo')

const idParam = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

export const uploadPhotoRoute = createRoute({
  method: 'post',
  path: '/photos',
  tags: ['Photos'],
  summary: 'Upload a photo (JPEG, PNG, WebP or AVIF); metadata such as GPS is removed from every stored file',
  description:
    'Send `multipart/form-data` with the image in the field `file`. The type is told from the content, not the ' +
    'name (415 otherwise); uploads over the size limit are refused while they stream (413), images over the pixel ' +
    'limit before they are decoded (422). Name the returned id in a record’s photos field with its alt text.',
  security: [{ bearer: [] }],
  'x-permission': UPLOAD_PERMISSION,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.string().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The same file was uploaded before', content: { 'application/json': { schema: photoSchema } } },
    201: { description: 'Stored', content: { 'application/json': { schema: photoSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

export const getPhotoRoute = createRoute({
  method: 'get',
  path: '/photos/{id}',
  tags: ['Photos'],
  summary: 'One uploaded photo: its size and the addresses of its renditions',
  request: { params: idParam },
  responses: {
    200: { description: 'The photo', content: { 'application/json': { schema: photoSchema } } },
    ...problemResponses(404, 422),
  },
})

export const deletePhotoRoute = createRoute({
  method: 'delete',
  path: '/photos/{id}',
  tags: ['Photos'],
  summary: 'Delete a photo and its files; refused while a record still shows it',
  security: [{ bearer: [] }],
  'x-permission': DELETE_PERMISSION,
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404, 409, 422) },
})

/** The file of a multipart upload, or a problem saying what is wrong with the request. */
async function uploadedFile(request: Request): Promise<Uint8Array> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\s*;/i.test(type))
    throw problem('unsupportedMediaType', 'Send the photo as multipart/form-data in the field "file".')
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw problem('badRequest', 'The multipart body could not be read.')
  }
  const file = form.get('file')
  if (!file || typeof file === 'string')
    throw problem('validation', 'No file in the field "file".', {
      errors: [{ pointer: '/file', message: 'required' }],
    })
  return new Uint8Array(await file.arrayBuffer())
}

/**
 * The photo routes under /api/v1. Upload and delete are guarded; reading a photo's data is public
 * like the photo itself.
 */
export function registerPhotoRoutes(
  router: OpenAPIHono<ApiEnv>,
  kit: ApiKit,
  service: PhotoService,
  modules: readonly AnyModule[],
): void {
  // The upload's body is multipart and read by the handler (no JSON validator); its route is
  // described in the document all the same.
  router.openAPIRegistry.registerPath(uploadPhotoRoute)
  router.post('/photos', kit.requirePermission(UPLOAD_PERMISSION), async (c) => {
    const bytes = await uploadedFile(c.req.raw)
    const { photo, created } = await uploadPhoto(c.var.ctx, service, bytes)
    return c.json(photo, created ? 201 : 200)
  })
  router.openapi(getPhotoRoute, async (c) => c.json(await getPhoto(c.var.ctx, c.req.valid('param').id), 200))
  router.openapi(kit.guard(deletePhotoRoute), async (c) => {
    await deletePhoto(c.var.ctx, service, modules, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
