import { type FieldError, isProblemError, type ProblemDetails, problem, problemType } from '@cerdas/core'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { Logger } from '../logger'

/** Writes a problem+json response. */
export function problemResponse(c: Context, details: ProblemDetails): Response {
  const body = { ...details, instance: details.instance ?? c.req.path }
  const requestId = c.get('requestId' as never) as string | undefined
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' }
  // A refusal that says when to come back (429, 503) says it in the standard header too.
  if (typeof details.retryAfter === 'number' && details.retryAfter > 0)
    headers['Retry-After'] = String(Math.ceil(details.retryAfter))
  return c.newResponse(
    JSON.stringify(requestId ? { ...body, requestId } : body),
    details.status as ContentfulStatusCode,
    headers,
  )
}

/** Field errors from a zod failure, as JSON-pointer paths. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    pointer: `${prefix}/${issue.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
    message: issue.message,
  }))
}

const TARGET_PREFIX: Record<string, string> = { json: '', query: '#query', param: '#path', header: '#header' }

/**
 * The zod-openapi hook: a validation failure becomes a 422 problem listing
 * every field, so a form can show each message beside its field.
 */
export function validationHook(
  result: { success: boolean; error?: z.ZodError; target?: string },
  c: Context,
): Response | undefined {
  if (result.success || !result.error) return undefined
  const errors = fieldErrors(result.error, TARGET_PREFIX[result.target ?? 'json'] ?? '')
  return problemResponse(c, {
    ...problem('validation', errors.map((e) => `${e.pointer}: ${e.message}`).join('; ')).problem,
    errors,
  })
}

/** Turns any thrown error into problem+json; unexpected ones are logged and never leak a stack. */
export function problemErrorHandler(log: Logger): ErrorHandler {
  return (error, c) => {
    if (isProblemError(error)) return problemResponse(c, error.problem)
    if (error instanceof HTTPException) {
      const status = error.status
      const kind =
        status === 400
          ? 'malformedBody'
          : status === 413
            ? 'payloadTooLarge'
            : status === 401
              ? 'unauthorized'
              : status === 415
                ? 'unsupportedMediaType'
                : undefined
      const details = kind ? problem(kind, error.message || undefined).problem : undefined
      return problemResponse(
        c,
        details ?? { type: problemType('badRequest'), title: error.message || 'Request failed', status },
      )
    }
    // A uniqueness rule of the database caught a duplicate the code did not: the client's conflict.
    if (
      /SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)|UNIQUE constraint failed/.test(
        `${(error as { code?: string }).code ?? ''} ${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown }).cause ?? '')}`,
      )
    ) {
      log.warn('unique constraint', { requestId: c.get('requestId' as never), path: c.req.path })
      return problemResponse(c, problem('conflict', 'A record with the same unique value already exists.').problem)
    }
    log.error('unhandled error', {
      requestId: c.get('requestId' as never),
      path: c.req.path,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    })
    return problemResponse(
      c,
      problem('internal', 'Something went wrong on our side. The request id identifies it.').problem,
    )
  }
}

export const problemNotFound: NotFoundHandler = (c) =>
  problemResponse(c, problem('notFound', `Nothing at ${c.req.method} ${c.req.path}`).problem)
