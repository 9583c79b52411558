import { ConfigError, loadConfig } from '@cerdas/api'
import { modules } from '@cerdas/registry'
import { MissingBuildError, startWebServer, stopOnSignals } from './start'

// The production entry: the registry's modules, configuration from the environment.
// React picks its build from NODE_ENV when the server build is imported (below, dynamically):
// the development build renders pages several times slower, so only an explicit
// `development` keeps it (a test runner's `test` does not).
if (process.env.NODE_ENV !== 'development') process.env.NODE_ENV = 'production'
try {
  stopOnSignals(await startWebServer({ modules, config: loadConfig() }))
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof MissingBuildError ? error.message : error)
  process.exit(1)
}
