import { AsyncLocalStorage } from 'node:async_hooks'
import type { TenantDb } from '@cerdas/core'
import type { Client, Transaction, TransactionMode } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { bumpDataVersion } from './data-version'

/**
 * Write transactions on a libSQL database, one at a time per database file in
 * this process.
 *
 * Why a gate: on embedded files libSQL runs statements synchronously, and a
 * statement that needs the write lock while another connection of the same
 * process holds it in an open transaction busy-waits on the event loop, so the
 * holder can never commit (a stall until the busy timeout, then SQLITE_BUSY).
 * So while a transaction is open, other writes on the same database wait for
 * it asynchronously; plain reads (WAL) and code running inside the
 * transaction pass through.
 * Other processes are kept apart by SQLite's own lock (BEGIN IMMEDIATE).
 */
interface Gate {
  /** Settles when the last queued transaction has ended. */
  tail: Promise<void>
  /** Transactions open or waiting. */
  pending: number
  inside: AsyncLocalStorage<true>
}

const gates = new Map<string, Gate>()

function gateFor(key: string): Gate {
  let gate = gates.get(key)
  if (!gate) {
    gate = { tail: Promise.resolve(), pending: 0, inside: new AsyncLocalStorage() }
    gates.set(key, gate)
  }
  return gate
}

const GATE = Symbol('cerdas.gate')
const IN_TRANSACTION = Symbol('cerdas.inTransaction')

type GatedClient = Client & { [GATE]: Gate }

/** A plain SELECT needs no lock in WAL mode: readers go on while a transaction is open. */
function isRead(statement: unknown): boolean {
  const sql = typeof statement === 'string' ? statement : (statement as { sql?: unknown } | undefined)?.sql
  return typeof sql === 'string' && /^\s*select\b/i.test(sql)
}

/** Waits for the transactions ahead, then holds the gate until the returned release is called. */
async function enter(gate: Gate): Promise<() => void> {
  const previous = gate.tail
  let release = () => {}
  gate.pending++
  gate.tail = new Promise<void>((resolve) => {
    release = () => {
      gate.pending--
      resolve()
    }
  })
  await previous
  let released = false
  return () => {
    if (released) return
    released = true
    release()
  }
}

/** The transaction, giving the gate back when it commits, rolls back or closes. */
function releasing(tx: Transaction, release: () => void): Transaction {
  return new Proxy(tx, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      if (prop === 'commit' || prop === 'rollback')
        return (...args: unknown[]) =>
          (value as (...a: unknown[]) => Promise<void>).apply(target, args).finally(release)
      if (prop === 'close')
        return () => {
          try {
            target.close()
          } finally {
            release()
          }
        }
      return value.bind(target)
    },
  })
}

/**
 * The client with statements held back while a transaction of this process is
 * open on the same database (`key`, e.g. the file URL), and its transactions
 * taken one at a time.
 */
export function gatedClient(client: Client, key: string): Client {
  const gate = gateFor(key)
  const wait = <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    function (this: unknown, ...args: A): Promise<R> {
      if (gate.pending === 0 || gate.inside.getStore() || isRead(args[0])) return run.apply(client, args)
      return gate.tail.then(() => run.apply(client, args))
    }
  const transaction = async (mode?: TransactionMode) => {
    if (gate.inside.getStore()) throw new Error('a transaction is already open on this database in this call chain')
    const release = await enter(gate)
    try {
      return releasing(await client.transaction(mode), release)
    } catch (error) {
      release()
      throw error
    }
  }
  // Made once: reads are the hot path, and drizzle looks the method up on every query.
  const held: Record<string | symbol, unknown> = {
    [GATE]: gate,
    transaction,
    execute: wait(client.execute),
    batch: wait(client.batch),
    executeMultiple: wait(client.executeMultiple),
    migrate: wait(client.migrate),
  }
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop in held) return held[prop]
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as GatedClient
}

/** True for the database handle a {@link withTransaction} callback receives. */
export function inTransaction(db: TenantDb): boolean {
  return (db as unknown as Record<symbol, unknown>)[IN_TRANSACTION] === true
}

/**
 * Runs `work` in one write transaction: everything it does through the handle
 * it is given commits together, or nothing does (an error rolls back and is
 * rethrown). Must not be nested: inside, use the handle you were given.
 * @example await withTransaction(db, async (tx) => { await tx.insert(items).values(row); await appendAudit(tx, ...) })
 */
export async function withTransaction<T>(db: TenantDb, work: (tx: TenantDb) => Promise<T>): Promise<T> {
  if (inTransaction(db)) throw new Error('already inside a transaction: use the handle it gave you')
  const gate = (db.$client as Partial<GatedClient>)[GATE]
  const tx = await db.$client.transaction('write')
  const run = async () => {
    try {
      const result = await work(transactionDb(tx))
      // Read caches compare this version: it commits with the write or not at all.
      await bumpDataVersion(tx)
      await tx.commit()
      return result
    } catch (error) {
      await tx.rollback().catch(() => {})
      throw error
    } finally {
      tx.close()
    }
  }
  return gate ? gate.inside.run(true, run) : run()
}

/** Drizzle over the open transaction, marked so nested use is caught. */
function transactionDb(tx: Transaction): TenantDb {
  const db = drizzle(tx as unknown as Client) as TenantDb
  Object.defineProperty(db, IN_TRANSACTION, { value: true })
  return db
}
