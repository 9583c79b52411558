// Report submissions at a steady rate against the built server (the production path), then
// every acknowledged report looked up in the tenant database: present exactly once. A second
// run kills the server with SIGKILL part-way, restarts it, and resends what was not
// acknowledged with the same client key. The baseline is the same open-loop schedule of reads
// (the category list) on the same server in the same run.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { createOperatorToken, createTenant } from '@cerdas/platform'
import { createClient } from '@libsql/client'
import { benchPlatform, repoRoot } from './lib/fixture'
import { freePort, percentile, timedGet } from './lib/process'

const RATE = Number(process.env.BENCH_REPORT_RATE ?? 200)
const SECONDS = Number(process.env.BENCH_REPORT_SECONDS ?? 60)
const KILL_AT = Number(process.env.BENCH_REPORT_KILL_AT ?? 20)
const HOST = 'toba.localhost'
const SERVER = join(repoRoot, 'apps/web/build/server.mjs')
const TOKEN = 'cerdas_op_bench-report-load-token-0123456789abcdefghij'

interface Running {
  child: ChildProcess
  port: number
}

async function startServer(dataDir: string, port: number): Promise<Running> {
  const child = spawn(process.execPath, [SERVER], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      CERDAS_DATA_DIR: dataDir,
      CERDAS_TRUST_PROXY: 'true',
      CERDAS_JOBS: 'off',
      CERDAS_LOG_LEVEL: 'silent',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await timedGet(port, 'localhost', '/api/health').then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return { child, port }
    await new Promise((r) => setTimeout(r, 20))
  }
}

function kill9(server: Running): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve())
    server.child.kill('SIGKILL')
  })
}

interface Answer {
  status: number
  body: string
  ms: number
}

function send(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<Answer>((resolve) => {
    const started = performance.now()
    const req = request(
      { agent, host: '127.0.0.1', port, method, path, headers: { host: HOST, ...headers }, timeout: 30_000 },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c) => {
          text += c
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }))
      },
    )
    req.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }))
    req.on('timeout', () => req.destroy())
    req.end(body)
  })
}

interface Draft {
  clientKey: string
  ip: string
  device: string
  description: string
}

let sequence = 0
function draft(): Draft {
  const n = sequence++
  // Many residents: each address and device sends a few reports an hour, under the limits.
  return {
    clientKey: randomUUID(),
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    device: `bench-device-${n}`,
    description: `Sampah menumpuk di tepi jalan, laporan uji beban nomor ${n}`,
  }
}

async function delayToken(agent: Agent, port: number): Promise<string> {
  const res = await send(agent, port, 'GET', '/api/v1/reports/delay-token', {})
  if (res.status !== 200) throw new Error(`delay token: ${res.status} ${res.body}`)
  return (JSON.parse(res.body) as { delayToken: string }).delayToken
}

function submit(agent: Agent, port: number, category: string, token: string, d: Draft) {
  const body = JSON.stringify({
    category,
    description: d.description,
    kecamatan: 'Balige',
    desa: 'Pardede Onan',
    landmark: 'Dekat pasar',
    clientKey: d.clientKey,
    delayToken: token,
  })
  return send(
    agent,
    port,
    'POST',
    '/api/v1/reports',
    { 'content-type': 'application/json', 'x-forwarded-for': d.ip, 'x-cerdas-device': d.device },
    body,
  )
}

/** Sends on a fixed schedule whatever the answers (open loop), for `seconds`; `each` runs one request. */
async function openLoop<T>(seconds: number, rate: number, each: (i: number) => Promise<T>, at?: (s: number) => void) {
  const total = Math.round(seconds * rate)
  const started = performance.now()
  const pending: Promise<T>[] = []
  let second = -1
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    const s = Math.floor((performance.now() - started) / 1000)
    if (s !== second) {
      second = s
      at?.(s)
    }
    pending.push(each(i))
  }
  const results = await Promise.all(pending)
  return { results, wallS: (performance.now() - started) / 1000 }
}

interface Acked {
  clientKey: string
  number: string
}

async function checkStored(dataDir: string, acked: Acked[]) {
  const db = createClient({ url: `file:${join(dataDir, 'tenants', 'toba.db')}` })
  try {
    const rows = (await db.execute('SELECT number, client_key FROM reports_reports')).rows as unknown as {
      number: string
      client_key: string | null
    }[]
    const byKey = new Map<string, string[]>()
    for (const r of rows) if (r.client_key) byKey.set(r.client_key, [...(byKey.get(r.client_key) ?? []), r.number])
    let missing = 0
    let doubled = 0
    for (const a of acked) {
      const numbers = byKey.get(a.clientKey) ?? []
      if (!numbers.includes(a.number)) missing++
      if (numbers.length > 1) doubled++
    }
    return { stored: rows.length, missing, doubled }
  } finally {
    db.close()
  }
}

