import type { Command } from './command'
import { COMMANDS } from './commands/index'
import { describeError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors'
import type { CliIo } from './io'

function overview(commands: readonly Command[], group?: string): string {
  const shown = commands.filter((c) => !group || c.name.startsWith(`${group} `))
  const width = Math.max(...shown.map((c) => c.name.length))
  return [
    `Usage: cerdas ${group ?? '<group>'} <command> [arguments] [options]`,
    '',
    'Commands:',
    ...shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run \`cerdas ${group ?? '<group>'} <command> --help\` for a command's arguments and options.`,
    'Settings come from the environment, as for the server: CERDAS_DATA_DIR, CERDAS_TEMPLATES_DIR,',
    'CERDAS_CONTROL_PLANE_URL, CERDAS_PLATFORM_HOST...',
    '',
  ].join('\n')
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help'

/**
 * Runs one `cerdas` invocation and returns its exit code: 0 done, 1 failed,
 * 2 wrong usage. Errors are printed as one clear message, never a stack
 * trace (set CERDAS_DEBUG=1 to see it).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [group, name, ...rest] = argv
  if (group === undefined || isHelp(group)) {
    io[group === undefined ? 'stderr' : 'stdout'].write(overview(commands))
    return group === undefined ? EXIT_USAGE : EXIT_OK
  }
  // A command of one word (`serve`) takes every following argument as its own.
  const single = commands.find((c) => c.name === group)
  if (single) return runCommand(single, argv.slice(1), io)
  const groups = new Set(commands.map((c) => c.name.split(' ')[0]))
  if (!groups.has(group)) {
    io.stderr.write(`error: unknown command group "${group}"; expected one of: ${[...groups].join(', ')}\n`)
    return EXIT_USAGE
  }
  if (name === undefined || isHelp(name)) {
    io[name === undefined ? 'stderr' : 'stdout'].write(overview(commands, group))
    return name === undefined ? EXIT_USAGE : EXIT_OK
  }
  const command = commands.find((c) => c.name === `${group} ${name}`)
  if (!command) {
    const known = commands.filter((c) => c.name.startsWith(`${group} `)).map((c) => c.name.split(' ')[1])
    io.stderr.write(`error: unknown command "${group} ${name}"; ${group} commands: ${known.join(', ')}\n`)
    return EXIT_USAGE
  }
  return runCommand(command, rest, io)
}

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  try {
    return await command.run(args, io)
  } catch (error) {
    if (io.env.CERDAS_DEBUG === '1' && error instanceof Error) io.stderr.write(`${error.stack}\n`)
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\nRun \`cerdas ${command.name} --help\` for usage.\n`)
      return EXIT_USAGE
    }
    io.stderr.write(`error: ${describeError(error)}\n`)
    return EXIT_FAILURE
  }
}
