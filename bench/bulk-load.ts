// Loading services into a fresh Toba tenant through the real HTTP API: the bulk route, 500 items a
// request (one transaction each), against single POSTs of a sample, extrapolated to the same count.
import { rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { createOperatorToken, createTenant } from '@cerdas/platform'
import { benchPlatform } from './lib/fixture'
import { benchOffices, generateServices } from './lib/generated-services'
import { median, postJson, startProcess } from './lib/process'
import { cpuTreeSeconds } from './lib/server-process'

const COUNT = Number(process.env.BENCH_BULK_SERVICES ?? 10_000)
const SAMPLE = Number(process.env.BENCH_BULK_SAMPLE ?? 500)
const BATCH = 500
const TOKEN = 'cerdas_op_bench-bulk-load-token-0123456789abcdefghij'
const BULK_HOST = 'toba.localhost'
const SINGLE_HOST = 'satuan.localhost'

/** A data directory with two fresh Toba tenants (the template's offices): one for each way of loading. */
async function prepare(): Promise<string> {
  const { dataDir, platform } = await benchPlatform('cerdas-bench-bulk-')
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  await createTenant(platform, { slug: 'satuan', template: 'toba' })
  await createOperatorToken(platform.controlPlane, { name: 'bench', secret: TOKEN })
  platform.close()
  return dataDir
}

// One kept-alive connection, as an importing client would hold.
const agent = new Agent({ keepAlive: true, maxSockets: 1 })

export async function benchBulkLoad() {
  const offices = benchOffices()
  const services = generateServices(COUNT, offices)
  // The sample for single POSTs: other services (a later seed), so no name collides with the bulk ones.
  const sample = generateServices(SAMPLE, offices, 7)
  const dataDir = await prepare()
  const server = await startProcess('apps/api/src/server.ts', { CERDAS_DATA_DIR: dataDir })
  const batchMs: number[] = []
  let bulkMs = 0
  let singleMs = 0
  // Server CPU seconds of each phase: on a machine shared with other work they move less than wall time.
  let bulkCpu = 0
  let singleCpu = 0
  try {
    let created = 0
    const pid = server.child.pid as number
    const cpuBefore = cpuTreeSeconds(pid)
    const bulkStarted = performance.now()
    for (let start = 0; start < services.length; start += BATCH) {
      const items = services.slice(start, start + BATCH)
      const batchStarted = performance.now()
      const { status, text } = await postJson(
        server.port,
        BULK_HOST,
        '/api/v1/services/bulk',
        TOKEN,
        { mode: 'create', items },
        agent,
      )
      batchMs.push(performance.now() - batchStarted)
      if (status !== 200) throw new Error(`bulk at item ${start}: ${status} ${text.slice(0, 800)}`)
      created += (JSON.parse(text) as { created: number }).created
    }
    bulkMs = performance.now() - bulkStarted
    const cpuBetween = cpuTreeSeconds(pid)
    bulkCpu = cpuBetween - cpuBefore
    if (created !== COUNT) throw new Error(`bulk created ${created} of ${COUNT}`)
    const singleStarted = performance.now()
    for (const [i, service] of sample.entries()) {
      const { status, text } = await postJson(server.port, SINGLE_HOST, '/api/v1/services', TOKEN, service, agent)
      if (status !== 201) throw new Error(`single POST ${i}: ${status} ${text.slice(0, 800)}`)
    }
    singleMs = performance.now() - singleStarted
    singleCpu = ((cpuTreeSeconds(pid) - cpuBetween) / SAMPLE) * COUNT
  } finally {
    agent.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const bulkS = bulkMs / 1000
  const singleS = ((singleMs / SAMPLE) * COUNT) / 1000
  const first = batchMs[0] ?? 0
  const last = batchMs.at(-1) ?? 0
  console.log(
    `bulk-load: ${COUNT} services into a fresh Toba tenant over HTTP: bulk route (${BATCH} a request) ${bulkS.toFixed(2)} s, ` +
      `server CPU ${bulkCpu.toFixed(2)} s (${(COUNT / bulkS).toFixed(0)} services/s; a batch ${median(batchMs).toFixed(0)} ms median, ` +
      `first ${first.toFixed(0)} ms, last ${last.toFixed(0)} ms); single POSTs ${singleS.toFixed(1)} s, server CPU ${singleCpu.toFixed(1)} s, ` +
      `extrapolated from ${SAMPLE} (${(singleMs / SAMPLE).toFixed(1)} ms each); bulk ${(singleS / bulkS).toFixed(1)}x faster ` +
      `(target: ${COUNT} services <= 5 s)`,
  )
  return { bulkS, bulkCpu, singleS, singleCpu, ratio: singleS / bulkS }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBulkLoad()
