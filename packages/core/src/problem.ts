/**
 * RFC 9457 problem details. Every error the API returns has this shape with a
 * stable `type`, so clients can branch on it without parsing prose.
 */
export interface ProblemDetails {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  /** Field-level messages for validation problems. */
  errors?: FieldError[]
  [extension: string]: unknown
}

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. `/title/id`. */
  pointer: string
  message: string
}

export const PROBLEM_TYPES = {
  validation: { status: 422, title: 'Validation failed' },
  malformedBody: { status: 400, title: 'Malformed request body' },
  badRequest: { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  notFound: { status: 404, title: 'Not found' },
  unknownTenant: { status: 404, title: 'Unknown host' },
  methodNotAllowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  payloadTooLarge: { status: 413, title: 'Payload too large' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  tooManyRequests: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const

export type ProblemKind = keyof typeof PROBLEM_TYPES

/** The stable `type` URI of a problem kind. */
export function problemType(kind: ProblemKind): string {
  return `urn:cerdas:problem:${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/** An error that carries a problem+json response. Thrown by module functions and middleware alike. */
export class ProblemError extends Error {
  readonly problem: ProblemDetails
  constructor(kind: ProblemKind, detail?: string, extra: Partial<ProblemDetails> = {}) {
    const base = PROBLEM_TYPES[kind]
    super(detail ?? base.title)
    this.name = 'ProblemError'
    this.problem = {
      type: problemType(kind),
      title: base.title,
      status: base.status,
      ...(detail ? { detail } : {}),
      ...extra,
    }
  }
}

/**
 * Builds a problem for a kind.
 * @example throw problem('notFound', 'No announcement ann_01H...')
 */
export function problem(kind: ProblemKind, detail?: string, extra: Partial<ProblemDetails> = {}): ProblemError {
  return new ProblemError(kind, detail, extra)
}

/** Duck-typed so it holds across bundles that each carry their own copy of this package. */
export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof Error && error.name === 'ProblemError' && typeof (error as ProblemError).problem === 'object'
}
