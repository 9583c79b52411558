import { createTestUser, modulesNotEnabled, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { type DocumentedOperation, fillPath, type OpenApiDocument, operationsOf, sampleValue } from './openapi'
import { pdfUploadBody, photoUploadForm } from './png'

/**
 * Well-formed requests for every documented route, generated from the
 * OpenAPI document. A route on one record (`/x/{id}/...`) gets a record made
 * for it through the collection's own creation route (`POST /x`, or a
 * `POST /x/<action>` that answers 201, such as `/users/invitations`); its id is
 * read from the response (`id`, or the `id` of an object in it). Only what
 * cannot be generated has a fixture: a body that needs a secret the API hands
 * out elsewhere (a password, a link token).
 */
export interface WellFormed {
  path: string
  /** JSON text, a multipart form for photo uploads, or a file for a module's file uploads. */
  body: string | FormData | Blob | undefined
  /** The bearer token to send: null for public routes (they must work without one). */
  token: string | null
}

type BodyFixture = (api: ApiFixtures) => Promise<unknown>

export const PASSWORD = 'kata-sandi-yang-panjang-1'

/** Bodies generation cannot produce, by `METHOD path`. */
const BODY_FIXTURES: Record<string, BodyFixture> = {
  // A real account with a real password.
  'POST /api/v1/auth/login': async (api) => {
    const email = `masuk-${api.nextNumber()}@example.org`
    await createTestUser(api.t, api.slug, { email, password: PASSWORD, grants: [{ role: 'viewer', dimension: null }] })
    return { email, password: PASSWORD }
  },
  // The token of a real invitation link.
  'POST /api/v1/auth/password': async (api) => ({ token: (await api.invite()).token, password: PASSWORD }),
  // A service names its real office; its unit, places and related services are optional.
  'POST /api/v1/services': async (api) => {
    const {
      unitId: _unit,
      locations: _places,
      related: _related,
      ...rest
    } = api.sampleWith('POST /api/v1/services', {})
    return { ...rest, officeId: await api.sharedRecord('/api/v1/directory/offices') }
  },
  // A schedule belongs to a real record: the fixtures' owner (an office unless told), by its id.
  ...Object.fromEntries(
    ['POST /api/v1/schedules', 'POST /api/v1/schedules/import', 'PATCH /api/v1/schedules/{id}'].map(
      (label): [string, BodyFixture] => [label, async (api) => api.sampleWith(label, { owner: await api.ownerRef() })],
    ),
  ),
  // A council or team seat names a real office and regulation; a team membership a real account, kept on update.
  ...Object.fromEntries(
    ['POST /api/v1/governance/members', 'PATCH /api/v1/governance/members/{id}'].map((label): [string, BodyFixture] => [
      label,
      async (api) =>
        api.sampleWith(label, {
          officeId: await api.sharedRecord('/api/v1/directory/offices'),
          regulationId: await api.sharedRecord('/api/v1/governance/regulations'),
        }),
    ]),
  ),
  'POST /api/v1/governance/team-members': async (api) =>
    api.sampleWith('POST /api/v1/governance/team-members', { userId: (await api.invite()).userId }),
  'PATCH /api/v1/governance/team-members/{id}': async (api) => {
    const { userId: _kept, ...rest } = api.sampleWith('PATCH /api/v1/governance/team-members/{id}', {})
    return rest
  },
  // Parts of an office (units, counters, positions) name a real office.
  ...Object.fromEntries(
    ['units', 'counters', 'positions'].map((part): [string, BodyFixture] => {
      const label = `POST /api/v1/directory/${part}`
      return [
        label,
        async (api) => api.sampleWith(label, { officeId: await api.sharedRecord('/api/v1/directory/offices') }),
      ]
    }),
  ),
}

/**
 * The kind of record that owns what the requests write (a schedule's owner): a module's entity
 * and the collection that creates one, and the dimension of its module (whose team the
 * permissions that follow the owner belong to, ADR 0110).
 */
export interface OwnerKind {
  module: string
  type: string
  collection: string
  dimension: string
  /**
   * For records that name their team (ADR 0117): the field every request body and every record
   * made for a request sets to `dimension`, instead of naming an owner record.
   */
  field?: string | undefined
}

/** An office (governance): what owners are unless a test says otherwise. */
export const DEFAULT_OWNER: OwnerKind = {
  module: 'directory',
  type: 'office',
  collection: '/api/v1/directory/offices',
  dimension: 'governance',
}

export const labelOf = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`

/** The id in a creation response: its own `id`, or that of the record it wraps (`{ token: { id } }`). */
export function idIn(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined
  const record = json as Record<string, unknown>
  if (typeof record.id === 'string') return record.id
  for (const value of Object.values(record)) {
    if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string')
      return (value as { id: string }).id
  }
  return undefined
}

/** The one-time token at the end of an invitation or reset URL. */
export function linkTokenOf(url: string): string {
  const token = new URL(url).pathname.split('/').filter(Boolean).at(-1)
  if (!token) throw new Error(`no token in ${url}`)
  return token
}

export class ApiFixtures {
  private counter = 0
  private readonly shared = new Map<string, Promise<string>>()
  readonly operations: DocumentedOperation[]

  constructor(
    readonly t: TestPlatform,
    readonly slug: string,
    readonly doc: OpenApiDocument,
    /** The caller that makes the records routes need (an admin on the tenant). */
    readonly adminToken: string = TEST_OPERATOR_TOKEN,
    /** The kind of record that owns what requests write. */
    readonly owner: OwnerKind = DEFAULT_OWNER,
  ) {
    this.operations = operationsOf(doc)
  }

  /** The same requests with records of another kind as their owner (records are made anew). */
  withOwner(owner: OwnerKind): ApiFixtures {
    return new ApiFixtures(this.t, this.slug, this.doc, this.adminToken, owner)
  }

  /** The owner to name in a request: one real record of the owner kind, by its id. */
  async ownerRef(): Promise<{ module: string; type: string; id: string }> {
    return { module: this.owner.module, type: this.owner.type, id: await this.sharedRecord(this.owner.collection) }
  }

  get host(): string {
    return `${this.slug}.localhost`
  }

  nextNumber(): number {
    return ++this.counter
  }

  /** The route that creates records of a collection. */
  creationRoute(collection: string): DocumentedOperation {
    const posts = this.operations.filter((op) => op.method === 'post' && !op.path.includes('{'))
    const exact = posts.find((op) => op.path === collection)
    const action = posts.find(
      (op) =>
        op.path.startsWith(`${collection}/`) &&
        !op.path.slice(collection.length + 1).includes('/') &&
        Object.keys(op.operation.responses).includes('201'),
    )
    const route = exact ?? action
    if (!route) throw new Error(`no documented route creates records of ${collection}`)
    return route
  }

  /** Creates a record of a collection through the API and returns its id. */
  async createRecord(collection: string, token = this.adminToken, host = this.host): Promise<string> {
    const route = this.creationRoute(collection)
    const body = await this.bodyOf(route)
    const res = await this.t.request(host, route.path, { method: 'POST', token, body })
    const text = await res.text()
    if (res.status === 404) await this.explainModulesNotEnabled(labelOf(route), text)
    if (res.status !== 201) throw new Error(`${labelOf(route)} answered ${res.status}: ${text}`)
    const id = idIn(JSON.parse(text))
    if (!id) throw new Error(`${labelOf(route)} answered without an id: ${text}`)
    return id
  }

  /**
   * Throws a message that says why, when a route answers 404 on a tenant that leaves modules off:
   * tests over every documented route need every module enabled on their tenants.
   */
  async explainModulesNotEnabled(label: string, answer: string): Promise<void> {
    const off = await modulesNotEnabled(this.t, this.slug)
    if (off.length === 0) return
    throw new Error(
      `${label} answered 404 on tenant "${this.slug}", which does not enable module(s) ${off.join(', ')} ` +
        `(its template leaves them out): create the test's tenants with createTenantWithEveryModule ` +
        `from @cerdas/testing. The answer: ${answer}`,
    )
  }

  /** One record per collection, made once and reused by requests that do not change it. */
  sharedRecord(collection: string): Promise<string> {
    let id = this.shared.get(collection)
    if (!id) {
      id = this.createRecord(collection)
      this.shared.set(collection, id)
    }
    return id
  }

  /** The generated body of a route with some fields replaced by real values. */
  sampleWith(label: string, fields: Record<string, unknown>): Record<string, unknown> {
    const op = this.operations.find((o) => labelOf(o) === label)
    if (!op?.bodySchema) throw new Error(`${label} is not documented with a body`)
    return { ...(sampleValue(this.doc, op.bodySchema) as Record<string, unknown>), ...fields }
  }

  /**
   * The create route a bulk route batches: `POST /x/bulk` takes `{ items: [...] }`, each item what
   * `POST /x` takes. Undefined for any other route.
   */
  batchedRoute(op: DocumentedOperation): DocumentedOperation | undefined {
    if (op.method !== 'post' || !op.path.endsWith('/bulk') || !op.bodySchema?.properties?.items) return undefined
    const single = op.path.slice(0, -'/bulk'.length)
    return this.operations.find((o) => o.method === 'post' && o.path === single)
  }

  /** A valid body for the route, naming the fixtures' team where records name theirs (ADR 0117). */
  async bodyOf(op: DocumentedOperation): Promise<string | FormData | Blob | undefined> {
    const body = await this.plainBodyOf(op)
    const field = this.owner.field
    if (!field || typeof body !== 'string' || !op.bodySchema?.properties?.[field]) return body
    return JSON.stringify({ ...JSON.parse(body), [field]: this.owner.dimension })
  }

  /** A valid body for the route (fixture or generated JSON, a photo for uploads), or undefined when it takes none. */
  private async plainBodyOf(op: DocumentedOperation): Promise<string | FormData | Blob | undefined> {
    if (op.operation.requestBody?.content['multipart/form-data']) return photoUploadForm()
    if (op.operation.requestBody?.content['application/pdf']) return pdfUploadBody()
    const fixture = BODY_FIXTURES[labelOf(op)]
    if (fixture) return JSON.stringify(await fixture(this))
    // A batch of one: the body its create route takes, fixture included (a real owner, a real office).
    const single = this.batchedRoute(op)
    if (single)
      return JSON.stringify({ items: [JSON.parse(((await this.bodyOf(single)) as string | undefined) ?? '{}')] })
    return op.bodySchema ? JSON.stringify(sampleValue(this.doc, op.bodySchema)) : undefined
  }

  /** The route's path with a real id: a fresh record (`fresh`) or the collection's shared one. */
  async pathOf(op: DocumentedOperation, options: { fresh?: boolean } = {}): Promise<string> {
    if (!op.collection) return op.path
    const id = options.fresh ? await this.createRecord(op.collection) : await this.sharedRecord(op.collection)
    const path = fillPath(op.path, { id })
    await this.fileFor(op, path)
    return path
  }

  /**
   * Reading or taking away a record's file (a regulation's PDF) needs one there: it is uploaded
   * first through the route of the same path that takes the file.
   */
  private async fileFor(op: DocumentedOperation, path: string): Promise<void> {
    if (op.method !== 'get' && op.method !== 'delete') return
    const upload = this.operations.find(
      (o) => o.path === op.path && o !== op && o.operation.requestBody?.content['application/pdf'],
    )
    if (!upload) return
    const res = await this.t.request(this.host, path, {
      method: upload.method.toUpperCase(),
      token: this.adminToken,
      body: pdfUploadBody(),
    })
    if (res.status >= 300) throw new Error(`${labelOf(upload)} answered ${res.status}: ${await res.text()}`)
  }

  /** A request the route must accept: real ids, a valid body, and the token it needs. */
  async wellFormed(op: DocumentedOperation, options: { fresh?: boolean } = {}): Promise<WellFormed> {
    return {
      path: await this.pathOf(op, options),
      body: await this.bodyOf(op),
      token: op.isPublic ? null : this.adminToken,
    }
  }

  /** Invites a person through the API; returns the account id and the link token. */
  async invite(grants: unknown[] = [{ role: 'viewer' }]): Promise<{ userId: string; email: string; token: string }> {
    const email = `undangan-${this.nextNumber()}@example.org`
    const res = await this.t.request(this.host, '/api/v1/users/invitations', {
      method: 'POST',
      token: this.adminToken,
      body: JSON.stringify({ email, name: 'Orang Diundang', grants }),
    })
    const text = await res.text()
    if (res.status !== 201) throw new Error(`invitation answered ${res.status}: ${text}`)
    const json = JSON.parse(text) as { user: { id: string }; invitationUrl: string }
    return { userId: json.user.id, email, token: linkTokenOf(json.invitationUrl) }
  }
}

/** Query parameters a read needs (its required ones), generated from the document. */
export function requiredQuery(doc: OpenApiDocument, op: DocumentedOperation): URLSearchParams {
  const params = new URLSearchParams()
  for (const p of op.operation.parameters ?? []) {
    if (p.in === 'query' && p.required) params.set(p.name, String(sampleValue(doc, p.schema)))
  }
  return params
}
