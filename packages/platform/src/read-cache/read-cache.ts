import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import { readDataVersion, type TenantDb } from '@cerdas/core'
import type { ResolvedTenant } from '../platform'
import { nextLocalMidnight } from './next-midnight'
import { createResponseStore, type ResponseStoreStats, type StoredResponse } from './response-store'

const gzip = promisify(gzipCallback)

export interface ReadCacheOptions {
  /** Most bytes of responses kept in all; 0 turns the cache off. */
  maxBytes?: number
  /** Most bytes one tenant may hold; default an eighth of `maxBytes`. */
  maxTenantBytes?: number
  /** The clock validity is judged by (epoch ms). */
  now?: () => number
}

/** What a response in the making learns about when it stops being true. */
export interface Freshness {
  /** Passed to the tenant context as `changesAt`. */
  changesAt(instant: Date): void
  /** The earliest instant noted, the tenant's next midnight at the latest. */
  validUntil(): number
}

export interface ReadCacheStats extends ResponseStoreStats {
  /** Answers of 304 Not Modified. */
  notModified: number
}

/**
 * Public responses (API JSON and pages) kept per tenant, host, path, query and language, valid
 * while the tenant's data version is the one they were made at and until the next schedule change
 * they show. The version lives in the tenant database and every write transaction raises it, so a
 * write in any process on the same database ends the cached copies of all of them.
 */
export interface ReadCache {
  readonly enabled: boolean
  /**
   * The version a response for this tenant is made at right now, or undefined when this database
   * keeps no version (nothing may then be cached). Read before the response's data.
   */
  versionOf(tenant: ResolvedTenant, db: TenantDb): Promise<string | undefined>
  lookup(key: string, version: string): StoredResponse | undefined
  /**
   * The stored response, or else the duty to make it: `fill` is to be called once the answer is
   * stored (or failed). A request of this process already making the same answer at the same
   * version is waited for first, so fifty visitors of a page that just changed cost one render.
   */
  lookupOrFill(key: string, version: string): Promise<{ stored: StoredResponse } | { fill: () => void }>
  freshness(tenant: ResolvedTenant): Freshness
  /**
   * Keeps a successful public response and gives back what to send (the same body, buffered);
   * a response that must not be shared (cookies, private) passes through untouched.
   */
  store(
    key: string,
    tenantId: string,
    version: string,
    freshness: Freshness,
    response: Response,
  ): Promise<StoredResponse | undefined>
  /** The response to send for a stored one: 304 when the client has it, gzipped when it accepts that. */
  respond(
    key: string,
    stored: StoredResponse,
    request: Headers,
    extraHeaders?: Record<string, string>,
  ): Promise<Response>
  dropTenant(tenantId: string): void
  stats(): ReadCacheStats
}

/** Headers that belong to one answer, not to the content. */
const PER_RESPONSE = new Set([
  'date',
  'x-request-id',
  'set-cookie',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'etag',
  'cache-control',
  'connection',
  'keep-alive',
])

/** Revalidate every time: the ETag makes that a 304 while nothing changed. */
const CACHE_CONTROL = 'public, no-cache'

/** Bodies smaller than this are sent as they are. */
const GZIP_MIN_BYTES = 1024

/** Each open database gets an epoch of its own: a restored file starts its counter over. */
const epochs = new WeakMap<object, string>()
let nextEpoch = 0

/** A digest of the tenant's control-plane record, made once per resolved record. */
const fingerprints = new WeakMap<ResolvedTenant, string>()
function fingerprintOf(tenant: ResolvedTenant): string {
  let fingerprint = fingerprints.get(tenant)
  if (!fingerprint) {
    // Not only updatedAt: module switches and settings live in rows of their own.
    fingerprint = createHash('sha1').update(JSON.stringify(tenant.record)).digest('base64url').slice(0, 16)
    fingerprints.set(tenant, fingerprint)
  }
  return fingerprint
}

/**
 * @example const cache = createReadCache({ maxBytes: 64 * 1024 * 1024 })
 */