function summary(label: string, answers: Answer[], wallS: number) {
  const ok = answers.filter((a) => a.status === 200 || a.status === 201)
  const ms = ok.map((a) => a.ms)
  const byStatus = new Map<number, number>()
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1)
  return {
    label,
    sent: answers.length,
    ok: ok.length,
    rate: ok.length / wallS,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    statuses: [...byStatus].map(([s, n]) => `${s === 0 ? 'no answer' : s}×${n}`).join(' '),
  }
}

export async function benchReportLoad() {
  if (!existsSync(SERVER)) throw new Error('No server build: run npx pnpm --filter @cerdas/web run build first')
  const { dataDir, platform } = await benchPlatform('cerdas-bench-reports-')
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  await createOperatorToken(platform.controlPlane, { name: 'bench', secret: TOKEN })
  platform.close()
  const port = await freePort()
  let server = await startServer(dataDir, port)
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  try {
    // A category of its own, so the figures do not depend on the template's routing.
    const made = await send(
      agent,
      port,
      'POST',
      '/api/v1/reports/categories',
      { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      JSON.stringify({ name: { id: 'Sampah tidak diangkut (uji beban)' }, sortOrder: 0 }),
    )
    if (made.status !== 201) throw new Error(`category: ${made.status} ${made.body}`)
    const category = (JSON.parse(made.body) as { slug: string }).slug
    const token = await delayToken(agent, port)
    await new Promise((r) => setTimeout(r, 3_500))

    // Baseline: the same schedule of reads.
    const reads = await openLoop(Math.min(SECONDS, 20), RATE, () =>
      send(agent, port, 'GET', '/api/v1/reports/categories', {}),
    )
    const baseline = summary('read baseline', reads.results, reads.wallS)

    // Steady submissions.
    const steadyDrafts: Draft[] = []
    const steady = await openLoop(SECONDS, RATE, () => {
      const d = draft()
      steadyDrafts.push(d)
      return submit(agent, port, category, token, d)
    })
    const steadySummary = summary('submissions', steady.results, steady.wallS)
    const refused = steady.results.find((a) => a.status >= 400)
    if (refused) console.log(`  first refusal: ${refused.status} ${refused.body.slice(0, 300)}`)
    const steadyAcked = steady.results.flatMap((a, i) =>
      a.status === 201
        ? [{ clientKey: steadyDrafts[i]?.clientKey as string, number: JSON.parse(a.body).report.number }]
        : [],
    )

    // Kill -9 part-way, restart, resend the unacknowledged with their client keys.
    const killDrafts: Draft[] = []
    let restarting: Promise<void> | null = null
    let downMs = 0
    const killed = await openLoop(
      SECONDS,
      RATE,
      () => {
        const d = draft()
        killDrafts.push(d)
        return submit(agent, port, category, token, d)
      },
      (s) => {
        if (s === KILL_AT && !restarting) {
          const down = performance.now()
          restarting = kill9(server).then(async () => {
            server = await startServer(dataDir, port)
            downMs = performance.now() - down
          })
        }
      },
    )
    await restarting
    const firstTry = summary('submissions with kill -9', killed.results, killed.wallS)
    const acked: Acked[] = []
    const retried: Answer[] = []
    for (const [i, a] of killed.results.entries()) {
      const d = killDrafts[i] as Draft
      let answer = a
      // Not acknowledged (no answer, or the connection died): the device sends it again later.
      while (answer.status !== 201 && answer.status !== 200) {
        if (answer.status !== 0 && answer.status < 500) break
        answer = await submit(agent, port, category, token, d)
        retried.push(answer)
      }
      if (answer.status === 201 || answer.status === 200)
        acked.push({ clientKey: d.clientKey, number: JSON.parse(answer.body).report.number })
    }
    const replays = retried.filter((r) => r.status === 200 || (r.status === 201 && JSON.parse(r.body).replayed)).length

    const steadyCheck = await checkStored(dataDir, steadyAcked)
    const killCheck = await checkStored(dataDir, acked)
    const line = (s: ReturnType<typeof summary>) =>
      `${s.label}: ${s.ok}/${s.sent} ok, ${s.rate.toFixed(0)}/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (${s.statuses})`
    console.log(`report-load: ${RATE}/s for ${SECONDS} s against the built server`)
    console.log(`  ${line(baseline)}`)
    console.log(`  ${line(steadySummary)}; p99 ${(steadySummary.p99 / baseline.p99).toFixed(2)}x the read baseline`)
    console.log(
      `  acknowledged ${steadyAcked.length}: missing ${steadyCheck.missing}, stored twice ${steadyCheck.doubled} (target: 0 and 0)`,
    )
    console.log(`  ${line(firstTry)}; server down ${(downMs / 1000).toFixed(2)} s after kill -9 at ${KILL_AT} s`)
    console.log(
      `  after resending the unacknowledged (${retried.length} resends, ${replays} answered as replays): acknowledged ${acked.length}/${killDrafts.length}, missing ${killCheck.missing}, stored twice ${killCheck.doubled} (target: 0 and 0)`,
    )
    return { baseline, steady: steadySummary, steadyCheck, killCheck, downMs }
  } finally {
    agent.destroy()
    await kill9(server).catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReportLoad()
