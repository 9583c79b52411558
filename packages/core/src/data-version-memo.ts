import type { TenantContext } from './tenant'

/**
 * Values derived from a tenant's data (its holiday calendar, its schedules by owner, a small
 * table) kept across requests until the next write. Each value is kept under the data version
 * it was read at: the counter in `cerdas_data_version` that every write transaction raises
 * before it commits (see @cerdas/db's data-version.ts), whichever process wrote. A read that
 * finds another version loads again, so a value never outlives a write.
 *
 * The version is read before the data: what is loaded is at least as new as the version it is
 * kept under, and a write committed in between only leaves a value under a version nobody will
 * read again. Inside a write transaction (which sees its own uncommitted writes under the old
 * version) and on a database without the version table nothing is kept.
 */
const READ_VERSION = 'SELECT version FROM cerdas_data_version WHERE id = 1'

/** Values kept per database and version at most: keys may name records, and memory stays bounded. */
const MAX_VALUES = 2000

interface Kept {
  version: number
  values: Map<string, Promise<unknown>>
}

/** Per open database (its client), so a reopened database starts empty and a closed one is let go. */
const kept = new WeakMap<object, Kept>()

export interface DataSnapshot {
  /** The data version read, or undefined when values are not kept (a transaction, no version table). */
  readonly version: number | undefined
  /**
   * The value under `key` at this version, loading it with `load` the first time.
   * @example const calendar = await snapshot.get('schedules.holidays', () => readCalendar(ctx))
   */
  get<T>(key: string, load: () => Promise<T>): Promise<T>
}

/** A write transaction's client has no `transaction` of its own (libSQL's Transaction). */
function inWriteTransaction(client: object): boolean {
  return typeof (client as { transaction?: unknown }).transaction !== 'function'
}

/**
 * The database's data version, or undefined when it keeps none (the control plane, a tenant not
 * yet migrated). One primary-key read.
 * @example const version = await readDataVersion(db.$client)
 */
export async function readDataVersion(client: {
  execute(sql: string): Promise<{ rows: ArrayLike<unknown>[] }>
}): Promise<number | undefined> {
  try {
    const value = (await client.execute(READ_VERSION)).rows[0]?.[0]
    return value === undefined || value === null ? undefined : Number(value)
  } catch (error) {
    if (/no such table: cerdas_data_version/.test(String((error as Error)?.message ?? error))) return undefined
    throw error
  }
}

/**
 * Reads the tenant's data version once; values asked of the snapshot are shared by every request
 * that sees the same version. Take one snapshot per call of a read function (not per request: a
 * request that writes must read again after its write).
 * @example
 * const snapshot = await dataSnapshot(ctx)
 * const byOwner = await snapshot.get('schedules.byOwner', () => loadAllSchedules(ctx))
 */
export async function dataSnapshot(ctx: Pick<TenantContext, 'db'>): Promise<DataSnapshot> {
  const client = ctx.db.$client as unknown as object & Parameters<typeof readDataVersion>[0]
  const version = inWriteTransaction(client) ? undefined : await readDataVersion(client)
  if (version === undefined) return { version, get: (_key, load) => load() }
  let entry = kept.get(client)
  if (!entry || entry.version < version) {
    entry = { version, values: new Map() }
    kept.set(client, entry)
  }
  const current = entry
  return {
    version,
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      // A reader that saw an older version than the one kept loads for itself and keeps nothing.
      if (current.version !== version) return load()
      let value = current.values.get(key) as Promise<T> | undefined
      if (!value) {
        value = load()
        if (current.values.size >= MAX_VALUES) return value
        current.values.set(key, value)
        value.catch(() => current.values.delete(key))
      }
      return value
    },
  }
}
