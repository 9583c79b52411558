/** A GeoReport error: answered as `[{ code, description }]` (or `<errors>`) with the HTTP status as code. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 429,
    readonly description: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(description)
    this.name = 'Open311Error'
  }
}
