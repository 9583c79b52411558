import { ConfigError, loadConfig } from '@cerdas/api'
import { modules } from '@cerdas/registry'
import { MissingBuildError, startWebServer, stopOnSignals } from './start'

/** Serves the registry's modules with the configuration from the environment, until SIGTERM or SIGINT. */
export async function serveFromEnvironment(): Promise<void> {
  try {
    stopOnSignals(await startWebServer({ modules, config: loadConfig() }))
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof MissingBuildError ? error.message : error)
    process.exit(1)
  }
}
