import type { OutputStream } from './io'

export interface Progress {
  /** Marks one more unit of work done, with a short note (e.g. the tenant and its result). */
  tick(note: string): void
  done(): void
}

const WIDTH = 24

/**
 * Progress on stderr: a redrawn bar on a terminal, one plain line per step
 * otherwise (logs and CI keep every step).
 */
export function createProgress(stream: OutputStream, total: number, label: string): Progress {
  let count = 0
  const tty = stream.isTTY === true
  const draw = (note: string) => {
    const filled = total === 0 ? WIDTH : Math.round((count / total) * WIDTH)
    const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`
    const line = `${label} [${bar}] ${count}/${total} ${note}`
    const max = Math.max(20, (stream.columns ?? 80) - 1)
    stream.write(`\r\x1b[2K${line.length > max ? line.slice(0, max) : line}`)
  }
  if (tty) draw('')
  return {
    tick(note) {
      count++
      if (tty) draw(note)
      else stream.write(`${label} ${count}/${total} ${note}\n`)
    },
    done() {
      if (tty) stream.write('\n')
    },
  }
}
