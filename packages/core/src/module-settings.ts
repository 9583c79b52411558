import type { z } from 'zod'
import type { TenantContext } from './tenant'

const parsed = new WeakMap<object, Map<z.ZodObject, unknown>>()

/**
 * A module's settings for the tenant, typed by the module's schema with every
 * default applied; parsed once per tenant settings object.
 * @example const { pageSize } = moduleSettings(ctx, 'announcements', settings)
 */
export function moduleSettings<S extends z.ZodObject>(ctx: TenantContext, moduleId: string, schema: S): z.output<S> {
  const raw = ctx.tenant.modules[moduleId]?.settings ?? {}
  let bySchema = parsed.get(raw)
  if (!bySchema) {
    bySchema = new Map()
    parsed.set(raw, bySchema)
  }
  if (!bySchema.has(schema)) {
    // Stored settings were checked when saved; a field added since falls back to its default.
    const result = schema.safeParse(raw)
    bySchema.set(schema, result.success ? result.data : schema.parse({}))
  }
  return bySchema.get(schema) as z.output<S>
}
