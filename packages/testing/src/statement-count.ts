import type { TenantDb } from '@cerdas/core'
import type { Client, InStatement } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'

/**
 * The same database with every SQL statement counted (a batch counts each of
 * its statements), through drizzle and the raw client alike: for tests that
 * a page runs a bounded number of queries whatever the size of its lists.
 * @example const counted = countingDatabase(db); await loadPage(counted.db); expect(counted.count()).toBe(7)
 */
export function countingDatabase(db: TenantDb): { db: TenantDb; count(): number; reset(): void } {
  let statements = 0
  const client = new Proxy(db.$client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (prop === 'execute')
        return (...args: unknown[]) => {
          statements++
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      if (prop === 'batch')
        return (stmts: InStatement[], ...rest: unknown[]) => {
          statements += stmts.length
          return (value as (...a: unknown[]) => unknown).apply(target, [stmts, ...rest])
        }
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as Client
  return {
    db: drizzle(client) as TenantDb,
    count: () => statements,
    reset: () => {
      statements = 0
    },
  }
}
