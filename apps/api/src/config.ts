import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

/** Every setting comes from the environment, parsed once at start-up. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  CERDAS_DATA_DIR: z.string().min(1).default(`${repoRoot}data`),
  CERDAS_TEMPLATES_DIR: z.string().min(1).default(`${repoRoot}templates`),
  CERDAS_CONTROL_PLANE_URL: z.string().optional(),
  CERDAS_CONTROL_PLANE_TOKEN: z.string().optional(),
  /** Bare host of the platform page; tenants default to `<slug>.<this>`. */
  CERDAS_PLATFORM_HOST: z.string().min(1).default('localhost'),
  /** Trust X-Forwarded-Host / -Proto only behind a proxy that sets them. */
  CERDAS_TRUST_PROXY: booleanFlag.default(false),
  CERDAS_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Largest body of a form posted to a page (sign-in, the console's forms). */
  CERDAS_FORM_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(65_536),
  /** Largest body of a sheet upload to the console's import pages. */
  CERDAS_IMPORT_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
  /** Most tenant databases open at once (three file descriptors each; five for one read while it was being written). */
  CERDAS_MAX_OPEN_TENANTS: z.coerce.number().int().min(1).default(600),
  /** Memory for the open tenant databases' page caches, shared out per database. */
  CERDAS_TENANT_PAGE_CACHE_MB: z.coerce.number().min(1).default(128),
  /** Memory for public responses kept between writes (0 turns the read cache off). */
  CERDAS_READ_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  CERDAS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** A loopback-only listener serving just /metrics (no token), for a Prometheus agent on this machine. */
  CERDAS_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** `off`: this server runs no module jobs (another process or `cerdas jobs run` from cron does). */
  CERDAS_JOBS: z.enum(['on', 'off']).default('on'),
  CERDAS_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest photo upload; no tenant setting can raise it. */
  CERDAS_PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(15 * 1024 * 1024),
  /** Most pixels of an uploaded photo, checked before it is decoded (decompression bombs). */
  CERDAS_PHOTO_MAX_PIXELS: z.coerce.number().int().min(10_000).max(268_402_689).default(40_000_000),
  /** Photo uploads processed at once; more wait, so uploads cannot starve page rendering. */
  CERDAS_PHOTO_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /**
   * S3-compatible object storage for photos, set by the operator (never by a tenant): all of
   * endpoint, bucket, key id and secret, or none (photos then live under the data directory).
   */
  CERDAS_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  CERDAS_S3_BUCKET: z.string().min(1).max(255).optional(),
  CERDAS_S3_REGION: z.string().min(1).default('us-east-1'),
  CERDAS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  CERDAS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Keys start with this, so one bucket can hold more than Cerdas photos (e.g. `cerdas/`). */
  CERDAS_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'folders ending with /')
    .default(''),
})

const S3_VARIABLES = [
  'CERDAS_S3_ENDPOINT',
  'CERDAS_S3_BUCKET',
  'CERDAS_S3_ACCESS_KEY_ID',
  'CERDAS_S3_SECRET_ACCESS_KEY',
] as const

/** Object storage is all or nothing: half a configuration is a mistake to report at start-up. */
const checkedConfigSchema = configSchema.superRefine((config, ctx) => {
  const given = S3_VARIABLES.filter((name) => config[name] !== undefined)
  if (given.length === 0 || given.length === S3_VARIABLES.length) return
  for (const name of S3_VARIABLES.filter((n) => config[n] === undefined))
    ctx.addIssue({ code: 'custom', path: [name], message: 'required when any CERDAS_S3_* variable is set' })
})

export type Config = z.infer<typeof configSchema>

/** Thrown at start-up with every bad variable listed. */
export class ConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/**
 * Parses configuration from an environment.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = checkedConfigSchema.safeParse(env)
  if (!parsed.success) throw new ConfigError(parsed.error.issues)
  return parsed.data
}
