import { modules } from '@cerdas/registry'
import { serve } from '@hono/node-server'
import { createApiApp } from './app'
import { ConfigError, loadConfig } from './config'
import { closeAfterUnreadBody } from './lingering-close'
import { createLogger } from './middleware/logger'
import { platformFromConfig } from './platform-from-config'

// Standalone API server (the web server mounts the same app next to the pages).
try {
  const config = loadConfig()
  const logger = createLogger(config.CERDAS_LOG_LEVEL)
  const platform = await platformFromConfig(config, modules)
  const app = createApiApp({
    platform,
    logger,
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimitBytes: config.CERDAS_BODY_LIMIT_BYTES,
  })
  serve({ fetch: closeAfterUnreadBody(app.fetch), port: config.PORT, hostname: config.HOST }, (info) =>
    logger.info('api listening', { port: info.port }),
  )
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
