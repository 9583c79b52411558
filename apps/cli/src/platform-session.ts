import { loadConfig, platformFromConfig } from '@cerdas/api'
import type { Platform } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import type { CliIo } from './io'

/** The same settings as the server (CERDAS_DATA_DIR, CERDAS_TEMPLATES_DIR...), parsed by the API's schema. */
export function cliConfig(io: CliIo) {
  return loadConfig(io.env)
}

/** Opens the platform for one command and always closes it, so the process can exit. */
export async function withPlatform<T>(io: CliIo, fn: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await platformFromConfig(cliConfig(io), modules)
  try {
    return await fn(platform)
  } finally {
    platform.close()
  }
}

/** Every CLI action is recorded as done by the CLI in audit and lifecycle logs. */
export function cliActor(io: CliIo) {
  return { kind: 'cli' as const, id: io.env.USER ?? 'cli' }
}
