import type { Actor, AdminEntity, Grant } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { checkEntityForm, listAudit, readFormValues, recordFormValues } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as editRoute from '../app/routes/admin.data.$module.$entity.$id'
import * as createRoute from '../app/routes/admin.data.$module.$entity.baru'
import { tenantPageContext } from '../server/page-context'

/**
 * Lists and structured fields in the generic admin forms: the form → input conversion against the
 * services and directory schemas, and full edits through the console's own loader and action on a
 * real Toba database (every save validated by the module and audited once).
 */

const ZONE = 'Asia/Jakarta'
const entityOf = (moduleId: string, entityId: string): AdminEntity => {
  const entity = modules.find((m) => m.id === moduleId)?.admin?.entities.find((e) => e.id === entityId)
  if (!entity) throw new Error(`${moduleId}.${entityId} has no admin entity`)
  return entity
}
const serviceAdmin = entityOf('services', 'service')
const officeAdmin = entityOf('directory', 'office')
const counterAdmin = entityOf('directory', 'counter')
const blank = (entity: AdminEntity) => Object.fromEntries(entity.fields.map((f) => [f.name, '']))

/** The minimum a new service needs, as form values. */
const newService = {
  ...blank(serviceAdmin),
  'name.id': 'Surat keterangan domisili',
  category: 'kependudukan',
  officeId: 'disdukcapil',
}

