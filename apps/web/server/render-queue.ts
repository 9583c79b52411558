/**
 * Runs at most `concurrency` page renders at once, the others waiting their turn in arrival order.
 * Fifty renders interleaved on one event loop all finish late and hold fifty pages' worth of
 * memory (and garbage) at once; in turn, each finishes as soon as its own work is done, so the
 * slowest request waits about as long as the typical one.
 * @example const renders = renderQueue(4); const response = await renders.run(() => handle(request))
 */
export function renderQueue(concurrency: number) {
  let running = 0
  const waiting: Array<() => void> = []
  // A finished render hands its place to the next in line, or gives it up when nobody waits.
  const next = () => {
    const wake = waiting.shift()
    if (wake) wake()
    else running--
  }
  return {
    async run<T>(render: () => Promise<T>): Promise<T> {
      if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
      else running++
      try {
        return await render()
      } finally {
        next()
      }
    },
  }
}
