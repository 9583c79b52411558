import { readdirSync, readlinkSync } from 'node:fs'

/**
 * File descriptors this process holds, counted in /proc/self/fd (Linux);
 * undefined where that directory does not exist.
 * @example openFileDescriptors() // 143
 */
export function openFileDescriptors(): number | undefined {
  try {
    // The listing itself holds one descriptor while it reads the directory.
    return readdirSync('/proc/self/fd').length - 1
  } catch {
    return undefined
  }
}

const DATABASE_FILE = /\.db(-wal|-shm)?$/

/**
 * Descriptors this process holds on database files (a database, its WAL and its shared memory)
 * other than `except` (e.g. the control plane's file); undefined where /proc/self/fd does not exist.
 * One readlink per descriptor: meant for a metrics scrape, not for every request.
 * @example databaseFileDescriptors({ except: '/srv/cerdas/control.db' }) // 1542
 */
export function databaseFileDescriptors(options: { except?: string | undefined } = {}): number | undefined {
  let entries: string[]
  try {
    entries = readdirSync('/proc/self/fd')
  } catch {
    return undefined
  }
  const { except } = options
  let count = 0
  for (const fd of entries) {
    let target: string
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`)
    } catch {
      continue // closed meanwhile, like the listing's own descriptor
    }
    if (!DATABASE_FILE.test(target)) continue
    if (except && (target === except || target === `${except}-wal` || target === `${except}-shm`)) continue
    count++
  }
  return count
}