describe('list and structured fields: form → input', () => {
  it('builds lists, a fee amount and a processing time, ignoring empty rows and lines', () => {
    const check = checkEntityForm(
      serviceAdmin,
      'create',
      {
        ...newService,
        synonyms: 'domisili\n\n  surat pindah  \n',
        audience: 'residents\nbusinesses',
        'requirements.0.document.id': 'Kartu Keluarga',
        'requirements.0.note.id': 'asli dan fotokopi',
        'requirements.1.document.id': '',
        'requirements.2.document.id': 'Surat pengantar RT/RW',
        'requirements.2.condition.id': 'bagi pendatang',
        'requirements.2.condition.en': 'for newcomers',
        'procedure.0.id': 'Ambil nomor antrean',
        'procedure.1.id': 'Serahkan berkas',
        'procedure.1.en': 'Hand in the documents',
        'locations.0.officeId': 'disdukcapil',
        'locations.0.counterId': '',
        'fee.amount': '50.000',
        'fee.legalBasis': 'Perda No. 1 Tahun 2024',
        'processingTime.value': '3',
        'processingTime.unit': 'working_days',
      },
      ZONE,
    )
    expect(check.errors).toEqual({})
    expect(check.input).toEqual({
      name: { id: 'Surat keterangan domisili' },
      category: 'kependudukan',
      officeId: 'disdukcapil',
      synonyms: ['domisili', 'surat pindah'],
      audience: ['residents', 'businesses'],
      requirements: [
        { document: { id: 'Kartu Keluarga' }, note: { id: 'asli dan fotokopi' } },
        { document: { id: 'Surat pengantar RT/RW' }, condition: { id: 'bagi pendatang', en: 'for newcomers' } },
      ],
      procedure: [{ id: 'Ambil nomor antrean' }, { id: 'Serahkan berkas', en: 'Hand in the documents' }],
      locations: [{ officeId: 'disdukcapil' }],
      fee: { free: false, amount: 50_000, legalBasis: 'Perda No. 1 Tahun 2024' },
      processingTime: { value: 3, unit: 'working_days' },
    })
    expect(serviceAdmin.createSchema?.safeParse(check.input).success).toBe(true)
  })

  it('puts schema issues next to the right row and line, and says when a value does not apply', () => {
    const check = checkEntityForm(
      serviceAdmin,
      'create',
      {
        ...newService,
        synonyms: `ktp\n\n${'x'.repeat(101)}`,
        'requirements.0.document.id': 'Kartu Keluarga',
        'requirements.1.note.id': 'tanpa dokumen',
        'procedure.0.en': 'only English',
        'fee.free': 'on',
        'fee.amount': '5000',
        'processingTime.value': '2,5',
      },
      ZONE,
    )
    expect(check.input).toBeUndefined()
    expect(check.errors).toEqual({
      'requirements.1.document.id': { code: 'required' },
      'procedure.0.id': { code: 'required' },
      'processingTime.value': { code: 'integer' },
      synonyms: { code: 'tooLong', max: 100, line: 3 },
      'fee.amount': { code: 'notApplicable' },
    })
  })

  it('asks for the amount of a service that is not free', () => {
    const check = checkEntityForm(serviceAdmin, 'update', { ...newService }, ZONE)
    expect(check.errors).toEqual({ 'fee.amount': { code: 'required' } })
  })

  it('clears emptied groups and lists on update where the schema allows, and leaves the rest out', () => {
    const check = checkEntityForm(serviceAdmin, 'update', { ...newService, 'fee.free': 'on' }, ZONE)
    expect(check.errors).toEqual({})
    expect(check.input).toEqual({
      name: { id: 'Surat keterangan domisili' },
      category: 'kependudukan',
      officeId: 'disdukcapil',
      summary: null,
      synonyms: [],
      audience: [],
      product: null,
      onlineUrl: null,
      unitId: null,
      locations: [],
      requirements: [],
      procedure: [],
      fee: { free: true },
      processingTime: null,
      legalBasis: [],
      complaint: null,
      related: [],
    })
  })

  it('asks for the description of a complaint channel given only a phone number', () => {
    const check = checkEntityForm(
      serviceAdmin,
      'update',
      { ...newService, 'fee.free': 'on', 'complaint.phone': '0632 21234', 'processingTime.unit': 'days' },
      ZONE,
    )
    expect(check.errors).toEqual({
      'complaint.description.id': { code: 'required' },
      'processingTime.value': { code: 'required' },
    })
  })

  it('clears an office’s coordinates and contacts when all are emptied', () => {
    const check = checkEntityForm(
      officeAdmin,
      'update',
      { ...blank(officeAdmin), 'name.id': 'Dinas Pariwisata', type: 'dinas' },
      ZONE,
    )
    expect(check.errors).toEqual({})
    expect(check.input).toMatchObject({
      coordinates: null,
      contacts: { phone: null, whatsapp: null, email: null, website: null },
      description: null,
      parentId: null,
    })
    const half = checkEntityForm(
      officeAdmin,
      'update',
      { ...blank(officeAdmin), 'name.id': 'Dinas Pariwisata', type: 'dinas', 'coordinates.lat': '2,3333' },
      ZONE,
    )
    expect(half.errors).toEqual({ 'coordinates.lon': { code: 'required' } })
  })

  it('reads submitted rows in order, drops empty ones and numbers the rest from 0', () => {
    const form = new URLSearchParams([
      ['name.id', 'A'],
      ['audience', 'residents'],
      ['audience', 'visitors'],
      ['requirements.0.document.id', 'KK'],
      ['requirements.1.document.id', ''],
      ['requirements.1.note.id', '  '],
      ['requirements.7.note.id', 'catatan saja'],
      ['requirements.x.document.id', 'ignored'],
      ['requirements.2.unknown', 'ignored'],
    ])
    const values = readFormValues(serviceAdmin.fields, form)
    expect(values.audience).toBe('residents\nvisitors')
    expect(values['requirements.0.document.id']).toBe('KK')
    expect(values['requirements.1.note.id']).toBe('catatan saja')
    expect(values['requirements.1.document.id']).toBe('')
    expect(Object.keys(values).filter((k) => k.startsWith('requirements.2'))).toEqual([])
  })
})

// ---------------------------------------------------------------------------
// Through the console's loader and action, on a real database.

let t: TestPlatform
let web: WebLoadContext
/** The load context as Remix route functions type it. */
let context: AppLoadContext
const CSRF = 'csrf-token-for-tests'
const grants: Grant[] = [{ role: 'editor', dimension: 'governance' }]
const actor: Actor = { kind: 'user', id: 'usr_governance', name: 'Tim Governance', grants }

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('no toba')
  const db = await t.platform.tenantDb(tenant.record)
  web = await tenantPageContext(t.platform, tenant, db, actor, {
    locale: 'id',
    requestId: 'test',
    currentPath: '/admin',
    session: { userId: actor.id, name: actor.name!, email: 'gov@tobakab.go.id', grants, csrfToken: CSRF },
    secureCookies: false,
    clientIp: undefined,
  })
  context = web as unknown as AppLoadContext
})
afterAll(() => t?.close())

