import type { TenantContext } from '@cerdas/core'
import { getOffice, officeJsonLd } from '@cerdas/module-directory'
import { listSchedulesForOwner, updateSchedule } from '@cerdas/module-schedules'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import services, {
  serviceCategoryCounts,
  serviceJsonLd,
  servicePageData,
  servicesAtOfficeSection,
  servicesHomeSection,
} from '../src/index'

let t: TestPlatform
let ctx: TenantContext
/** Monday 15 February 2027, 10:00 in Toba (WIB): inside the Ramadan range set below. */
const IN_RAMADAN = new Date('2027-02-15T03:00:00Z')
const at = (instant: Date): TenantContext => ({ ...ctx, now: () => instant })

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('tenant toba missing')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), {
    actor: { kind: 'system', id: 'test' },
  })
})
afterAll(() => t.close())

describe('the service page of the Toba template', () => {
  it('answers where, which bidang, when and what to bring for KTP-el in one call', async () => {
    const page = await servicePageData(at(new Date('2027-01-11T02:00:00Z')), 'ktp-el-baru', { locale: 'id' })
    const { detail } = page
    expect(detail.office?.shortName).toBe('Disdukcapil')
    expect(detail.unit?.name.id).toBe('Bidang Pelayanan Pendaftaran Penduduk')
    expect(detail.service.requirements.map((r) => r.document.id)).toContain('Kartu Keluarga (KK)')
    // Monday 11 January 2027, 09:00 WIB: the example Disdukcapil hours are open, the KTP-el officer is in.
    expect(detail.openNow).toBe(true)
    expect(detail.presence.map((p) => p.schedule.services)).toEqual([['ktp-el-baru']])
    expect(page.today).toBe('2027-01-11')
    expect(page.week?.map((d) => d.date)).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
      '2027-01-16',
      '2027-01-17',
    ])
    expect(page.week?.[0]?.intervals.length).toBeGreaterThan(0)
    expect(page.week?.[5]?.intervals).toEqual([])
    expect(page.schemaOrgHours?.openingHoursSpecification.length).toBeGreaterThan(0)
  })

  it('shows Ramadan hours set on the office in the week, the coming special hours and the JSON-LD', async () => {
    const [hours] = (
      await listSchedulesForOwner(ctx, { module: 'directory', type: 'office', id: 'disdukcapil' })
    ).filter((s) => s.kind === 'hours')
    if (!hours) throw new Error('Disdukcapil has no hours schedule in the template')
    await updateSchedule(ctx, hours.id, {
      definition: {
        weekly: hours.definition.weekly,
        overrides: [
          {
            from: '2027-02-08',
            to: '2027-03-09',
            reason: { id: 'Jam Ramadan', en: 'Ramadan hours' },
            weekly: { mo: [{ start: '08:00', end: '14:00' }], fr: [{ start: '08:00', end: '11:00' }] },
          },
        ],
      },
    })
    const before = await servicePageData(at(new Date('2027-01-11T02:00:00Z')), 'ktp-el-baru', { locale: 'id' })
    expect(before.special?.overrides.map((o) => o.reason.id)).toEqual(['Jam Ramadan'])
    const week = await servicePageData(at(new Date('2027-01-11T02:00:00Z')), 'ktp-el-baru', {
      from: '2027-02-15',
      locale: 'id',
    })
    expect(week.from).toBe('2027-02-15')
    expect(week.previous).toBe('2027-02-08')
    expect(week.week?.[0]?.intervals.map((iv) => `${iv.start}-${iv.end}`)).toEqual(['08:00-14:00'])
    expect(week.week?.[0]?.reason.label?.id).toBe('Jam Ramadan')

    const during = await servicePageData(at(IN_RAMADAN), 'ktp-el-baru', { locale: 'en' })
    expect(during.detail.hours?.status.reason.label?.en).toBe('Ramadan hours')
    const special = during.schemaOrgHours?.specialOpeningHoursSpecification ?? []
    expect(special.some((s) => s.validFrom === '2027-02-08' && s.opens === '08:00' && s.closes === '14:00')).toBe(true)
    // A bad `from` falls back to this week rather than failing.
    expect((await servicePageData(at(IN_RAMADAN), 'ktp-el-baru', { from: '2027-02-30', locale: 'id' })).from).toBe(
      '2027-02-15',
    )
  })

  it('describes the service as schema.org GovernmentService delivered at a GovernmentOffice with its hours', async () => {
    const page = await servicePageData(at(IN_RAMADAN), 'ktp-el-baru', { locale: 'id' })
    const jsonLd = serviceJsonLd(page.detail, {
      origin: 'https://toba.example',
      regency: 'Kabupaten Toba',
      region: 'Sumatera Utara',
      hours: page.schemaOrgHours,
      locale: 'id',
    })
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      name: 'KTP elektronik (KTP-el) baru',
      url: 'https://toba.example/layanan/ktp-el-baru',
      serviceType: 'Kependudukan',
      provider: { '@type': 'GovernmentOrganization', url: 'https://toba.example/direktori/disdukcapil' },
      areaServed: { '@type': 'AdministrativeArea', name: 'Kabupaten Toba' },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'IDR' },
    })
    const [channel] = jsonLd.availableChannel
    const location = (channel as { serviceLocation: Record<string, unknown> }).serviceLocation
    expect(location['@type']).toBe('GovernmentOffice')
    expect(location.openingHoursSpecification).toEqual(page.schemaOrgHours?.openingHoursSpecification)
    expect(JSON.parse(JSON.stringify(jsonLd))).toEqual(jsonLd)
  })

  it('gives an office page its services with their bidang, and the home page a services section', async () => {
    const office = await getOffice(ctx, 'disdukcapil')
    const section = await servicesAtOfficeSection(ctx, { id: office.id, slug: office.slug })
    expect(section?.items.length).toBe(11)
    const ktp = section?.items.find((i) => i.url === '/layanan/ktp-el-baru')
    expect(ktp?.note?.id).toBe('Bidang Pelayanan Pendaftaran Penduduk')
    expect(ktp?.verified).toBe(false)
    // No service of the template is delivered at the tourism office: the section is left out.
    const tourism = await getOffice(ctx, 'dispar')
    expect(await servicesAtOfficeSection(ctx, { id: tourism.id })).toBeNull()
    // The public list offers only categories that have services.
    expect(await serviceCategoryCounts(ctx)).toEqual({ kependudukan: 11 })
    const home = await servicesHomeSection(ctx)
    expect(home?.moreUrl).toBe('/layanan')
    expect(home?.items.length).toBe(8)
  })

  it("gives a schedule's page a link to the service that owns it", async () => {
    const section = services.web?.sections?.['schedules.owner:services.service']
    expect((await section?.(ctx, { id: 'ktp-el-baru' }))?.items[0]?.url).toBe('/layanan/ktp-el-baru')
    expect(await section?.(ctx, { id: 'tidak-ada' })).toBeNull()
  })

  it('types offices for schema.org by what they are', async () => {
    const office = await getOffice(ctx, 'disdukcapil')
    const jsonLd = officeJsonLd(office, { origin: 'https://toba.example', region: 'Sumatera Utara', hours: null })
    expect(jsonLd).toMatchObject({
      '@type': 'GovernmentOffice',
      address: {
        '@type': 'PostalAddress',
        addressLocality: 'Balige',
        addressRegion: 'Sumatera Utara',
        addressCountry: 'ID',
      },
    })
    expect(officeJsonLd({ ...office, type: 'puskesmas' }, { origin: '', region: '', hours: null })['@type']).toBe(
      'MedicalClinic',
    )
    expect(officeJsonLd({ ...office, type: 'rsud' }, { origin: '', region: '', hours: null })['@type']).toBe('Hospital')
  })
})
