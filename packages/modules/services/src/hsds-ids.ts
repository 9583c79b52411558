import { createHash } from 'node:crypto'

/**
 * HSDS ids must be UUIDs: every HSDS id is a name-based UUID (version 5) of the Cerdas id, so it is
 * stable across exports and the same record always has the same HSDS id.
 */

/** The HSDS version whose official JSON schemas the export is checked against (test/fixtures/hsds-3). */
export const HSDS_VERSION = '3.2'

/** Namespace of the version 5 UUIDs of Cerdas records in HSDS (fixed: changing it changes every HSDS id). */
export const HSDS_ID_NAMESPACE = '13fccc3c-70a2-4c14-9c33-94643983de35'
const NAMESPACE_BYTES = Buffer.from(HSDS_ID_NAMESPACE.replace(/-/g, ''), 'hex')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The HSDS id (RFC 9562 version 5 UUID) of a Cerdas record or of a part of one.
 * @example hsdsId('service', 'svc_01JD2X5Q9V3R8K7M6N5P4Q3R2S') // always the same UUID for this service
 */
export function hsdsId(kind: string, ...parts: string[]): string {
  const hash = createHash('sha1')
    .update(NAMESPACE_BYTES)
    .update(`cerdas:${kind}:${parts.join(':')}`)
    .digest()
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** True when a reference is shaped like an HSDS id (a UUID) rather than a Cerdas id or slug. */
export const isHsdsId = (ref: string): boolean => UUID.test(ref)
