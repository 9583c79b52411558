import { type JobRunReport, runDueJobs, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand } from '../command'
import { EXIT_FAILURE, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'

const schema = z.strictObject({
  tenant: slugSchema.optional(),
  job: z
    .string()
    .regex(/^[a-z][a-z0-9]*\.[a-z][a-z0-9-]*$/, 'must look like module.job')
    .optional(),
  force: z.boolean(),
})

function line(report: JobRunReport): string {
  const head = `${report.tenant} ${report.job}: `
  if (report.status === 'ran') return `${head}ran, changed ${report.result?.changed ?? 0}\n`
  if (report.status === 'failed') return `${head}FAILED: ${report.error}\n`
  return `${head}skipped (not due, or running elsewhere)\n`
}

/** Runs the due module jobs now and prints what each did; exit 1 when any failed. */
export async function jobsRun(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const reports = await runDueJobs(platform, { tenant: input.tenant, job: input.job, force: input.force })
    reports.sort((a, b) => a.tenant.localeCompare(b.tenant) || a.job.localeCompare(b.job))
    for (const report of reports) io.stdout.write(line(report))
    if (reports.length === 0) io.stdout.write('no jobs to run\n')
    return reports.some((r) => r.status === 'failed') ? EXIT_FAILURE : EXIT_OK
  })
}

export const jobsRunCommand = defineCommand({
  name: 'jobs run',
  summary: 'run the due module jobs now',
  help: `
Usage: cerdas jobs run [--tenant <slug>] [--job <module.job>] [--force]

Runs every due job of every enabled module on every active tenant, as the web
server does each minute (unless CERDAS_JOBS=off), and prints what each did.
A job runs at most once per period per tenant, whichever process runs it.

Options:
  --tenant <slug>     only this tenant
  --job <module.job>  only this job, e.g. reports.auto-close
  --force             run even if the period has not passed (never twice at once)

Exit code 1 when any job failed.
`,
  options: { tenant: { type: 'string' }, job: { type: 'string' }, force: { type: 'boolean' } },
  input: (args) => ({ tenant: args.values.tenant, job: args.values.job, force: args.values.force === true }),
  labels: { tenant: '--tenant', job: '--job', force: '--force' },
  schema,
  action: jobsRun,
})
