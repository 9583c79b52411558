import { ConfigError, loadConfig } from '@cerdas/api'
import { modules } from '@cerdas/registry'
import { MissingBuildError, startWebServer, stopOnSignals } from './start'

// The production entry: the registry's modules, configuration from the environment.
try {
  stopOnSignals(await startWebServer({ modules, config: loadConfig() }))
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof MissingBuildError ? error.message : error)
  process.exit(1)
}
