import { CliError } from './errors'
import { ask, type CliIo } from './io'

/**
 * Guards a destructive command: the person must type `expected` (the slug),
 * unless --yes was given. Without a terminal there is nobody to ask, so it
 * refuses rather than guess.
 */
export async function confirmByTyping(io: CliIo, what: string, expected: string, yes: boolean): Promise<void> {
  if (yes) return
  if (!io.stdin.isTTY)
    throw new CliError(`refusing to ${what} without confirmation: stdin is not a terminal; add --yes`)
  const answer = await ask(io, `This will ${what}. Type "${expected}" to confirm: `)
  if (answer !== expected) throw new CliError(`not confirmed (expected "${expected}"); nothing was changed`)
}
