import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ConfigError, createApiApp, createLogger, loadConfig, platformFromConfig } from '@cerdas/api'
import { modules } from '@cerdas/registry'
import { serve } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import { createWebApp } from './web-app'

const buildDir = fileURLToPath(new URL('../build/', import.meta.url))

async function main() {
  const config = loadConfig()
  const logger = createLogger(config.CERDAS_LOG_LEVEL)
  const serverBuild = `${buildDir}server/index.js`
  if (!existsSync(serverBuild)) {
    console.error(`No web build at ${serverBuild}. Run: pnpm --filter @cerdas/web build`)
    process.exit(1)
  }
  const build = (await import(serverBuild)) as ServerBuild
  const platform = await platformFromConfig(config, modules)
  const api = createApiApp({
    platform,
    logger,
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimitBytes: config.CERDAS_BODY_LIMIT_BYTES,
  })
  const app = createWebApp({
    platform,
    api,
    build,
    clientDir: `${buildDir}client`,
    trustProxy: config.CERDAS_TRUST_PROXY,
  })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info('listening', { port: info.port, platform: `http://${config.CERDAS_PLATFORM_HOST}:${info.port}` })
  })
  const stop = () => {
    server.close()
    platform.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
