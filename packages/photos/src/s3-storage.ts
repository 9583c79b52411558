import { EMPTY_HASH, type SigV4Credentials, sha256Hex, signRequest } from './sigv4'
import type { PhotoKey, PhotoStorage, StoredFile } from './storage'

/** Object storage as the operator configures it (never a tenant: the server would connect where told). */
export interface S3StorageOptions {
  /** `https://s3.ap-southeast-3.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, `http://127.0.0.1:9000`. */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Keys start with this (`cerdas/`), so one bucket can hold more than photos. */
  prefix?: string
  /** Stand-in for fetch (a test's own server); the global fetch otherwise. */
  fetch?: typeof fetch
}

/**
 * Photos in an S3-compatible bucket, addressed path-style (`<endpoint>/<bucket>/<key>`, which
 * every compatible store takes), each request signed with SigV4.
 */
export function s3PhotoStorage(options: S3StorageOptions): PhotoStorage {
  const send = options.fetch ?? fetch
  const credentials: SigV4Credentials = {
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: 's3',
  }
  const base = options.endpoint.replace(/\/+$/, '')
  const urlOf = (key: PhotoKey) => `${base}/${encodeURIComponent(options.bucket)}/${options.prefix ?? ''}${key}`
  const request = (method: string, key: PhotoKey, body?: Uint8Array, headers: Record<string, string> = {}) => {
    const payloadHash = body ? sha256Hex(body) : EMPTY_HASH
    const signed = signRequest(
      { method, url: urlOf(key), headers: { ...headers, 'x-amz-content-sha256': payloadHash }, payloadHash },
      credentials,
      new Date(),
    )
    const { host: _host, ...sent } = signed.headers
    return send(urlOf(key), { method, headers: sent, ...(body ? { body: body as Uint8Array<ArrayBuffer> } : {}) })
  }
  return {
    kind: 's3',
    async put(key, data, contentType) {
      const res = await request('PUT', key, data, { 'content-type': contentType })
      await res.body?.cancel()
      if (!res.ok) throw new Error(`object storage refused PUT ${key}: ${res.status}`)
    },
    async get(key): Promise<StoredFile | null> {
      const res = await request('GET', key)
      if (res.status === 404 || res.status === 403) {
        await res.body?.cancel()
        return null
      }
      if (!res.ok || !res.body) throw new Error(`object storage answered GET ${key} with ${res.status}`)
      return { body: res.body, size: Number(res.headers.get('content-length') ?? 0) }
    },
    async delete(keys) {
      for (const key of keys) {
        const res = await request('DELETE', key)
        await res.body?.cancel()
        if (!res.ok && res.status !== 404) throw new Error(`object storage refused DELETE ${key}: ${res.status}`)
      }
    },
  }
}
