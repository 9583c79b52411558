// Cerdas in the peer bench: a data directory with the Toba tenant (its offices are the ones the
// generated services name) and an operator token, and the generated services loaded through the
// public bulk route of a running server, 500 per request as an importing operator would.
import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOperatorToken, createPlatform, createTenant } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { repoRoot } from './fixture'
import { type GeneratedService, slugOf } from './generated-services'

export const CERDAS_HOST = 'toba.localhost'
const TOKEN = 'cerdas_op_bench-operator-token-0123456789abcdefghij'

/** A new data directory with the seeded Toba tenant; returns it and an operator token for writes. */
export async function prepareCerdasDataDir(): Promise<{ dataDir: string; token: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cerdas-bench-peers-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  await createOperatorToken(platform.controlPlane, { name: 'bench', secret: TOKEN })
  platform.close()
  return { dataDir, token: TOKEN }
}

function post(port: number, path: string, token: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          host: CERDAS_HOST,
          'content-type': 'application/json',
          'content-length': payload.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/** The create body of a generated service, with the slug the other systems store. */
const createBody = (s: GeneratedService) => ({ ...s, slug: slugOf(s) })

/**
 * Loads the services through `POST /api/v1/services/bulk`, 500 per request (one transaction each);
 * returns the milliseconds it took.
 */
export async function loadCerdas(port: number, token: string, serviceList: GeneratedService[]): Promise<number> {
  const started = performance.now()
  for (let start = 0; start < serviceList.length; start += 500) {
    const items = serviceList.slice(start, start + 500).map(createBody)
    const { status, text } = await post(port, '/api/v1/services/bulk', token, { mode: 'create', items })
    if (status !== 200) throw new Error(`Cerdas bulk load at ${start}: ${status} ${text.slice(0, 800)}`)
  }
  return performance.now() - started
}
