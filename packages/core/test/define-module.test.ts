import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkModule, defineModule, ModuleDefinitionError } from '../src/define-module'
import { sampleModule } from './fixtures'

/** The error defineModule throws for a definition, or undefined if it accepts it. */
function definitionError(overrides: Parameters<typeof sampleModule>[0]): ModuleDefinitionError | undefined {
  try {
    defineModule(sampleModule(overrides))
    return undefined
  } catch (error) {
    if (error instanceof ModuleDefinitionError) return error
    throw error
  }
}

describe('defineModule', () => {
  it('accepts a valid definition and returns it with its handles', () => {
    const definition = sampleModule()
    const mod = defineModule(definition)
    expect(mod).toMatchObject(definition)
    expect(checkModule(definition)).toEqual([])
    const key = Object.keys(definition.permissions ?? {})[0] ?? ''
    expect(mod.permission(key.slice(definition.id.length + 1))).toBe(key)
    expect(() => mod.permission('nothing:here')).toThrow(ModuleDefinitionError)
    const tenantWith = (settings: Record<string, unknown>) =>
      ({ tenant: { modules: { notes: { settings } } } }) as never
    expect(mod.settingsOf(tenantWith({}))).toEqual({ pageSize: 10 })
    expect(mod.settingsOf(tenantWith({ pageSize: 25 }))).toEqual({ pageSize: 25 })
  })

  it.each([
    ['upper case', 'Notes'],
    ['a leading digit', '1notes'],
    ['a dash', 'my-notes'],
    ['an underscore', 'my_notes'],
    ['one letter', 'n'],
    ['32 characters', `n${'o'.repeat(31)}`],
    ['empty', ''],
  ])('rejects an id with %s', (_name, id) => {
    const error = definitionError({ id })
    expect(error?.message).toMatch(/id: must be 2-31 lowercase letters or digits, starting with a letter/)
  })

  it.each(['cerdas', 'root', 'routes'])('rejects the reserved id %s', (id) => {
    expect(definitionError({ id })?.message).toMatch(/id: is reserved for the framework/)
  })

  it('rejects a table without the module prefix, naming the table and the prefix', () => {
    const error = definitionError({ schema: { items: sqliteTable('items', { id: text('id').primaryKey() }) } })
    expect(error?.message).toContain('schema.items: table "items" must be prefixed "notes_"')
  })

  it('rejects a table of another module, even one whose name starts with the id', () => {
    const error = definitionError({ schema: { items: sqliteTable('notesitems', { id: text('id') }) } })
    expect(error?.message).toContain('must be prefixed "notes_"')
  })

  it('rejects a schema entry that is not a drizzle table', () => {
    expect(definitionError({ schema: { items: { name: 'notes_items' } } })?.message).toContain(
      'schema.items: is not a drizzle table',
    )
  })

  it('rejects settings without defaults, naming the fields', () => {
    const error = definitionError({
      settings: z.object({ pageSize: z.number().default(10), contact: z.string(), region: z.string() }),
    })
    expect(error?.message).toContain('settings: every field needs a default (missing for: contact, region)')
  })

  it('rejects duplicate migration ids', () => {
    const error = definitionError({
      migrations: [
        { id: '0001_create', statements: ['SELECT 1'] },
        { id: '0001_create', statements: ['SELECT 2'] },
      ],
    })
    expect(error?.message).toContain('migrations: ids must be unique')
  })

  it('rejects migrations listed out of id order', () => {
    const error = definitionError({
      migrations: [
        { id: '0002_more', statements: ['SELECT 2'] },
        { id: '0001_create', statements: ['SELECT 1'] },
      ],
    })
    expect(error?.message).toContain('migrations: must be listed in id order')
  })

  it.each([
    ['no number', 'create'],
    ['upper case', '0001_Create'],
  ])('rejects a migration id with %s', (_name, id) => {
    expect(definitionError({ migrations: [{ id, statements: ['SELECT 1'] }] })?.message).toMatch(/migrations\.0\.id/)
  })

  it('rejects a migration without statements', () => {
    expect(definitionError({ migrations: [{ id: '0001_x', statements: [] }] })?.message).toMatch(
      /migrations\.0\.statements/,
    )
  })

  it.each([
    ['no action', 'notes.item'],
    ['no entity', 'notes:create'],
    ['upper case', 'notes.Item:create'],
    ['spaces', 'notes.item: create'],
  ])('rejects a permission key with %s', (_name, key) => {
    const error = definitionError({ permissions: { [key]: { title: { id: 'x' }, roles: ['admin'] } } })
    expect(error?.message).toContain('must look like module.entity:action')
  })

  it("rejects a permission key of another module's namespace", () => {
    const error = definitionError({ permissions: { 'other.item:create': { title: { id: 'x' }, roles: ['admin'] } } })
    expect(error?.message).toContain('permissions.other.item:create: must start with "notes."')
  })

  it('rejects a permission granted to an unknown role', () => {
    const error = definitionError({
      permissions: { 'notes.item:create': { title: { id: 'x' }, roles: ['superuser' as 'admin'] } },
    })
    expect(error?.message).toMatch(/permissions\.notes\.item:create\.roles\.0/)
  })

  it('rejects an unknown dimension and a module requiring itself', () => {
    expect(definitionError({ dimension: 'weather' as 'governance' })?.message).toMatch(/dimension/)
    expect(definitionError({ requires: ['notes'] })?.message).toContain('requires: a module cannot require itself')
  })

  it('names the module and lists every problem at once', () => {
    const error = definitionError({
      schema: { items: sqliteTable('items', { id: text('id') }) },
      settings: z.object({ contact: z.string() }),
    })
    expect(error?.name).toBe('ModuleDefinitionError')
    expect(error?.message).toMatch(/^Module "notes" is not valid:/)
    expect(error?.message).toContain('must be prefixed')
    expect(error?.message).toContain('every field needs a default')
  })
})
