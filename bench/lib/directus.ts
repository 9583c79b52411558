// Directus 11.3.5 on SQLite, the CMS a regency might install instead: installed with npm into a
// folder under the system's temporary directory (kept, so a second run skips the download),
// bootstrapped, given the services and offices collections through its REST API and loaded with
// the same generated services as the other systems of the peer bench.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type GeneratedOffice, type GeneratedService, slugOf } from './generated-services'
import { type Server, startServer } from './server-process'

export const DIRECTUS_VERSION = '11.3.5'
const ADMIN_EMAIL = 'bench@example.com'
const ADMIN_PASSWORD = 'bench-password-0123456789'
/** Directus's built-in public policy (the same id in every 11.x install). */
const PUBLIC_POLICY = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17'

/** Installs Directus (once per machine) and returns its folder. Throws with npm's output on failure. */
export function installDirectus(): string {
  const dir = join(tmpdir(), `cerdas-bench-directus-${DIRECTUS_VERSION}`)
  const installed = join(dir, 'node_modules/directus/package.json')
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === DIRECTUS_VERSION) return dir
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'directus-bench', private: true }))
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `directus@${DIRECTUS_VERSION}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 15 * 60_000,
  })
  return dir
}

/** The environment of one Directus instance on `dbFile`. */
function directusEnv(dbFile: string, cached: boolean): Record<string, string> {
  return {
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: dbFile,
    KEY: 'cerdas-bench-key',
    SECRET: 'cerdas-bench-secret-0123456789abcdef',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TELEMETRY: 'false',
    ACCESS_TOKEN_TTL: '2h',
    MAX_PAYLOAD_SIZE: '20mb',
    // The bench's load comes from one address; Directus's limiter is off by default, stated here.
    RATE_LIMITER_ENABLED: 'false',
    ...(cached
      ? { CACHE_ENABLED: 'true', CACHE_STORE: 'memory', CACHE_AUTO_PURGE: 'true' }
      : { CACHE_ENABLED: 'false' }),
    NODE_ENV: 'production',
  }
}

/** Creates the database (`directus bootstrap`: tables, the admin user). */
export function bootstrapDirectus(dir: string, dbFile: string): void {
  execFileSync(join(dir, 'node_modules/.bin/directus'), ['bootstrap'], {
    cwd: dir,
    env: { ...process.env, ...directusEnv(dbFile, false) },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 5 * 60_000,
  })
}

export function startDirectus(
  dir: string,
  dbFile: string,
  options: { cached: boolean; name: string },
): Promise<Server> {
  return startServer({
    name: options.name,
    command: join(dir, 'node_modules/.bin/directus'),
    args: ['start'],
    cwd: dir,
    env: directusEnv(dbFile, options.cached),
    healthPath: '/server/ping',
    timeoutMs: 180_000,
  })
}

async function call(port: number, token: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`Directus ${method} ${path}: ${response.status} ${text.slice(0, 500)}`)
  return text ? (JSON.parse(text) as { data: unknown }) : { data: null }
}

const json = (field: string) => ({ field, type: 'json', meta: { special: ['cast-json'] }, schema: {} })
const column = (field: string, type: string, schema: Record<string, unknown> = {}) => ({
  field,
  type,
  schema,
  meta: {},
})
const primaryKey = {
  field: 'id',
  type: 'integer',
  schema: { is_primary_key: true, has_auto_increment: true },
  meta: {},
}

/**
 * Creates the collections (as one would in its admin app: same columns as the bare handler's
 * tables, the office as a many-to-one), lets the public read them, and loads the services in
 * batches of 500. Returns the milliseconds the service load took. Ids are 1…n in order.
 */
export async function loadDirectus(
  port: number,
  officeList: GeneratedOffice[],
  serviceList: GeneratedService[],
): Promise<number> {
  const login = (await call(port, null, 'POST', '/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })) as {
    data: { access_token: string }
  }
  const token = login.data.access_token
  await call(port, token, 'POST', '/collections', {
    collection: 'offices',
    meta: {},
    schema: {},
    fields: [
      primaryKey,
      column('slug', 'string', { is_unique: true, is_nullable: false }),
      column('name_id', 'string', { is_nullable: false }),
      column('name_en', 'string'),
      column('short_name', 'string'),
      column('kecamatan', 'string'),
    ],
  })
  await call(port, token, 'POST', '/collections', {
    collection: 'services',
    meta: {},
    schema: {},
    fields: [
      primaryKey,
      column('slug', 'string', { is_unique: true, is_nullable: false }),
      column('name_id', 'string', { is_nullable: false, is_indexed: true }),
      column('name_en', 'string'),
      column('summary_id', 'text'),
      column('summary_en', 'text'),
      column('category', 'string'),
      { ...column('office_id', 'integer'), meta: { interface: 'select-dropdown-m2o', special: ['m2o'] } },
      json('synonyms'),
      json('audience'),
      json('requirements'),
      json('procedure'),
      column('fee_free', 'boolean'),
      column('fee_amount', 'integer'),
      column('processing_value', 'integer'),
      column('processing_unit', 'string'),
      json('legal_basis'),
    ],
  })
  await call(port, token, 'POST', '/relations', {
    collection: 'services',
    field: 'office_id',
    related_collection: 'offices',
    schema: { on_delete: 'SET NULL' },
  })
  for (const collection of ['services', 'offices']) {
    await call(port, token, 'POST', '/permissions', {
      policy: PUBLIC_POLICY,
      collection,
      action: 'read',
      fields: ['*'],
      permissions: {},
      validation: {},
    })
  }
  await call(
    port,
    token,
    'POST',
    '/items/offices',
    officeList.map((o) => ({
      slug: o.slug,
      name_id: o.name.id,
      name_en: o.name.en,
      short_name: o.shortName,
      kecamatan: o.kecamatan,
    })),
  )
  const officeIds = new Map(officeList.map((o, i) => [o.slug, i + 1]))
  const started = performance.now()
  for (let start = 0; start < serviceList.length; start += 500) {
    await call(
      port,
      token,
      'POST',
      '/items/services',
      serviceList.slice(start, start + 500).map((s) => ({
        slug: slugOf(s),
        name_id: s.name.id,
        name_en: s.name.en,
        summary_id: s.summary.id,
        summary_en: s.summary.en,
        category: s.category,
        office_id: officeIds.get(s.officeId),
        synonyms: s.synonyms,
        audience: s.audience,
        requirements: s.requirements,
        procedure: s.procedure,
        fee_free: s.fee.free,
        fee_amount: s.fee.free ? null : s.fee.amount,
        processing_value: s.processingTime.value,
        processing_unit: s.processingTime.unit,
        legal_basis: s.legalBasis,
      })),
    )
  }
  return performance.now() - started
}
