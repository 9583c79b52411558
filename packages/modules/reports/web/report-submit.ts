import { tenantContext } from '@cerdas/core/web'
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { handleSubmission } from './submission.server'

/** Only posted to: a visitor who opens the address is sent to the page with the form. */
export const loader = () => redirect('/lapor', 303)

/**
 * The report form as JSON, for drafts the offline queue sends later: the same multipart body as
 * `/lapor`, answered with the number and the tracking code (or `replayed` when the draft's
 * clientKey was already taken: the first answer kept the code).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = tenantContext(context)
  const result = await handleSubmission(ctx, context, request)
  const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
  if (result.kind === 'sent') return Response.json(result, { status: result.replayed ? 200 : 201, headers })
  if (result.kind === 'limited') {
    return Response.json(
      {
        type: 'urn:cerdas:problem:too-many-requests',
        title: 'Too many requests',
        status: 429,
        retryAfter: result.retryAfter,
      },
      {
        status: 429,
        headers: { ...headers, 'Retry-After': String(result.retryAfter), 'Content-Type': 'application/problem+json' },
      },
    )
  }
  return Response.json(
    {
      type: 'urn:cerdas:problem:validation',
      title: 'Validation failed',
      status: 422,
      errors: Object.entries(result.errors).map(([field, message]) => ({ pointer: `/${field}`, message })),
    },
    { status: 422, headers: { ...headers, 'Content-Type': 'application/problem+json' } },
  )
}
