import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import {
  type Config,
  closeAfterUnreadBody,
  createApiApp,
  createLogger,
  createServerMetrics,
  listenForMetrics,
  photosFromConfig,
  platformFromConfig,
} from '@cerdas/api'
import type { AnyModule } from '@cerdas/core'
import { type Platform, startJobRunner } from '@cerdas/platform'
import { serve } from '@hono/node-server'
import type { ServerBuild } from '@remix-run/node'
import { type DrainableServer, drainable } from './drain-server'
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
  /** Stops listening, lets requests in flight finish (up to CERDAS_SHUTDOWN_TIMEOUT_MS), then closes the platform's connections. */
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
  // One photo store for the API's uploads and the pages' /media files.
  const photos = photosFromConfig(config)
  const api = createApiApp({
    platform,
    logger,
    metrics,
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimitBytes: config.CERDAS_BODY_LIMIT_BYTES,
    photos,
  })
  const app = createWebApp({
    platform,
    api,
    build,
    clientDir: serverBuild.replace(/server\/index\.js$/, 'client'),
    trustProxy: config.CERDAS_TRUST_PROXY,
    bodyLimits: { form: config.CERDAS_FORM_BODY_LIMIT_BYTES, import: config.CERDAS_IMPORT_BODY_LIMIT_BYTES },
    metrics,
    photos,
  })
  // Module jobs: every process may run them; the lease in each tenant database keeps them single.
  const jobs =
    config.CERDAS_JOBS === 'on'
      ? startJobRunner(platform, { onError: (report) => logger.error('job failed', { ...report }) })
      : undefined
  const metricsServer = config.CERDAS_METRICS_PORT
    ? await listenForMetrics(metrics, config.CERDAS_METRICS_PORT)
    : undefined
  let connections: DrainableServer | undefined
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: closeAfterUnreadBody(app.fetch), port: config.PORT, hostname: config.HOST },
      (info: AddressInfo) => {
        logger.info('listening', { port: info.port, platform: `http://${config.CERDAS_PLATFORM_HOST}:${info.port}` })
        resolve(s)
      },
    )
    // Followed from the first connection, so a drain knows which ones have a request running.
    connections = drainable(s as Server)
  })
  const address = server.address()
  return {
    platform,
    port: typeof address === 'object' && address ? address.port : config.PORT,
    close: async () => {
      logger.info('stopping', { drainTimeoutMs: config.CERDAS_SHUTDOWN_TIMEOUT_MS })
      metricsServer?.close()
      // A job pass in progress ends before the databases close.
      await jobs?.stop()
      await connections?.drain(config.CERDAS_SHUTDOWN_TIMEOUT_MS)
      // Only once no request runs: tenant databases and the control plane close last.
      platform.close()
    },
  }
}

/**
 * A signal this soon after the first is the same request delivered twice (a terminal's Ctrl-C
 * reaches both a launcher and the server, and the launcher passes it on; systemd signals every
 * process of the unit): only a later one means "stop now".
 */
const REPEAT_WINDOW_MS = 1000

/**
 * On SIGINT or SIGTERM, stops the server gracefully (requests in flight finish, databases close),
 * then exits 0; a second signal, a second or more after the first, exits at once with 1.
 * @example stopOnSignals(await startWebServer({ modules, config: loadConfig() }))
 */
export function stopOnSignals(server: WebServer): void {
  let stoppingSince: number | undefined
  const stop = () => {
    if (stoppingSince !== undefined) {
      if (performance.now() - stoppingSince >= REPEAT_WINDOW_MS) process.exit(1)
      return
    }
    stoppingSince = performance.now()
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
