import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a file only its owner can read (0600), for output that holds secrets
 * such as password and token hashes. The content goes to a fresh temp file in
 * the same directory, then is renamed over the target: an existing file's wider
 * mode is not kept, and a symlink at the target is replaced instead of followed.
 */
export function writePrivateFile(target: string, content: string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  // 'wx' refuses to open anything already there, a symlink included.
  const fd = openSync(temp, 'wx', 0o600)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
