const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

// Random bytes drawn in blocks: one call to the system's generator per 256 ids, not one per id
// (a bulk write makes two ids a record). Ids are unique, not secret.
const pool = new Uint8Array(4096)
let used = pool.length

function randomBytes(): Uint8Array {
  if (used + 16 > pool.length) {
    crypto.getRandomValues(pool)
    used = 0
  }
  used += 16
  return pool.subarray(used - 16, used)
}

/**
 * A time-sortable text id with a per-entity prefix (a ULID body).
 * @example newId('ann') // 'ann_01JD2X5Q9V3R8K7M6N5P4Q3R2S'
 */
export function newId(prefix: string, now: number = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  let rand = ''
  for (const byte of randomBytes()) rand += CROCKFORD[byte % 32]
  return `${prefix}_${time}${rand}`
}

/** Matches ids made by {@link newId} for one prefix. */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`)
}
