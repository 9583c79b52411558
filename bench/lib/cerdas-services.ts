import { createOperatorToken, createTenant } from '@cerdas/platform'
import { benchPlatform } from './fixture'
import { type GeneratedService, slugOf } from './generated-services'
import { postJson } from './process'

export const CERDAS_HOST = 'toba.localhost'
const TOKEN = 'cerdas_op_bench-operator-token-0123456789abcdefghij'

/** A new data directory with the seeded Toba tenant; returns it and an operator token for writes. */
export async function prepareCerdasDataDir(): Promise<{ dataDir: string; token: string }> {
  const { dataDir, platform } = await benchPlatform('cerdas-bench-peers-')
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  await createOperatorToken(platform.controlPlane, { name: 'bench', secret: TOKEN })
  platform.close()
  return { dataDir, token: TOKEN }
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
    const { status, text } = await postJson(port, CERDAS_HOST, '/api/v1/services/bulk', token, {
      mode: 'create',
      items,
    })
    if (status !== 200) throw new Error(`Cerdas bulk load at ${start}: ${status} ${text.slice(0, 800)}`)
  }
  return performance.now() - started
}
