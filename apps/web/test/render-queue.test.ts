import { describe, expect, it } from 'vitest'
import { renderQueue } from '../server/render-queue'

/** A render that finishes when the test says so. */
function deferred() {
  let finish = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { done, finish }
}

describe('render queue', () => {
  it('runs at most its concurrency at once and starts the others in arrival order', async () => {
    const queue = renderQueue(2)
    const started: number[] = []
    const gates = Array.from({ length: 5 }, deferred)
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i)
        await gate.done
        return i
      }),
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([0, 1])
    gates[1]?.finish()
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([0, 1, 2])
    for (const gate of gates) gate.finish()
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4])
    expect(started).toEqual([0, 1, 2, 3, 4])
  })

  it('gives the place of a failed render to the next one', async () => {
    const queue = renderQueue(1)
    await expect(queue.run(() => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed')
    expect(await queue.run(async () => 'next')).toBe('next')
    // Both places free again: two renders start at once on a queue of two.
    const wide = renderQueue(2)
    await expect(wide.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x')
    const gate = deferred()
    let running = 0
    const a = wide.run(async () => {
      running++
      await gate.done
    })
    const b = wide.run(async () => {
      running++
      await gate.done
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(running).toBe(2)
    gate.finish()
    await Promise.all([a, b])
  })
})
