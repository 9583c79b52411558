import type { Actor, AnyModule, JobResult, ModuleJob, TenantDb } from '@cerdas/core'
import { listTenants, type TenantRecord } from '@cerdas/db'
import type { Platform, ResolvedTenant } from './platform'
import { toTenantInfo } from './tenant-info'

/**
 * Module jobs (ModuleDefinition.jobs) run by the platform: every enabled module's due jobs for
 * every active tenant. A job runs at most once per period per tenant however many processes run
 * the runner, because the run is claimed first in the tenant's own `cerdas_job_runs` table by one
 * conditional upsert: the process whose statement returns the row runs the job, the others see
 * nothing come back. Nothing is held in process memory (see docs/decisions/0111).
 */

/** The actor of every job run: the platform itself, with full rights. */
export const JOB_ACTOR: Actor = { kind: 'system', id: 'jobs', name: 'Cerdas jobs' }

/** What became of one job on one tenant in a pass. */
export interface JobRunReport {
  tenant: string
  /** `module.job`, e.g. `reports.auto-close`. */
  job: string
  status: 'ran' | 'failed' | 'skipped'
  result?: JobResult
  /** The failure's message, for `failed`. */
  error?: string
}

export interface RunDueJobsOptions {
  /** Only this tenant (by slug). */
  tenant?: string | undefined
  /** Only this job, as `module.id`. */
  job?: string | undefined
  /** Runs the jobs even when their period has not passed (never while another run holds the lease). */
  force?: boolean | undefined
  /** The clock; tests inject one. */
  now?: () => Date
  /** Tenants worked on at once; default 4. */
  concurrency?: number
  /** Where a failed job is told; it never stops the pass. */
  onError?: (report: JobRunReport, error: unknown) => void
}

interface JobRef {
  module: AnyModule
  job: ModuleJob
}

const CLAIM = `INSERT INTO cerdas_job_runs (module, job, started_at, finished_at, lease_until, last_result)
  VALUES (?1, ?2, ?3, NULL, ?4, NULL)
  ON CONFLICT (module, job) DO UPDATE SET started_at = ?3, finished_at = NULL, lease_until = ?4
    WHERE cerdas_job_runs.lease_until <= ?3 AND cerdas_job_runs.started_at <= ?5
  RETURNING started_at`

/**
 * Claims one run of a job: true when this caller may run it now. Due when no run holds the lease
 * and the last run started a full period ago (`force`: whenever no run holds the lease). The lease
 * lasts one period, so a run whose process died is taken up again in the next period.
 * @example if (await claimJobRun(db, 'reports', job, new Date())) await job.run(ctx)
 */
export async function claimJobRun(
  db: TenantDb,
  moduleId: string,
  job: Pick<ModuleJob, 'id' | 'everyMinutes'>,
  now: Date,
  force = false,
): Promise<boolean> {
  const period = job.everyMinutes * 60_000
  const startedBefore = force ? now : new Date(now.getTime() - period)
  const result = await db.$client.execute({
    sql: CLAIM,
    args: [
      moduleId,
      job.id,
      now.toISOString(),
      new Date(now.getTime() + period).toISOString(),
      startedBefore.toISOString(),
    ],
  })
  return result.rows.length === 1
}

/** Ends a claimed run: its lease released and its result (or error) kept for operators. */
async function finishJobRun(db: TenantDb, moduleId: string, jobId: string, at: Date, result: unknown): Promise<void> {
  await db.$client.execute({
    sql: `UPDATE cerdas_job_runs SET finished_at = ?1, lease_until = ?1, last_result = ?2 WHERE module = ?3 AND job = ?4`,
    args: [at.toISOString(), JSON.stringify(result), moduleId, jobId],
  })
}

function jobsOf(platform: Platform, record: TenantRecord, only: string | undefined): JobRef[] {
  const info = toTenantInfo(record, platform.modules)
  const refs: JobRef[] = []
  for (const module of platform.modules) {
    if (!info.modules[module.id]) continue
    for (const job of module.jobs ?? []) if (!only || only === `${module.id}.${job.id}`) refs.push({ module, job })
  }
  return refs
}

async function runTenantJobs(
  platform: Platform,
  record: TenantRecord,
  refs: JobRef[],
  options: RunDueJobsOptions,
): Promise<JobRunReport[]> {
  const now = options.now ?? (() => new Date())
  const tenant: ResolvedTenant = { record, info: toTenantInfo(record, platform.modules) }
  return platform.withTenantDb(record, async (db) => {
    const reports: JobRunReport[] = []
    for (const { module, job } of refs) {
      const name = `${module.id}.${job.id}`
      if (!(await claimJobRun(db, module.id, job, now(), options.force ?? false))) {
        reports.push({ tenant: record.slug, job: name, status: 'skipped' })
        continue
      }
      const ctx = platform.context(tenant, db, { actor: JOB_ACTOR, now })
      try {
        const result = await job.run(ctx)
        await finishJobRun(db, module.id, job.id, now(), result)
        reports.push({ tenant: record.slug, job: name, status: 'ran', result })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        await finishJobRun(db, module.id, job.id, now(), { error: message }).catch(() => {})
        const report: JobRunReport = { tenant: record.slug, job: name, status: 'failed', error: message }
        options.onError?.(report, error)
        reports.push(report)
      }
    }
    return reports
  })
}

/**
 * One pass: every due job of every enabled module on every active tenant (or the ones chosen),
 * a few tenants at a time. A tenant that fails (a job throws, its database cannot be opened) is
 * reported and the others go on.
 * @example const reports = await runDueJobs(platform, { tenant: 'toba', job: 'reports.auto-close', force: true })
 */
export async function runDueJobs(platform: Platform, options: RunDueJobsOptions = {}): Promise<JobRunReport[]> {
  const records = (await listTenants(platform.controlPlane)).filter(
    (r) => r.status === 'active' && (!options.tenant || r.slug === options.tenant),
  )
  const queue = records.map((record) => ({ record, refs: jobsOf(platform, record, options.job) }))
  const pending = queue.filter((t) => t.refs.length > 0)
  const reports: JobRunReport[] = []
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const { record, refs } = next
      try {
        reports.push(...(await runTenantJobs(platform, record, refs, options)))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        for (const { module, job } of refs) {
          const report: JobRunReport = {
            tenant: record.slug,
            job: `${module.id}.${job.id}`,
            status: 'failed',
            error: message,
          }
          options.onError?.(report, error)
          reports.push(report)
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker))
  return reports
}

export interface JobRunner {
  /** Stops the timer and waits for a pass in progress to end. */
  stop(): Promise<void>
}

/**
 * Runs {@link runDueJobs} every `intervalMs` (default one minute) until stopped. The timer does
 * not keep the process alive, and a pass still running when the next is due is not doubled.
 * @example const jobs = startJobRunner(platform, { onError: (r) => log.error('job failed', { ...r }) }); await jobs.stop()
 */
export function startJobRunner(
  platform: Platform,
  options: Omit<RunDueJobsOptions, 'tenant' | 'job' | 'force'> & {
    intervalMs?: number
    onPass?: (reports: JobRunReport[]) => void
  } = {},
): JobRunner {
  let running: Promise<void> | undefined
  const pass = () => {
    if (running) return
    running = runDueJobs(platform, options)
      .then((reports) => options.onPass?.(reports))
      // A pass that fails as a whole (the control plane unreachable) is retried at the next tick.
      .catch((error) => options.onError?.({ tenant: '*', job: '*', status: 'failed', error: String(error) }, error))
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(pass, options.intervalMs ?? 60_000)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
