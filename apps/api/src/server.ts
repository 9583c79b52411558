import { modules } from '@cerdas/registry'
import { serve } from '@hono/node-server'
import { createApiApp } from './app'
import { ConfigError, loadConfig } from './config'
import { closeAfterUnreadBody } from './lingering-close'
import { listenForMetrics } from './metrics-listener'
import { createLogger } from './middleware/logger'
import { createServerMetrics } from './middleware/metrics'
import { photosFromConfig } from './photos-from-config'
import { platformFromConfig } from './platform-from-config'

// Standalone API server (the web server mounts the same app next to the pages).
try {
  const config = loadConfig()
  const logger = createLogger(config.CERDAS_LOG_LEVEL)
  const platform = await platformFromConfig(config, modules)
  const metrics = createServerMetrics()
  const app = createApiApp({
    platform,
    logger,
    metrics,
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimitBytes: config.CERDAS_BODY_LIMIT_BYTES,
    photos: photosFromConfig(config),
  })
  serve({ fetch: closeAfterUnreadBody(app.fetch), port: config.PORT, hostname: config.HOST }, (info) =>
    logger.info('api listening', { port: info.port }),
  )
  if (config.CERDAS_METRICS_PORT) await listenForMetrics(metrics, config.CERDAS_METRICS_PORT)
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
