import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { type AnyModule, orderModules } from '../src/define-module'
import { sampleModule } from './fixtures'

function mod(id: string, requires: string[] = [], tables: string[] = [`${id}_items`]): AnyModule {
  return sampleModule({
    id,
    requires,
    schema: Object.fromEntries(tables.map((name) => [name, sqliteTable(name, { id: text('id').primaryKey() })])),
    permissions: {},
  })
}

describe('orderModules', () => {
  it('puts every module after the modules it requires', () => {
    const ordered = orderModules([
      mod('services', ['directory', 'schedules']),
      mod('directory', ['schedules']),
      mod('tourism'),
      mod('schedules'),
    ]).map((m) => m.id)
    expect(ordered).toHaveLength(4)
    expect(new Set(ordered).size).toBe(4)
    const at = (id: string) => ordered.indexOf(id)
    expect(at('schedules')).toBeLessThan(at('directory'))
    expect(at('directory')).toBeLessThan(at('services'))
    expect(at('schedules')).toBeLessThan(at('services'))
  })

  it('keeps the given order where no requirement decides', () => {
    expect(orderModules([mod('beta'), mod('alpha'), mod('gamma')]).map((m) => m.id)).toEqual(['beta', 'alpha', 'gamma'])
  })

  it('rejects a requirement that is not registered, naming both', () => {
    expect(() => orderModules([mod('services', ['directory'])])).toThrow(
      /Module "services".*requires "directory", which is not registered/s,
    )
  })

  it('rejects a cycle, showing its path', () => {
    expect(() => orderModules([mod('alpha', ['beta']), mod('beta', ['gamma']), mod('gamma', ['alpha'])])).toThrow(
      /dependency cycle: alpha → beta → gamma → alpha/,
    )
  })

  it('rejects a module registered twice', () => {
    expect(() => orderModules([mod('alpha'), mod('alpha')])).toThrow(/Module "alpha".*is registered twice/s)
  })

  it('rejects two modules owning a table of the same name', () => {
    expect(() => orderModules([mod('alpha', [], ['shared_items']), mod('beta', [], ['shared_items'])])).toThrow(
      /Module "beta".*table "shared_items" is already owned by "alpha"/s,
    )
  })
})
