import { createHash, createHmac } from 'node:crypto'

/** Credentials and scope of AWS Signature Version 4. */
export interface SigV4Credentials {
  accessKeyId: string
  secretAccessKey: string
  region: string
  /** `s3` for object storage. */
  service: string
}

export interface SignableRequest {
  method: string
  url: string
  /** Headers to sign besides `host`, `x-amz-date` (and `x-amz-content-sha256`, which S3 needs). */
  headers?: Record<string, string>
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, the rest %XX in capitals. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `YYYYMMDDTHHMMSSZ` of an instant. */
export function amzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export interface SignedParts {
  canonicalRequest: string
  stringToSign: string
  signature: string
  authorization: string
  /** Every header to send, the Authorization included. */
  headers: Record<string, string>
}

/**
 * Signs a request with AWS Signature Version 4 (header form), as S3-compatible stores (AWS, MinIO,
 * Cloudflare R2, Wasabi, Garage) check it. Each path segment is encoded once (S3 does not
 * double-encode), query parameters are sorted by name.
 * @example const { headers } = signRequest({ method: 'GET', url, payloadHash: EMPTY_HASH }, credentials, new Date())
 */
export function signRequest(request: SignableRequest, credentials: SigV4Credentials, at: Date): SignedParts {
  const url = new URL(request.url)
  const date = amzDate(at)
  const day = date.slice(0, 8)
  const given = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      value.trim().replace(/\s+/g, ' '),
    ]),
  )
  const headers: Record<string, string> = { ...given, host: url.host, 'x-amz-date': given['x-amz-date'] ?? date }
  const signedDate = headers['x-amz-date'] as string
  const names = Object.keys(headers).sort()
  const path = url.pathname
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/')
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonicalRequest = [
    request.method.toUpperCase(),
    path || '/',
    query,
    `${names.map((n) => `${n}:${headers[n]}`).join('\n')}\n`,
    names.join(';'),
    request.payloadHash,
  ].join('\n')
  const scope = `${signedDate.slice(0, 8) || day}/${credentials.region}/${credentials.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', signedDate, scope, sha256Hex(canonicalRequest)].join('\n')
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, scope.slice(0, 8)), credentials.region), credentials.service),
    'aws4_request',
  )
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex')
  const authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`
  return { canonicalRequest, stringToSign, signature, authorization, headers: { ...headers, authorization } }
}

/** SHA-256 of an empty body. */
export const EMPTY_HASH = sha256Hex('')
