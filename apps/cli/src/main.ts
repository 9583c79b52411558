import { runCli } from './cli'
import { processIo } from './io'

// `pnpm cerdas ...` runs this file with tsx from the repo root.
const io = processIo()
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
    // A confirmation prompt may have left stdin reading; it must not keep the process alive.
    process.stdin.unref?.()
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
