import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { z } from 'zod'
import { EXIT_OK, formatIssues, UsageError } from './errors'
import type { CliIo } from './io'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

export interface ParsedArgs {
  values: OptionValues
  positionals: string[]
}

/** One `cerdas <group> <name>` command. */
export interface Command {
  /** e.g. `tenant create` */
  name: string
  summary: string
  /** Full help text: usage line, arguments, options, examples. */
  help: string
  run(args: string[], io: CliIo): Promise<number>
}

export interface CommandSpec<T> {
  name: string
  summary: string
  help: string
  options?: OptionsConfig
  /** Maps parsed argv to the object the schema validates. */
  input(args: ParsedArgs): unknown
  schema: z.ZodType<T>
  /** Labels of input fields in messages, e.g. `{ hosts: '--host' }`. */
  labels?: Record<string, string>
  action(input: T, io: CliIo): Promise<number>
}

/**
 * Declares a command: argv goes through `node:util` parseArgs (strict, so
 * unknown options are usage errors), then through the zod schema; only a
 * valid input reaches the action.
 */
export function defineCommand<T>(spec: CommandSpec<T>): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(args, io) {
      let parsed: ParsedArgs
      try {
        parsed = parseArgs({
          args,
          options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
          strict: true,
        }) as ParsedArgs
      } catch (error) {
        // parseArgs messages name the option; drop its advice about '--' which confuses more than it helps.
        throw new UsageError(
          (error as Error).message.replace(/\.? ?To specify a positional argument.*$/s, ''),
          spec.name,
        )
      }
      if (parsed.values.help) {
        io.stdout.write(`${spec.help.trim()}\n`)
        return EXIT_OK
      }
      const result = spec.schema.safeParse(spec.input(parsed))
      if (!result.success) throw new UsageError(formatIssues(result.error, spec.labels), spec.name)
      return spec.action(result.data, io)
    },
  }
}

/** Exactly `count` positionals are expected; extra ones are a usage error rather than silently ignored. */
export function positionals(args: ParsedArgs, names: string[], command: string): Record<string, string | undefined> {
  if (args.positionals.length > names.length) {
    const extra = args.positionals.slice(names.length).join(' ')
    throw new UsageError(`unexpected argument(s): ${extra}`, command)
  }
  return Object.fromEntries(names.map((name, i) => [name, args.positionals[i]]))
}

/** Zod option for a required argument: says "missing <slug>" instead of "expected string, received undefined". */
export const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'required' : undefined) }