export function createReadCache(options: ReadCacheOptions = {}): ReadCache {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  const store = createResponseStore({
    maxBytes,
    maxTenantBytes: options.maxTenantBytes ?? Math.floor(maxBytes / 8),
  })
  const now = options.now ?? (() => Date.now())
  let notModified = 0
  // Answers being made right now, by key: the version they are made at and when they are done.
  const inFlight = new Map<string, { version: string; done: Promise<void> }>()

  const epochOf = (db: TenantDb) => {
    let epoch = epochs.get(db.$client)
    if (!epoch) {
      epoch = (nextEpoch++).toString(36)
      epochs.set(db.$client, epoch)
    }
    return epoch
  }

  return {
    enabled: maxBytes > 0,
    async versionOf(tenant, db) {
      if (maxBytes <= 0) return undefined
      const data = await readDataVersion(db.$client)
      if (data === undefined) return undefined
      // The control-plane record (name, branding, modules and their settings) is part of every page.
      return `${epochOf(db)}.${data}.${fingerprintOf(tenant)}`
    },
    lookup: (key, version) => store.get(key, version, now()),
    async lookupOrFill(key, version) {
      const kept = store.get(key, version, now())
      if (kept) return { stored: kept }
      const making = inFlight.get(key)
      if (making?.version === version) {
        await making.done
        const made = store.get(key, version, now())
        // Not kept after all (a 404, an answer already out of date): each waiter makes its own.
        return made ? { stored: made } : { fill: () => {} }
      }
      // Decided without awaiting anything since the lookup, so no other request claims it too.
      let fill = () => {}
      const entry = { version, done: new Promise<void>((resolve) => (fill = resolve)) }
      inFlight.set(key, entry)
      return {
        fill: () => {
          if (inFlight.get(key) === entry) inFlight.delete(key)
          fill()
        },
      }
    },
    freshness(tenant) {
      let until = nextLocalMidnight(tenant.info.timezone, now())
      return {
        changesAt(instant) {
          const at = instant.getTime()
          if (Number.isFinite(at) && at < until) until = at
        },
        validUntil: () => until,
      }
    },
    async store(key, tenantId, version, freshness, response) {
      if (!isShareable(response)) return undefined
      const body = new Uint8Array(await response.arrayBuffer())
      const headers: [string, string][] = []
      response.headers.forEach((value, name) => {
        if (!PER_RESPONSE.has(name)) headers.push([name, value])
      })
      const stored: StoredResponse = {
        status: response.status,
        headers,
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      }
      const validUntil = freshness.validUntil()
      // Something it shows has already changed (a status computed at a boundary): send, don't keep.
      if (validUntil > now()) store.put(key, tenantId, version, validUntil, stored)
      return stored
    },
    async respond(key, stored, request, extraHeaders = {}) {
      const headers = new Headers(stored.headers)
      for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
      headers.set('ETag', stored.etag)
      headers.set('Cache-Control', CACHE_CONTROL)
      if (matchesEtag(request.get('if-none-match'), stored.etag)) {
        notModified++
        for (const name of ['content-type', 'content-language']) headers.delete(name)
        return new Response(null, { status: 304, headers })
      }
      if (stored.body.byteLength >= GZIP_MIN_BYTES && acceptsGzip(request.get('accept-encoding'))) {
        let compressed = stored.gzip
        if (!compressed) {
          // Off the event loop (zlib's thread pool), once per stored response.
          compressed = new Uint8Array(await gzip(stored.body))
          store.addGzip(key, stored, compressed)
        }
        headers.set('Content-Encoding', 'gzip')
        headers.append('Vary', 'Accept-Encoding')
        return new Response(compressed as Uint8Array<ArrayBuffer>, { status: stored.status, headers })
      }
      headers.append('Vary', 'Accept-Encoding')
      return new Response(stored.body as Uint8Array<ArrayBuffer>, { status: stored.status, headers })
    },
    dropTenant: (tenantId) => store.dropTenant(tenantId),
    stats: () => ({ ...store.stats(), notModified }),
  }
}

/** Only a plain 200 that sets nothing for one visitor is the same for everyone. */
function isShareable(response: Response): boolean {
  if (response.status !== 200 || response.headers.has('set-cookie')) return false
  const control = response.headers.get('cache-control') ?? ''
  return !/\b(private|no-store)\b/i.test(control)
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const strong = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === strong)
}

function acceptsGzip(header: string | null): boolean {
  return !!header && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i.test(header)
}
