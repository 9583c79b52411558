import { createReadStream } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { PhotoKey, PhotoStorage, StoredFile } from './storage'

/**
 * Photos under the data directory: `<dataDir>/photos/<tenant id>/<photo id>/<width>.<format>`,
 * owner-only like the databases beside them.
 */
export function localPhotoStorage(dataDir: string): PhotoStorage {
  const root = resolve(dataDir, 'photos')
  const pathOf = (key: PhotoKey) => {
    const path = resolve(root, key)
    // Keys are checked where they are made; this is the second lock on the same door.
    if (!path.startsWith(`${root}${sep}`)) throw new Error(`photo key outside the photo directory: ${key}`)
    return path
  }
  return {
    kind: 'local',
    async put(key, data) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true, mode: 0o700 })
      // Written beside and renamed, so a reader never sees half a file.
      const partial = `${path}.${process.pid}.${Date.now()}.part`
      await writeFile(partial, data, { mode: 0o600 })
      await rename(partial, path)
    },
    async get(key): Promise<StoredFile | null> {
      const path = pathOf(key)
      try {
        const info = await stat(path)
        if (!info.isFile()) return null
        return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, size: info.size }
      } catch {
        return null
      }
    },
    async delete(keys) {
      const folders = new Set<string>()
      for (const key of keys) {
        const path = pathOf(key)
        await rm(path, { force: true })
        folders.add(dirname(path))
      }
      // A photo's folder goes with its last file.
      for (const folder of folders) await rm(folder, { recursive: false, force: true }).catch(() => {})
    },
  }
}
