import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type AnyModule, checkModule, ROLE_IDS } from '@cerdas/core'
import { appliedVersions, applyMigrations, openDatabase, tenantFrameworkMigrations } from '@cerdas/db'
import { exportTenant, importTenant, setModuleEnabled } from '@cerdas/platform'
import { modules as registeredModules } from '@cerdas/registry'
import { getTableName, isTable } from 'drizzle-orm'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translatedTextNamedLikeForeignKeys } from './column-names'
import { createTestPlatform, type TestPlatform } from './test-platform'

export interface ModuleContractOptions {
  /** Seed data for the seed and export tests, shaped as the module's `seed.data`. */
  seedData?: unknown
}

interface OpenApiOperation {
  'x-permission'?: string
  security?: unknown[]
}

/**
 * The tests every module must pass, run for each registered module and for
 * the output of `cerdas module new`: a valid definition, migrations that
 * build exactly the declared drizzle schema and re-apply as no-ops, defaulted
 * settings, guarded write routes in the OpenAPI document, idempotent seeds,
 * valid search documents and a lossless export/import.
 */
export function describeModuleContract(mod: AnyModule, options: ModuleContractOptions = {}) {
  describe(`module contract: ${mod.id}`, () => {
    let t: TestPlatform
    const slug = 'contract'

    beforeAll(async () => {
      const all = registeredModules.some((m) => m.id === mod.id) ? registeredModules : [...registeredModules, mod]
      t = await createTestPlatform({ modules: all })
      await t.createTenant(slug)
      const needed = [...(mod.requires ?? []), mod.id]
      for (const id of needed) await setModuleEnabled(t.platform, slug, id, true)
    })
    afterAll(() => t?.close())

    it('has a valid definition', () => {
      expect(checkModule(mod)).toEqual([])
    })

    it('builds exactly its drizzle schema, and re-applying its migrations changes nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cerdas-contract-'))
      const db = await openDatabase({ url: `file:${join(dir, 'm.db')}` })
      try {
        // The modules it requires are migrated first, as on a tenant: its data migrations may update their tables.
        const required = registeredModules.filter((m) => mod.requires?.includes(m.id))
        const sets = [
          tenantFrameworkMigrations,
          ...required.map((m) => ({ owner: m.id, migrations: m.migrations })),
          { owner: mod.id, migrations: mod.migrations },
        ]
        const first = await applyMigrations(db.$client, sets)
        expect(first.filter((m) => m.owner === mod.id).map((m) => m.id)).toEqual(mod.migrations.map((m) => m.id))
        expect(await applyMigrations(db.$client, sets)).toEqual([])
        expect((await appliedVersions(db.$client))[mod.id]).toBe(mod.migrations.at(-1)?.id)
        for (const table of Object.values(mod.schema)) {
          if (!isTable(table)) continue
          const config = getTableConfig(table as SQLiteTable)
          const info = await db.$client.execute(`PRAGMA table_info("${getTableName(table)}")`)
          const actual = Object.fromEntries(
            info.rows.map((r) => [
              String(r.name),
              { type: String(r.type).toLowerCase(), notNull: Number(r.notnull) === 1 || Number(r.pk) > 0 },
            ]),
          )
          const declared = Object.fromEntries(
            config.columns.map((c) => [
              c.name,
              { type: c.getSQLType().toLowerCase(), notNull: c.notNull || c.primary },
            ]),
          )
          expect(actual, `columns of ${config.name}`).toEqual(declared)
        }
      } finally {
        db.$client.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('names no translated text column like a foreign key (titleId for the Indonesian title)', () => {
      expect(translatedTextNamedLikeForeignKeys(mod.schema)).toEqual([])
    })

    it('has settings whose every field has a default', () => {
      if (!mod.settings) return
      expect(mod.settings.safeParse({}).success).toBe(true)
    })

    it('grants permissions only to known roles', () => {
      for (const permission of Object.values(mod.permissions ?? {})) {
        for (const role of permission.roles) expect(ROLE_IDS).toContain(role)
      }
    })

    it('documents its routes, and every write route names a declared permission and refuses anonymous callers', async () => {
      const doc = (await (await t.request(`${slug}.localhost`, '/api/openapi.json')).json()) as {
        paths: Record<string, Record<string, OpenApiOperation>>
      }
      const router = new (await import('@hono/zod-openapi')).OpenAPIHono()
      mod.api?.(router as never, { requirePermission: () => async (_c, next) => next(), guard: (r) => r })
      for (const route of router.routes) {
        const openApiPath = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`
        const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()]
        expect(operation, `${route.method} ${openApiPath} in the OpenAPI document`).toBeDefined()
        if (route.method === 'GET') continue
        expect(operation?.['x-permission'], `${route.method} ${openApiPath} names its permission`).toBeDefined()
        expect(Object.keys(mod.permissions ?? {})).toContain(operation?.['x-permission'])
        const path = `/api/v1${route.path.replace(/:(\w+)/g, 'x')}`
        const res = await t.request(`${slug}.localhost`, path, { method: route.method, body: '{}' })
        expect(res.status, `${route.method} ${path} without a token`).toBe(401)
      }
    })

    it('seeds idempotently, indexes valid search documents and survives export → import', async () => {
      const tenant = await t.platform.tenantBySlug(slug)
      if (!tenant) throw new Error('contract tenant missing')
      const db = await t.platform.tenantDb(tenant.record)
      const ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'contract' } })
      const count = async () => {
        const out: Record<string, number> = {}
        for (const table of Object.values(mod.schema)) {
          if (!isTable(table)) continue
          const name = getTableName(table)
          out[name] = Number((await db.$client.execute(`SELECT COUNT(*) AS n FROM "${name}"`)).rows[0]?.n)
        }
        return out
      }
      if (mod.seed && options.seedData !== undefined) {
        const data = mod.seed.data.parse(options.seedData)
        await mod.seed.run(ctx, { data })
        const once = await count()
        await mod.seed.run(ctx, { data })
        expect(await count()).toEqual(once)
        expect(Object.values(once).some((n) => n > 0)).toBe(true)
      }
      const documents = (await mod.search?.(ctx)) ?? []
      const ids = new Set<string>()
      for (const doc of documents) {
        expect(doc.module).toBe(mod.id)
        expect(doc.url.startsWith('/')).toBe(true)
        expect(doc.title.id.length).toBeGreaterThan(0)
        expect(ids.has(doc.id)).toBe(false)
        ids.add(doc.id)
      }
      const dump = await exportTenant(t.platform, slug)
      await importTenant(t.platform, JSON.parse(JSON.stringify(dump)), { slug: `${slug}-copy` })
      const copy = await exportTenant(t.platform, `${slug}-copy`)
      for (const table of Object.values(mod.schema)) {
        if (!isTable(table)) continue
        const name = getTableName(table)
        expect(copy.tables[name], `rows of ${name} after import`).toEqual(dump.tables[name])
      }
    })

    it('names only inputs its create schema knows in its console forms', () => {
      for (const entity of mod.admin?.entities ?? []) {
        const shape = objectShapeOf(entity.createSchema)
        if (!shape) continue
        for (const field of entity.fields) {
          const top = field.name.split('.')[0] ?? field.name
          expect(Object.keys(shape), `console field ${entity.id}.${field.name} in the create schema`).toContain(top)
        }
      }
    })

    it('ships every page, console screen and stylesheet file it declares', () => {
      const files = [...(mod.web?.routes ?? []), ...(mod.admin?.routes ?? [])].map((r) => r.file)
      if (mod.web?.styles) files.push(mod.web.styles)
      for (const file of files) expect(existsSync(join(mod.web?.root ?? '', file)), `${file} in ${mod.id}`).toBe(true)
    })
  })
}

/** The keys of an object schema (through refinements and pipes), or null for anything else. */
function objectShapeOf(schema: unknown): Record<string, unknown> | null {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: unknown } } })?._zod
    ?.def
  if (!def) return null
  if (def.type === 'object' && def.shape) return def.shape
  if (def.type === 'pipe') return objectShapeOf(def.in)
  return null
}
