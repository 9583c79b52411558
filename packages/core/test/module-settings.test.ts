import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { moduleSettings } from '../src/module-settings'
import type { TenantContext } from '../src/tenant'

const schema = z.object({
  pageSize: z.number().int().min(1).max(100).default(10),
  homeCount: z.number().int().min(0).max(10).default(3),
})

const contextWith = (settings: Record<string, unknown> | undefined) =>
  ({ tenant: { modules: settings === undefined ? {} : { notes: { settings } } } }) as unknown as TenantContext

describe('moduleSettings', () => {
  it('answers the stored values with every default applied, typed by the schema', () => {
    const value = moduleSettings(contextWith({ pageSize: 25 }), 'notes', schema)
    expect(value).toEqual({ pageSize: 25, homeCount: 3 })
    const total: number = value.pageSize + value.homeCount
    expect(total).toBe(28)
  })

  it('falls back to the defaults for a module without settings or with values no longer valid', () => {
    expect(moduleSettings(contextWith(undefined), 'notes', schema)).toEqual({ pageSize: 10, homeCount: 3 })
    expect(moduleSettings(contextWith({ pageSize: 1000 }), 'notes', schema)).toEqual({ pageSize: 10, homeCount: 3 })
  })

  it('parses a tenant settings object once', () => {
    const ctx = contextWith({ homeCount: 5 })
    expect(moduleSettings(ctx, 'notes', schema)).toBe(moduleSettings(ctx, 'notes', schema))
  })
})