const ctx = () => (web.site.kind === 'tenant' ? web.site.ctx : (undefined as never))
const auditCount = async (entityId: string) => (await listAudit(ctx().db, { entityId, limit: 1000 })).length

interface Loaded {
  fields: { name: string; type: string; options?: { value: string; label: string; group?: string }[] }[]
  values: Record<string, string>
}
interface Answer {
  intent: string
  values: Record<string, string>
  errors: Record<string, unknown>
  formErrors: unknown[]
}
/** What `data()` wraps: the payload and the response init. */
const unwrap = <T>(result: unknown) => result as { data: T; init: { status?: number } | null }

async function load(moduleId: string, entityId: string, id: string): Promise<Loaded> {
  const result = await editRoute.loader({
    request: new Request(`http://toba.localhost/admin/data/${moduleId}/${entityId}/${id}`),
    params: { module: moduleId, entity: entityId, id },
    context,
  })
  return unwrap<Loaded>(result).data
}

/** The form as a browser sends it: every input, unticked checkboxes left out, two blank rows per list. */
function formOf(fields: Loaded['fields'], values: Record<string, string>, intent?: string): URLSearchParams {
  const form = new URLSearchParams({ _csrf: CSRF })
  if (intent) form.set('_intent', intent)
  for (const field of fields) {
    if (field.type === 'checkbox') {
      if (values[field.name] === 'on') form.append(field.name, 'on')
    } else if (field.type === 'multiselect') {
      for (const v of (values[field.name] ?? '').split('\n').filter(Boolean)) form.append(field.name, v)
    } else if (field.type !== 'list') form.append(field.name, values[field.name] ?? '')
  }
  for (const [name, value] of Object.entries(values)) if (/\.\d+\./.test(name)) form.append(name, value)
  form.append('requirements.90.document.id', '')
  form.append('requirements.91.document.id', '')
  return form
}

type Action = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>

