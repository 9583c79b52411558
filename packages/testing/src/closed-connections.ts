import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * libSQL gives a closed connection's file descriptors back once its prepared statements are
 * collected (they keep the native connection alive): collect, then let the finalizers run. A
 * database still open keeps its descriptors through this.
 * @example await collectClosedConnections(); expect(descriptorsOn('toba')).toBe(0)
 */
export async function collectClosedConnections(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
}
