import { createInterface } from 'node:readline'

export interface OutputStream {
  write(text: string): unknown
  isTTY?: boolean | undefined
  columns?: number | undefined
}

/** Everything a command touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  env: Record<string, string | undefined>
  cwd: string
  stdout: OutputStream
  stderr: OutputStream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined }
}

export function processIo(): CliIo {
  return { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }
}

/** Reads one line from stdin after showing a question on stderr (stdout stays clean for data). */
export function ask(io: CliIo, question: string): Promise<string> {
  io.stderr.write(question)
  return new Promise((resolve) => {
    const rl = createInterface({ input: io.stdin, terminal: false })
    let answered = false
    rl.once('line', (line) => {
      answered = true
      rl.close()
      resolve(line.trim())
    })
    rl.once('close', () => {
      if (!answered) resolve('')
    })
  })
}

/** Reads all of stdin, for `tenant import -`. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString('utf8')
}