async function post(
  path: string,
  form: URLSearchParams,
  params: Record<string, string>,
  action: Action = editRoute.action,
) {
  const request = new Request(`http://toba.localhost${path}`, { method: 'POST', body: form })
  try {
    return await action({ request, params, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

async function serviceBySlug(slug: string) {
  return serviceAdmin.get(ctx(), slug)
}

describe('editing a service in the console', () => {
  it('shows every field, offices and units to choose from, and the stored rows', async () => {
    const ktp = await serviceBySlug('ktp-el-baru')
    const page = await load('services', 'service', ktp.id)
    const names = page.fields.map((f) => f.name)
    for (const name of ['synonyms', 'audience', 'requirements', 'procedure', 'locations', 'fee.amount', 'related'])
      expect(names).toContain(name)
    const office = page.fields.find((f) => f.name === 'officeId')!
    expect(office.type).toBe('reference')
    expect(office.options?.some((o) => o.value === ktp.officeId && o.label.includes('Disdukcapil'))).toBe(true)
    const unit = page.fields.find((f) => f.name === 'unitId')!
    expect(unit.options?.find((o) => o.value === ktp.unitId)?.group).toContain('Disdukcapil')
    // A service is never offered as related to itself.
    expect(page.fields.find((f) => f.name === 'related')?.options?.some((o) => o.value === ktp.id)).toBe(false)
    expect(page.values['requirements.0.document.id']).toBe(ktp.requirements[0]?.document.id)
    expect(page.values.synonyms?.split('\n')).toEqual(ktp.synonyms)
    expect(page.values['fee.free']).toBe('on')
  })

  it('saves requirements, procedure, fee amount and processing time, audited once', async () => {
    const ktp = await serviceBySlug('ktp-el-baru')
    const page = await load('services', 'service', ktp.id)
    const rows = ktp.requirements.length
    const values = {
      ...page.values,
      'requirements.0.document.id': 'Kartu Keluarga (KK) asli',
      [`requirements.${rows}.document.id`]: 'Surat pengantar desa',
      [`requirements.${rows}.condition.id`]: 'bagi yang pindah datang',
      'procedure.0.id': 'Datang ke loket pendaftaran dengan membawa KK.',
      'fee.free': '',
      'fee.amount': '15.000',
      'processingTime.value': '2',
      'processingTime.unit': 'working_days',
      synonyms: `${page.values.synonyms}\nrekam e-KTP`,
    }
    const before = await auditCount(ktp.id)
    const answer = await post(`/admin/data/services/service/${ktp.id}`, formOf(page.fields, values, 'update'), {
      module: 'services',
      entity: 'service',
      id: ktp.id,
    })
    expect(answer).toBeInstanceOf(Response)
    expect((answer as Response).status).toBe(302)
    const saved = await serviceBySlug('ktp-el-baru')
    expect(saved.requirements).toHaveLength(rows + 1)
    expect(saved.requirements[0]?.document.id).toBe('Kartu Keluarga (KK) asli')
    expect(saved.requirements[rows]).toEqual({
      document: { id: 'Surat pengantar desa' },
      condition: { id: 'bagi yang pindah datang' },
    })
    expect(saved.requirements.slice(1, rows)).toEqual(ktp.requirements.slice(1))
    expect(saved.procedure[0]?.id).toBe('Datang ke loket pendaftaran dengan membawa KK.')
    expect(saved.procedure.slice(1)).toEqual(ktp.procedure.slice(1))
    expect(saved.fee).toMatchObject({ free: false, amount: 15_000, note: ktp.fee.note, legalBasis: ktp.fee.legalBasis })
    // The note of the processing time was not touched: it stays.
    expect(saved.processingTime).toEqual({ value: 2, unit: 'working_days', note: ktp.processingTime?.note })
    expect(saved.synonyms).toEqual([...ktp.synonyms, 'rekam e-KTP'])
    // Everything not touched stays as it was.
    expect(saved.complaint).toEqual(ktp.complaint)
    expect(saved.legalBasis).toEqual(ktp.legalBasis)
    expect(saved.audience).toEqual(ktp.audience)
    expect(saved.locations).toEqual(ktp.locations)
    expect(saved.unitId).toBe(ktp.unitId)
    expect(await auditCount(ktp.id)).toBe(before + 1)
    // The edit form shows what was stored.
    const again = await load('services', 'service', ktp.id)
    expect(again.values['fee.amount']).toBe('15000')
    expect(again.values[`requirements.${rows}.condition.id`]).toBe('bagi yang pindah datang')
  })

  it('refuses a bad row with a message at that row, keeps what was typed and stores nothing', async () => {
    const ktp = await serviceBySlug('ktp-el-baru')
    const page = await load('services', 'service', ktp.id)
    const rows = ktp.requirements.length
    const values = {
      ...page.values,
      'requirements.0.document.id': 'Kartu Keluarga (KK) terbaru',
      [`requirements.${rows}.note.id`]: 'dibawa saat perekaman',
      'procedure.0.id': 'Langkah baru yang tidak boleh tersimpan',
      'fee.free': '',
      'fee.amount': '',
    }
    const before = await auditCount(ktp.id)
    const answer = unwrap<Answer>(
      await post(`/admin/data/services/service/${ktp.id}`, formOf(page.fields, values, 'update'), {
        module: 'services',
        entity: 'service',
        id: ktp.id,
      }),
    )
    expect(answer.init?.status).toBe(422)
    expect(answer.data.errors).toEqual({
      [`requirements.${rows}.document.id`]: { code: 'required' },
      'fee.amount': { code: 'required' },
    })
    // What was typed comes back in the rows it was typed in; the blank rows the browser sent do not.
    expect(answer.data.values[`requirements.${rows}.note.id`]).toBe('dibawa saat perekaman')
    expect(answer.data.values['requirements.0.document.id']).toBe('Kartu Keluarga (KK) terbaru')
    expect(answer.data.values['procedure.0.id']).toBe('Langkah baru yang tidak boleh tersimpan')
    expect(answer.data.values[`requirements.${rows + 1}.document.id`]).toBeUndefined()
    expect(await serviceBySlug('ktp-el-baru')).toEqual(ktp)
    expect(await auditCount(ktp.id)).toBe(before)
  })

  it('shows the module’s own refusal (a counter of another office) at the row that caused it', async () => {
    const dinkes = await officeAdmin.get(ctx(), 'dinkes')
    const counter = await counterAdmin.create!(ctx(), {
      officeId: dinkes.id,
      code: '1',
      name: { id: 'Loket pendaftaran' },
    })
    const ktp = await serviceBySlug('ktp-el-baru')
    const page = await load('services', 'service', ktp.id)
    const counterChoice = page.fields.find((f) => f.name === 'locations')
    expect(counterChoice).toBeDefined()
    const before = await auditCount(ktp.id)
    const answer = unwrap<Answer>(
      await post(
        `/admin/data/services/service/${ktp.id}`,
        formOf(page.fields, { ...page.values, 'locations.0.counterId': counter.id }, 'update'),
        { module: 'services', entity: 'service', id: ktp.id },
      ),
    )
    expect(answer.init?.status).toBe(422)
    expect(answer.data.errors['locations.0.counterId']).toMatchObject({ code: 'custom' })
    expect(await serviceBySlug('ktp-el-baru')).toEqual(ktp)
    expect(await auditCount(ktp.id)).toBe(before)
  })

  it('creates a paid service with its lists from the console', async () => {
    const { fields } = await createRoute.loader({
      request: new Request('http://toba.localhost/admin/data/services/service/baru'),
      params: { module: 'services', entity: 'service' },
      context,
    })
    const values = {
      ...newService,
      audience: 'residents',
      'requirements.0.document.id': 'Kartu Keluarga',
      'procedure.0.id': 'Isi formulir',
      'fee.amount': '10000',
      'fee.note.id': 'Retribusi',
      'processingTime.value': '1',
      'processingTime.unit': 'days',
    }
    const answer = await post(
      '/admin/data/services/service/baru',
      formOf(fields, values),
      {
        module: 'services',
        entity: 'service',
      },
      createRoute.action,
    )
    expect((answer as Response).status).toBe(302)
    const created = (await serviceAdmin.list(ctx(), { limit: 100 })).items.find(
      (s) => s.name.id === 'Surat keterangan domisili',
    )
    expect(created).toMatchObject({
      audience: ['residents'],
      requirements: [{ document: { id: 'Kartu Keluarga' } }],
      procedure: [{ id: 'Isi formulir' }],
      fee: { free: false, amount: 10_000, note: { id: 'Retribusi' } },
      processingTime: { value: 1, unit: 'days' },
    })
    expect(await auditCount(created.id)).toBe(1)
  })
})

describe('editing the directory in the console', () => {
  it('edits an office’s contacts and clears its coordinates', async () => {
    const dispar = await officeAdmin.get(ctx(), 'dispar')
    await officeAdmin.update!(ctx(), dispar.id, { coordinates: { lat: 2.33, lon: 99.06 } })
    const page = await load('directory', 'office', dispar.id)
    expect(page.values['coordinates.lat']).toBe('2.33')
    expect(page.fields.find((f) => f.name === 'parentId')?.options?.some((o) => o.value === dispar.id)).toBe(false)
    const before = await auditCount(dispar.id)
    const values = {
      ...page.values,
      'coordinates.lat': '',
      'coordinates.lon': '',
      'contacts.phone': '(0632) 21000',
      'contacts.email': 'dispar@tobakab.go.id',
    }
    const answer = await post(`/admin/data/directory/office/${dispar.id}`, formOf(page.fields, values, 'update'), {
      module: 'directory',
      entity: 'office',
      id: dispar.id,
    })
    expect((answer as Response).status).toBe(302)
    const saved = await officeAdmin.get(ctx(), dispar.id)
    expect(saved.coordinates).toBeNull()
    expect(saved.contacts).toMatchObject({ phone: '(0632) 21000', email: 'dispar@tobakab.go.id' })
    expect(saved.name).toEqual(dispar.name)
    expect(await auditCount(dispar.id)).toBe(before + 1)
  })

  it('shows a stored record’s values for every directory entity without loss', () => {
    for (const entity of ['office', 'unit', 'counter', 'position'].map((id) => entityOf('directory', id))) {
      const stored = Object.fromEntries(entity.fields.map((f) => [f.name, null]))
      expect(Object.keys(recordFormValues(entity.fields, stored, ZONE))).toEqual(entity.fields.map((f) => f.name))
    }
  })
})
