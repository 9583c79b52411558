import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { fileUrl } from '../src/data-dir'

/** A fresh directory per test, removed afterwards; `url(name)` gives a `file:` URL inside it. */
export function useTempDir() {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'cerdas-db-test-'))
    dirs.push(dir)
    return { dir, url: (name: string) => fileUrl(join(dir, name)) }
  }
}
