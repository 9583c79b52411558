import { isProblemError, ModuleDefinitionError } from '@cerdas/core'
import { TemplateError } from '@cerdas/platform'
import { z } from 'zod'

/** Wrong arguments or options: exit code 2, with a hint to the command's help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

/** An operation that could not be done (unknown tenant, refused confirmation...): exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliError'
  }
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** Turns zod issues into one readable line per issue, naming the argument or option. */
export function formatIssues(error: z.ZodError, names: Record<string, string> = {}): string {
  return error.issues
    .map((issue) => {
      const [first, ...rest] = issue.path.map(String)
      const label = first === undefined ? 'input' : [names[first] ?? first, ...rest].join('.')
      return issue.message === 'required' ? `missing ${label}` : `${label}: ${issue.message}`
    })
    .join('\n')
}

/**
 * The message shown for an error. Platform functions throw problem errors
 * whose `detail` is written for people; anything unexpected shows its
 * message only, never a stack trace (CERDAS_DEBUG=1 prints it).
 */
export function describeError(error: unknown): string {
  if (isProblemError(error)) return error.problem.detail ?? error.problem.title
  if (error instanceof TemplateError || error instanceof ModuleDefinitionError) return error.message
  if (error instanceof z.ZodError) return formatIssues(error)
  if (error instanceof Error) return error.message
  return String(error)
}
