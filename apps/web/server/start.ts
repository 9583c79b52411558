import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import {
  type Config,
  closeAfterUnreadBody,
  createApiApp,
  createLogger,
  createServerMetrics,
  listenForMetrics,
  platformFromConfig,
} from '@cerdas/api'
import type { AnyModule } from '@cerdas/core'
import type { Platform } from '@cerdas/platform'
import { serve } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import { createWebApp } from './web-app'

const defaultBuildDir = fileURLToPath(new URL('../build/', import.meta.url))

export interface StartWebServerOptions {
  /**
   * The modules this server runs with. Pages read them at run time (`site.definitions`), so a
   * module without pages of its own (admin entities, API, permissions only) works with the
   * existing build; pages a module ships still need a build that includes them.
   */
  modules: readonly AnyModule[]
  config: Config
  /** Directory holding the Remix build (`server/index.js`, `client/`); default apps/web/build. */
  buildDir?: string
}

export interface WebServer {
  platform: Platform
  port: number
  /** Stops listening and closes the platform's connections. */
  close(): Promise<void>
}

/** Thrown when there is no web build to serve. */
export class MissingBuildError extends Error {
  constructor(path: string) {
    super(`No web build at ${path}. Run: pnpm --filter @cerdas/web build`)
    this.name = 'MissingBuildError'
  }
}

/**
 * Starts the one-process server (API + built web app) for a set of modules and a configuration.
 * @example const server = await startWebServer({ modules, config: loadConfig() })
 */
export async function startWebServer(options: StartWebServerOptions): Promise<WebServer> {
  const { config } = options
  const buildDir = options.buildDir ?? defaultBuildDir
  const logger = createLogger(config.CERDAS_LOG_LEVEL)
  const serverBuild = `${buildDir}${buildDir.endsWith('/') ? '' : '/'}server/index.js`
  if (!existsSync(serverBuild)) throw new MissingBuildError(serverBuild)
  const build = (await import(serverBuild)) as ServerBuild
  const platform = await platformFromConfig(config, options.modules)
  // One registry for the API and the pages, so /metrics shows the whole server.
  const metrics = createServerMetrics()
  const api = createApiApp({
    platform,
    logger,
    metrics,
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimitBytes: config.CERDAS_BODY_LIMIT_BYTES,
  })
  const app = createWebApp({
    platform,
    api,
    build,
    clientDir: serverBuild.replace(/server\/index\.js$/, 'client'),
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimits: { form: config.CERDAS_FORM_BODY_LIMIT_BYTES, import: config.CERDAS_IMPORT_BODY_LIMIT_BYTES },
    metrics,
  })
  const metricsServer = config.CERDAS_METRICS_PORT
    ? await listenForMetrics(metrics, config.CERDAS_METRICS_PORT)
    : undefined
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: closeAfterUnreadBody(app.fetch), port: config.PORT, hostname: config.HOST },
      (info: AddressInfo) => {
        logger.info('listening', { port: info.port, platform: `http://${config.CERDAS_PLATFORM_HOST}:${info.port}` })
        resolve(s)
      },
    )
  })
  const address = server.address()
  return {
    platform,
    port: typeof address === 'object' && address ? address.port : config.PORT,
    close: () =>
      new Promise<void>((resolve) => {
        metricsServer?.close()
        server.close(() => {
          platform.close()
          resolve()
        })
        // Keep-alive connections (a browser's) would otherwise hold the close open.
        if ('closeAllConnections' in server) server.closeAllConnections()
      }),
  }
}

/** Stops the server on SIGINT and SIGTERM, then exits. */
export function stopOnSignals(server: WebServer): void {
  const stop = () => {
    void server.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
