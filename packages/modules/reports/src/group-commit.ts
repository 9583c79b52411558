/**
 * Writes that arrive together are committed together: each durable commit waits for the disk
 * (fsync), so under load one transaction for the submissions queued meanwhile answers each of
 * them as soon as one commit would. An item still gets its own result (or its own error); a
 * failing batch fails its items only. Used per database client, so batches never mix tenants.
 */
export type GroupCommit<I, R> = (item: I) => Promise<R>

/** At most this many items share a transaction: a long one would hold the write lock too long. */
const MAX_BATCH = 64

/**
 * A queue whose items `run` handles a batch at a time, in arrival order.
 * @example const insert = groupCommit((rows) => writeAll(rows)); const id = await insert(row)
 */
export function groupCommit<I, R>(run: (items: I[]) => Promise<R[]>): GroupCommit<I, R> {
  let queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = []
  let running = false
  const drain = async () => {
    running = true
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, MAX_BATCH)
        queue = queue.slice(batch.length)
        try {
          const results = await run(batch.map((b) => b.item))
          for (const [i, b] of batch.entries()) b.resolve(results[i] as R)
        } catch (error) {
          for (const b of batch) b.reject(error)
        }
      }
    } finally {
      running = false
    }
  }
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject })
      if (!running) void drain()
    })
}

/**
 * One group commit per database client (and key), made on first use.
 * @example const insert = perClient(ctx.db.$client, 'anonymous', () => groupCommit(run))
 */
export function perClient<T>(store: WeakMap<object, Map<string, T>>, client: object, key: string, make: () => T): T {
  let byKey = store.get(client)
  if (!byKey) {
    byKey = new Map()
    store.set(client, byKey)
  }
  let found = byKey.get(key)
  if (!found) {
    found = make()
    byKey.set(key, found)
  }
  return found
}
