import type { TestPlatform } from '@cerdas/testing'

/** The parts of an OpenAPI 3.1 document the generated tests read. */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  default?: unknown
  additionalProperties?: boolean | JsonSchema
  allOf?: JsonSchema[]
  items?: JsonSchema
  minItems?: number
  example?: unknown
  examples?: unknown[]
}

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  schema: JsonSchema
}

export interface Operation {
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>
  security?: unknown[]
  summary?: string
  'x-permission'?: string
  /** Routes anyone may call (login, logout, setting a password from a link). */
  'x-public'?: boolean
}

export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> }
}

/** One operation of the document, with what a test needs to call it. */
export interface DocumentedOperation {
  method: string
  path: string
  operation: Operation
  isWrite: boolean
  /** The JSON body schema (refs resolved at the top level), if the operation takes one. */
  bodySchema: JsonSchema | undefined
  /** The permission that guards it (`x-permission`), if any. */
  permission: string | undefined
  /** Declared callable by anyone (`x-public`). */
  isPublic: boolean
  /** The collection a `{param}` route addresses a record of, e.g. `/api/v1/users` for `/api/v1/users/{id}/roles`. */
  collection: string | undefined
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete'])
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options'])

export async function fetchOpenApi(t: TestPlatform, host: string): Promise<OpenApiDocument> {
  const res = await t.request(host, '/api/openapi.json')
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`)
  return (await res.json()) as OpenApiDocument
}

export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema
  const name = schema.$ref.replace('#/components/schemas/', '')
  const target = doc.components?.schemas?.[name]
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`)
  return resolveSchema(doc, target)
}

/** Every operation under `prefix`, sorted for stable test names. */
export function operationsOf(doc: OpenApiDocument, prefix = '/api/v1'): DocumentedOperation[] {
  const out: DocumentedOperation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith(prefix)) continue
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue
      const body = operation.requestBody?.content['application/json']?.schema
      out.push({
        method,
        path,
        operation,
        isWrite: WRITE_METHODS.has(method),
        bodySchema: body ? resolveSchema(doc, body) : undefined,
        permission: operation['x-permission'],
        isPublic: operation['x-public'] === true,
        collection: path.includes('{') ? path.slice(0, path.indexOf('/{')) : undefined,
      })
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}

/**
 * Routes the generated suites (permission matrix, tenant isolation, foreign credentials, bad input) leave to their
 * module's own generated table, because their records are not made by a documented create route
 * nor owned as the suites model owners: a citizen report is filed by a resident (no id in the
 * answer) and belongs to its category's team. packages/modules/reports/test/reports-routes.test.ts
 * checks every one of them (and that its table names every such documented route). Categories
 * are ordinary entity routes and stay in. A dataset's file (`/api/v1/data/{file}`) names a dataset
 * of the modules, not a record a route creates: apps/api/test/open-data.test.ts requests every
 * file of the catalogue and checks bad names, foreign tokens and isolation.
 */
const SELF_TESTED = [/^\/api\/v1\/reports(\/(?!categories)|$)/, /^\/api\/v1\/data\/\{file\}$/]

/** The operations the generated suites check (see SELF_TESTED). */
export function generallyTested(ops: readonly DocumentedOperation[]): DocumentedOperation[] {
  return ops.filter((op) => !SELF_TESTED.some((pattern) => pattern.test(op.path)))
}

/** Substitutes `{param}` segments with the given values. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`)
    return encodeURIComponent(value)
  })
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf ?? []).flatMap(typesOf)
  if (Array.isArray(schema.type)) return schema.type
  return schema.type ? [schema.type] : []
}

let unique = 0

/**
 * A small value that satisfies the schema: required properties only, or the
 * first property when none is required (so an "at least one field" update is
 * met). A documented `example` wins (opening-hours strings and other formats a
 * generator cannot guess); dates, times and instants get valid values of their
 * format; emails are unique on every call.
 */
export function sampleValue(doc: OpenApiDocument, raw: JsonSchema, word = 'contoh'): unknown {
  const schema = resolveSchema(doc, raw)
  if (schema.example !== undefined) return schema.example
  if (schema.examples?.length) return schema.examples[0]
  if (schema.allOf?.length) {
    const first = schema.allOf.find((s) => s.$ref || s.type || s.properties)
    return first ? sampleValue(doc, first, word) : word
  }
  if (schema.enum) return schema.enum[0]
  const options = schema.anyOf ?? schema.oneOf
  if (options) {
    const first = options.find((o) => !typesOf(resolveSchema(doc, o)).includes('null'))
    return first ? sampleValue(doc, first, word) : null
  }
  const type = typesOf(schema).find((x) => x !== 'null')
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {}
      const keys = schema.required?.length ? schema.required : Object.keys(properties).slice(0, 1)
      return Object.fromEntries(keys.map((key) => [key, sampleValue(doc, properties[key] ?? {}, word)]))
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(doc, schema.items ?? {}, word))
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    case 'string':
      if (schema.format === 'date-time') return new Date(Date.now() - 60_000).toISOString()
      // A calendar date and a wall-clock time need no instant: fixed values keep samples stable.
      if (schema.format === 'date') return '2026-01-15'
      if (schema.format === 'time') return '08:00'
      if (schema.format === 'uri') return 'https://example.org/'
      if (schema.format === 'email') return `${word}-${++unique}@example.org`
      return word.padEnd(schema.minLength ?? 1, 'x')
    default:
      return word
  }
}

/** A value of a type the schema does not accept. */
export function wrongTypeValue(doc: OpenApiDocument, raw: JsonSchema): unknown {
  const types = typesOf(resolveSchema(doc, raw))
  return types.includes('string') || types.includes('object') || types.includes('array') ? 12345 : 'not-a-number'
}

/** The top-level properties of an object schema. */
export function propertiesOf(doc: OpenApiDocument, schema: JsonSchema): Record<string, JsonSchema> {
  return resolveSchema(doc, schema).properties ?? {}
}
