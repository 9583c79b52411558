/** One stored response: what a later identical request gets back while its version holds. */
export interface StoredResponse {
  status: number
  /** Headers to send again (no Date, request id, cookies, lengths or encodings). */
  headers: [string, string][]
  body: Uint8Array
  /** Strong validator of the body. */
  etag: string
  /** The body gzipped, made the first time a client accepts gzip. */
  gzip?: Uint8Array | undefined
}

interface Entry {
  key: string
  tenantId: string
  /** The tenant's version the response was made at: any other version makes it useless. */
  version: string
  /** Epoch ms after which the response may be wrong (a schedule change, midnight), or Infinity. */
  validUntil: number
  response: StoredResponse
  bytes: number
}

export interface ResponseStoreOptions {
  /** Most bytes kept in all (bodies, gzipped copies and keys). */
  maxBytes: number
  /** Most bytes one tenant may hold, so a busy regency cannot push every other one out. */
  maxTenantBytes: number
}

export interface ResponseStoreStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  stores: number
  evictions: number
  /** Entries dropped because their tenant's data changed or their time ran out. */
  expired: number
}

export interface ResponseStore {
  get(key: string, version: string, now: number): StoredResponse | undefined
  put(key: string, tenantId: string, version: string, validUntil: number, response: StoredResponse): void
  /** Adds the gzipped body to a stored response (counted against the limits). */
  addGzip(key: string, response: StoredResponse, gzip: Uint8Array): void
  /** Drops every entry of a tenant (after it is removed, restored or its settings change). */
  dropTenant(tenantId: string): void
  stats(): ResponseStoreStats
}

/** Fixed cost of an entry besides its bodies: the objects, header strings, map slots. */
const ENTRY_OVERHEAD = 512

/**
 * Responses kept in memory, least recently used first out, bounded by bytes in all and per tenant.
 * @example const store = createResponseStore({ maxBytes: 64 << 20, maxTenantBytes: 8 << 20 })
 */
export function createResponseStore(options: ResponseStoreOptions): ResponseStore {
  // Map order is use order: a hit moves its entry to the end.
  const entries = new Map<string, Entry>()
  const tenantBytes = new Map<string, number>()
  let bytes = 0
  const counts = { hits: 0, misses: 0, stores: 0, evictions: 0, expired: 0 }

  const remove = (entry: Entry) => {
    entries.delete(entry.key)
    bytes -= entry.bytes
    const left = (tenantBytes.get(entry.tenantId) ?? 0) - entry.bytes
    if (left <= 0) tenantBytes.delete(entry.tenantId)
    else tenantBytes.set(entry.tenantId, left)
  }

  const makeRoom = (tenantId: string, needed: number) => {
    // The tenant over its share gives up its own oldest entries first.
    if ((tenantBytes.get(tenantId) ?? 0) + needed > options.maxTenantBytes) {
      for (const entry of entries.values()) {
        if (entry.tenantId !== tenantId) continue
        remove(entry)
        counts.evictions++
        if ((tenantBytes.get(tenantId) ?? 0) + needed <= options.maxTenantBytes) break
      }
    }
    for (const entry of entries.values()) {
      if (bytes + needed <= options.maxBytes) break
      remove(entry)
      counts.evictions++
    }
  }

  const sizeOf = (key: string, response: StoredResponse) =>
    ENTRY_OVERHEAD +
    key.length * 2 +
    response.body.byteLength +
    (response.gzip?.byteLength ?? 0) +
    response.headers.reduce((sum, [name, value]) => sum + (name.length + value.length) * 2, 0)

  return {
    get(key, version, now) {
      const entry = entries.get(key)
      if (!entry) {
        counts.misses++
        return undefined
      }
      if (entry.version !== version || entry.validUntil <= now) {
        remove(entry)
        counts.expired++
        counts.misses++
        return undefined
      }
      entries.delete(key)
      entries.set(key, entry)
      counts.hits++
      return entry.response
    },
    put(key, tenantId, version, validUntil, response) {
      const size = sizeOf(key, response)
      const previous = entries.get(key)
      if (previous) remove(previous)
      // A response bigger than a tenant's share is not kept at all (an export, a huge list).
      if (size > options.maxTenantBytes || size > options.maxBytes) return
      makeRoom(tenantId, size)
      entries.set(key, { key, tenantId, version, validUntil, response, bytes: size })
      bytes += size
      tenantBytes.set(tenantId, (tenantBytes.get(tenantId) ?? 0) + size)
      counts.stores++
    },
    addGzip(key, response, gzip) {
      const entry = entries.get(key)
      if (!entry || entry.response !== response || response.gzip) return
      remove(entry)
      response.gzip = gzip
      const size = sizeOf(key, response)
      if (size > options.maxTenantBytes || size > options.maxBytes) return
      makeRoom(entry.tenantId, size)
      entries.set(key, { ...entry, bytes: size })
      bytes += size
      tenantBytes.set(entry.tenantId, (tenantBytes.get(entry.tenantId) ?? 0) + size)
    },
    dropTenant(tenantId) {
      for (const entry of entries.values()) if (entry.tenantId === tenantId) remove(entry)
    },
    stats: () => ({ entries: entries.size, bytes, ...counts }),
  }
}
