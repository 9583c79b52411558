import { createHash } from 'node:crypto'
import { type Locale, type LocalizedText, likeEscape, pickText, problem, type TenantContext } from '@cerdas/core'
import {
  type Counter,
  findOffice,
  listCountersOfOffice,
  listOffices,
  listUnitsOfOffice,
  OFFICE_TYPE_LABELS,
  type Office,
  officeOwner,
  officeUrl,
  type Unit,
} from '@cerdas/module-directory'
import { listSchedulesForOwner, type Schedule } from '@cerdas/module-schedules'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import { CATEGORY_LABELS } from './admin'
import type {
  HsdsAddress,
  HsdsDetailQuery,
  HsdsLocation,
  HsdsOrganization,
  HsdsOrganizationsQuery,
  HsdsPage,
  HsdsPhone,
  HsdsRoot,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceAtLocationsQuery,
  HsdsServicesQuery,
} from './hsds-validation'
import { services } from './schema'
import { findService, serviceFromRow, serviceOwner, serviceUrl } from './services'
import type { Audience, Service } from './validation'

/**
 * Open Referral HSDS 3 export of the regency's directory and services (docs/interoperability-hsds.md).
 *
 * Offices become HSDS organizations, each with itself as its one physical location; services become
 * HSDS services with their responsible organization, the places they are offered
 * (service_at_location, one per office and counter), required documents, cost option, contacts,
 * category and schedules. Cerdas data HSDS has no field for travels in `x_cerdas_*` properties.
 *
 * HSDS ids must be UUIDs: every HSDS id is a name-based UUID (version 5) of the Cerdas id, so it is
 * stable across exports and the same record always has the same HSDS id. The single-record routes
 * accept the HSDS id as well as the Cerdas id or slug.
 */

/** The HSDS version whose official JSON schemas the export is checked against (test/fixtures/hsds-3). */
export const HSDS_VERSION = '3.2'

/** Namespace of the version 5 UUIDs of Cerdas records in HSDS (fixed: changing it changes every HSDS id). */
export const HSDS_ID_NAMESPACE = '13fccc3c-70a2-4c14-9c33-94643983de35'
const NAMESPACE_BYTES = Buffer.from(HSDS_ID_NAMESPACE.replace(/-/g, ''), 'hex')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The HSDS id (RFC 9562 version 5 UUID) of a Cerdas record or of a part of one.
 * @example hsdsId('service', 'svc_01JD2X5Q9V3R8K7M6N5P4Q3R2S') // always the same UUID for this service
 */
export function hsdsId(kind: string, ...parts: string[]): string {
  const hash = createHash('sha1')
    .update(NAMESPACE_BYTES)
    .update(`cerdas:${kind}:${parts.join(':')}`)
    .digest()
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export interface HsdsOptions {
  /** Origin of the public pages and API, e.g. `https://tobakab.go.id`; default `https://<primary host>`. */
  origin?: string | undefined
  /** Language of the text fields; default the tenant's default language. */
  locale?: Locale | undefined
}

// ---------------------------------------------------------------- wording

const t = (locale: Locale, id: string, en: string) => (locale === 'en' ? en : id)
const pick = (text: LocalizedText, locale: Locale) => pickText(text, locale)
const pickOrNull = (text: LocalizedText | null | undefined, locale: Locale) => (text ? pickText(text, locale) : null)

const AUDIENCE_LABELS: Record<Audience, LocalizedText> = {
  residents: { id: 'penduduk', en: 'residents' },
  businesses: { id: 'pelaku usaha', en: 'businesses' },
  visitors: { id: 'wisatawan', en: 'visitors' },
  civil_servants: { id: 'aparatur sipil negara', en: 'civil servants' },
  institutions: { id: 'lembaga', en: 'institutions' },
}

const PROCESSING_UNIT_LABELS: Record<string, LocalizedText> = {
  minutes: { id: 'menit', en: 'minutes' },
  hours: { id: 'jam', en: 'hours' },
  working_days: { id: 'hari kerja', en: 'working days' },
  days: { id: 'hari', en: 'days' },
}

const HOLIDAY_KIND_WORDS: Record<string, LocalizedText> = {
  national: { id: 'hari libur nasional', en: 'national holidays' },
  cuti_bersama: { id: 'cuti bersama', en: 'collective leave days' },
  regional: { id: 'hari libur daerah', en: 'regional holidays' },
}

function rupiah(amount: number, locale: Locale): string {
  return locale === 'en'
    ? `IDR ${new Intl.NumberFormat('en-US').format(amount)}`
    : `Rp${new Intl.NumberFormat('id-ID').format(amount)}`
}

function listWords(words: string[], locale: Locale): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} ${t(locale, 'dan', 'and')} ${words.at(-1)}`
}

// ---------------------------------------------------------------- time zones

/** UTC offset in minutes of an IANA zone at an instant (Indonesia has no DST; other zones may). */
export function utcOffsetMinutes(zone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

function offsetSuffix(minutes: number): string {
  if (minutes === 0) return 'Z'
  const abs = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** Today's date (YYYY-MM-DD) in a zone. */
function localToday(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  )
}

// ---------------------------------------------------------------- schedules

type Definition = Schedule['definition']
type Weekly = Definition['weekly']
type Interval = NonNullable<Weekly['mo']>[number]
const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const

/** Weekdays with the same intervals, in week order: one HSDS rule per group and interval. */
function weekdayGroups(weekly: Weekly): { byday: string; intervals: Interval[] }[] {
  const groups: { key: string; days: string[]; intervals: Interval[] }[] = []
  for (const day of WEEKDAYS) {
    const list = weekly[day] ?? []
    if (list.length === 0) continue
    const key = JSON.stringify(list.map((i) => [i.start, i.end, i.overnight === true]))
    const group = groups.find((g) => g.key === key)
    if (group) group.days.push(day)
    else groups.push({ key, days: [day], intervals: list })
  }
  return groups.map((g) => ({ byday: g.days.map((d) => d.toUpperCase()).join(','), intervals: g.intervals }))
}

function holidayNote(definition: Definition, locale: Locale): string {
  const kinds = (definition.holidayKinds ?? ['national', 'cuti_bersama', 'regional']).map((k) =>
    pick(HOLIDAY_KIND_WORDS[k] ?? { id: k }, locale),
  )
  if (definition.closedOnHolidays) return `${t(locale, 'Tutup pada', 'Closed on')} ${listWords(kinds, locale)}.`
  if (definition.holidayHours?.length) {
    const hours = definition.holidayHours.map((i) => `${i.start}–${i.end}`).join(', ')
    return `${t(locale, 'Pada', 'On')} ${listWords(kinds, locale)}: ${hours}.`
  }
  return t(locale, 'Hari libur tidak mengubah jadwal ini.', 'Holidays do not change this schedule.')
}

export type ScheduleLink =
  | { service_id: string }
  | { location_id: string }
  | { service_at_location_id: string; key: string }

/**
 * One Cerdas schedule as HSDS schedule rows: one WEEKLY rule per group of weekdays with the same
 * hours and per interval; each date-ranged override (e.g. Ramadan hours) as rules with
 * `valid_from`/`valid_to`; each extra opening as a rule valid on its one date. Times carry the
 * zone's UTC offset and `timezone` is that offset in hours. What HSDS cannot say (holidays,
 * closures, the full rule) travels in the notes and `x_cerdas_*` fields.
 */
export function hsdsSchedules(
  schedule: Schedule,
  link: ScheduleLink,
  options: { locale: Locale; now: Date },
): HsdsSchedule[] {
  const { locale, now } = options
  const definition = schedule.definition
  const zone = definition.zone
  const today = localToday(zone, now)
  const linkFields =
    'service_at_location_id' in link ? { service_at_location_id: link.service_at_location_id } : { ...link }
  const linkKey = 'service_at_location_id' in link ? link.key : ''
  const label = pick(schedule.label, locale)
  const common = {
    ...linkFields,
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    notes: holidayNote(definition, locale),
    x_cerdas_schedule_id: schedule.id,
    x_cerdas_kind: schedule.kind,
    ...(schedule.role ? { x_cerdas_role: pick(schedule.role, locale) } : {}),
    x_cerdas_closed_on_holidays: definition.closedOnHolidays,
    x_cerdas_opening_hours: schedule.openingHours,
    x_cerdas_closures: (definition.closures ?? [])
      .filter((c) => (c.to ?? c.from) >= today)
      .slice(0, 50)
      .map((c) => ({ from: c.from, to: c.to ?? c.from, reason: pick(c.reason, locale) })),
  }
  const rows: HsdsSchedule[] = []
  const push = (
    rule: HsdsSchedule['x_cerdas_rule'],
    byday: string,
    interval: Interval,
    offset: number,
    extra: { valid_from?: string; valid_to?: string; description: string },
  ) => {
    const suffix = offsetSuffix(offset)
    rows.push({
      id: hsdsId(
        'schedule',
        schedule.id,
        linkKey,
        rule,
        extra.valid_from ?? '',
        byday,
        `${interval.start}-${interval.end}`,
      ),
      ...common,
      ...(extra.valid_from ? { valid_from: extra.valid_from } : {}),
      ...(extra.valid_to ? { valid_to: extra.valid_to } : {}),
      timezone: offset / 60,
      byday,
      opens_at: `${interval.start}${suffix}`,
      closes_at: `${interval.end}${suffix}`,
      description: extra.description,
      x_cerdas_rule: rule,
      ...(interval.overnight ? { x_cerdas_overnight: true } : {}),
    })
  }
  const nowOffset = utcOffsetMinutes(zone, now)
  for (const group of weekdayGroups(definition.weekly)) {
    for (const interval of group.intervals) push('weekly', group.byday, interval, nowOffset, { description: label })
  }
  for (const override of definition.overrides ?? []) {
    if (override.to < today) continue
    const offset = utcOffsetMinutes(zone, new Date(`${override.from}T12:00:00Z`))
    const description = `${label}: ${pick(override.reason, locale)}`
    for (const group of weekdayGroups(override.weekly)) {
      for (const interval of group.intervals) {
        push('override', group.byday, interval, offset, {
          valid_from: override.from,
          valid_to: override.to,
          description,
        })
      }
    }
  }
  for (const extra of definition.extraOpenings ?? []) {
    if (extra.date < today) continue
    const weekday = WEEKDAYS[(new Date(`${extra.date}T12:00:00Z`).getUTCDay() + 6) % 7] ?? 'mo'
    const offset = utcOffsetMinutes(zone, new Date(`${extra.date}T12:00:00Z`))
    const description = `${label}: ${pick(extra.reason, locale)}`
    for (const interval of extra.intervals) {
      push('extra_opening', weekday.toUpperCase(), interval, offset, {
        valid_from: extra.date,
        valid_to: extra.date,
        description,
      })
    }
  }
  return rows
}

// ---------------------------------------------------------------- loading (one request)

interface OfficeBundle {
  office: Office
  units: Unit[]
  counters: Counter[]
  schedules: Schedule[]
}

/** Reads what an export needs once per request, through the directory's and schedules' exported functions. */
class HsdsLoader {
  readonly locale: Locale
  readonly origin: string
  readonly now: Date
  private offices: Promise<Office[]> | undefined
  private readonly bundles = new Map<string, Promise<OfficeBundle | null>>()
  private serviceIds: Promise<Set<string>> | undefined

  constructor(
    readonly ctx: TenantContext,
    options: HsdsOptions,
  ) {
    this.locale = options.locale ?? ctx.tenant.defaultLocale
    this.origin = (options.origin ?? `https://${ctx.tenant.primaryHost}`).replace(/\/+$/, '')
    this.now = ctx.now()
  }

  /** Every office, by name (a regency has hundreds at most). */
  allOffices(): Promise<Office[]> {
    this.offices ??= (async () => {
      const out: Office[] = []
      let cursor: string | undefined
      do {
        const page = await listOffices(this.ctx, { limit: 100, ...(cursor ? { cursor } : {}) })
        out.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return out
    })()
    return this.offices
  }

  office(id: string): Promise<OfficeBundle | null> {
    let bundle = this.bundles.get(id)
    if (!bundle) {
      bundle = (async () => {
        const office = await findOffice(this.ctx, id)
        if (!office) return null
        const [units, counters, schedules] = await Promise.all([
          listUnitsOfOffice(this.ctx, office.id),
          listCountersOfOffice(this.ctx, office.id),
          listSchedulesForOwner(this.ctx, officeOwner(office)),
        ])
        return { office, units, counters, schedules }
      })()
      this.bundles.set(id, bundle)
    }
    return bundle
  }

  /** Ids of every service of the tenant (to drop links to deleted services). */
  existingServiceIds(): Promise<Set<string>> {
    this.serviceIds ??= this.ctx.db
      .select({ id: services.id })
      .from(services)
      .then((rows) => new Set(rows.map((r) => r.id)))
    return this.serviceIds
  }

  /** An office by HSDS id, Cerdas id or slug. */
  async resolveOffice(ref: string): Promise<Office | null> {
    if (UUID.test(ref)) {
      const wanted = ref.toLowerCase()
      return (await this.allOffices()).find((o) => hsdsId('organization', o.id) === wanted) ?? null
    }
    return findOffice(this.ctx, ref)
  }

  /** A service by HSDS id, Cerdas id or slug. */
  async resolveService(ref: string): Promise<Service | null> {
    if (UUID.test(ref)) {
      const wanted = ref.toLowerCase()
      const id = [...(await this.existingServiceIds())].find((s) => hsdsId('service', s) === wanted)
      return id ? findService(this.ctx, id) : null
    }
    return findService(this.ctx, ref)
  }
}

// ---------------------------------------------------------------- organizations and locations

const POSTAL_CODE = /\b(\d{5})\b/

function hsdsAddress(office: Office, locationId: string, ctx: TenantContext): HsdsAddress[] {
  if (!office.address) return []
  return [
    {
      id: hsdsId('address', office.id),
      location_id: locationId,
      address_1: office.address,
      ...(office.kecamatan ? { address_2: `Kecamatan ${office.kecamatan}` } : {}),
      city: ctx.tenant.name,
      state_province: ctx.tenant.province,
      postal_code: POSTAL_CODE.exec(office.address)?.[1] ?? '',
      country: 'ID',
      address_type: 'physical',
    },
  ]
}

/** An office as an HSDS location (the building), with its opening hours. */
function hsdsLocation(bundle: OfficeBundle, loader: HsdsLoader): HsdsLocation {
  const { office } = bundle
  const id = hsdsId('location', office.id)
  const options = { locale: loader.locale, now: loader.now }
  return {
    id,
    location_type: 'physical',
    organization_id: hsdsId('organization', office.id),
    name: pick(office.name, loader.locale),
    ...(office.shortName ? { alternate_name: office.shortName } : {}),
    ...(office.coordinates ? { latitude: office.coordinates.lat, longitude: office.coordinates.lon } : {}),
    addresses: hsdsAddress(office, id, loader.ctx),
    schedules: bundle.schedules
      .filter((s) => s.kind === 'hours')
      .flatMap((s) => hsdsSchedules(s, { location_id: id }, options)),
    x_cerdas_office_id: office.id,
    x_cerdas_kecamatan: office.kecamatan,
  }
}

const verificationOf = (v: Office['verification']) => ({
  verified: v.verified,
  verified_at: v.verifiedAt,
  verified_by: v.verifiedBy,
  source: v.source,
})

function unitExtension(unit: Unit, locale: Locale) {
  return {
    id: unit.id,
    parent_id: unit.parentId,
    kind: unit.kind,
    name: pick(unit.name, locale),
    handles: pickOrNull(unit.handles, locale),
    phone: unit.contacts.phone,
    email: unit.contacts.email,
  }
}

/** An office (OPD, kecamatan, puskesmas, ...) as an HSDS organization with itself as its location. */
function hsdsOrganization(bundle: OfficeBundle, loader: HsdsLoader): HsdsOrganization {
  const { office } = bundle
  const { locale } = loader
  const id = hsdsId('organization', office.id)
  const phones: HsdsPhone[] = []
  if (office.contacts.phone)
    phones.push({
      id: hsdsId('phone', office.id, 'voice'),
      organization_id: id,
      number: office.contacts.phone,
      type: 'voice',
    })
  if (office.contacts.whatsapp)
    phones.push({
      id: hsdsId('phone', office.id, 'whatsapp'),
      organization_id: id,
      number: office.contacts.whatsapp,
      type: 'cell',
      description: 'WhatsApp',
    })
  const typeLabel = pick(OFFICE_TYPE_LABELS[office.type], locale)
  return {
    id,
    name: pick(office.name, locale),
    ...(office.shortName ? { alternate_name: office.shortName } : {}),
    // HSDS requires a description: without one, say what kind of office it is and where.
    description: pickOrNull(office.description, locale) ?? `${typeLabel}, ${loader.ctx.tenant.name}.`,
    ...(office.contacts.email ? { email: office.contacts.email } : {}),
    ...(office.contacts.website ? { website: office.contacts.website } : {}),
    ...(office.parentId ? { parent_organization_id: hsdsId('organization', office.parentId) } : {}),
    phones,
    locations: [hsdsLocation(bundle, loader)],
    x_cerdas_id: office.id,
    x_cerdas_slug: office.slug,
    x_cerdas_type: office.type,
    x_cerdas_url: `${loader.origin}${officeUrl(office)}`,
    x_cerdas_units: bundle.units.map((u) => unitExtension(u, locale)),
    x_cerdas_verification: verificationOf(office.verification),
  }
}

// ---------------------------------------------------------------- services

interface Place {
  office: OfficeBundle
  counter: Counter | null
  fallback: boolean
}

/** Where a service is offered: its places whose office still exists, else its responsible office. */
async function placesOf(service: Service, loader: HsdsLoader): Promise<Place[]> {
  const places: Place[] = []
  for (const location of service.locations) {
    const office = await loader.office(location.officeId)
    if (!office) continue
    const counter = location.counterId ? (office.counters.find((c) => c.id === location.counterId) ?? null) : null
    places.push({ office, counter, fallback: false })
  }
  if (places.length === 0) {
    const office = await loader.office(service.officeId)
    if (office) places.push({ office, counter: null, fallback: true })
  }
  return places
}

const placeKey = (service: Service, place: Place) => [service.id, place.office.office.id, place.counter?.id ?? '-']

/** One place of a service as an HSDS service_at_location, with the officer presence that covers the service there. */
function hsdsServiceAtLocation(service: Service, place: Place, loader: HsdsLoader): HsdsServiceAtLocation {
  const { locale } = loader
  const key = placeKey(service, place)
  const id = hsdsId('service_at_location', ...key)
  const covers = (s: Schedule) => s.services.includes(service.id) || s.services.includes(service.slug)
  const counter = place.counter
  return {
    id,
    service_id: hsdsId('service', service.id),
    location_id: hsdsId('location', place.office.office.id),
    ...(counter
      ? {
          description: [
            `${pick(counter.name, locale)} (${t(locale, 'loket', 'counter')} ${counter.code})`,
            pickOrNull(counter.location, locale),
          ]
            .filter(Boolean)
            .join(', '),
        }
      : {}),
    location: hsdsLocation(place.office, loader),
    schedules: place.office.schedules
      .filter((s) => s.kind === 'presence' && covers(s))
      .flatMap((s) =>
        hsdsSchedules(s, { service_at_location_id: id, key: key.join('/') }, { locale, now: loader.now }),
      ),
    x_cerdas_counter: counter
      ? {
          id: counter.id,
          code: counter.code,
          name: pick(counter.name, locale),
          location: pickOrNull(counter.location, locale),
        }
      : null,
    x_cerdas_default_location: place.fallback,
  }
}

function feeText(fee: Service['fee'], locale: Locale): string {
  const note = pickOrNull(fee.note, locale)
  if (fee.free) return note ?? t(locale, 'Gratis', 'Free of charge')
  const amount = rupiah(fee.amount ?? 0, locale)
  return note ? `${amount}. ${note}` : amount
}

/** A service as a fully nested HSDS service. */
async function hsdsService(service: Service, loader: HsdsLoader): Promise<HsdsService> {
  const { locale, ctx } = loader
  const id = hsdsId('service', service.id)
  const responsible = await loader.office(service.officeId)
  const unit = service.unitId ? (responsible?.units.find((u) => u.id === service.unitId) ?? null) : null
  const places = await placesOf(service, loader)
  const own = await listSchedulesForOwner(ctx, serviceOwner(service))
  const existing = await loader.existingServiceIds()
  const options = { locale, now: loader.now }

  const additionalUrls: HsdsService['additional_urls'] = []
  if (service.onlineUrl)
    additionalUrls.push({
      id: hsdsId('url', service.id, 'online'),
      label: t(locale, 'Layanan daring', 'Online service'),
      url: service.onlineUrl,
      service_id: id,
    })
  if (service.complaint?.url)
    additionalUrls.push({
      id: hsdsId('url', service.id, 'complaint'),
      label: t(locale, 'Pengaduan', 'Complaints'),
      url: service.complaint.url,
      service_id: id,
    })

  const contacts: HsdsService['contacts'] = []
  if (service.complaint) {
    const contactId = hsdsId('contact', service.id, 'complaint')
    const complaint = service.complaint
    contacts.push({
      id: contactId,
      service_id: id,
      name: t(locale, 'Pengaduan layanan', 'Service complaints'),
      ...(complaint.email ? { email: complaint.email } : {}),
      phones: complaint.phone
        ? [
            {
              id: hsdsId('phone', service.id, 'complaint'),
              contact_id: contactId,
              number: complaint.phone,
              type: 'voice',
            },
          ]
        : [],
      x_cerdas_role: 'complaints',
      x_cerdas_description: pick(complaint.description, locale),
      x_cerdas_url: complaint.url ?? null,
    })
  }
  if (unit && (unit.contacts.phone || unit.contacts.email)) {
    const contactId = hsdsId('contact', service.id, 'unit')
    contacts.push({
      id: contactId,
      service_id: id,
      name: pick(unit.name, locale),
      department: pick(unit.name, locale),
      ...(unit.contacts.email ? { email: unit.contacts.email } : {}),
      phones: unit.contacts.phone
        ? [
            {
              id: hsdsId('phone', service.id, 'unit'),
              contact_id: contactId,
              number: unit.contacts.phone,
              type: 'voice',
            },
          ]
        : [],
      x_cerdas_role: 'responsible_unit',
      x_cerdas_description: pickOrNull(unit.handles, locale),
      x_cerdas_url: null,
    })
  }

  const categoryLabel = pick(CATEGORY_LABELS[service.category], locale)
  const termId = hsdsId('taxonomy_term', 'service-category', service.category)
  const processing = service.processingTime

  return {
    id,
    organization_id: hsdsId('organization', service.officeId),
    name: pick(service.name, locale),
    ...(service.summary ? { description: pick(service.summary, locale) } : {}),
    url: `${loader.origin}${serviceUrl(service)}`,
    additional_urls: additionalUrls,
    status: 'active',
    ...(service.procedure.length > 0
      ? { application_process: service.procedure.map((step, i) => `${i + 1}. ${pick(step, locale)}`).join('\n') }
      : {}),
    fees_description: feeText(service.fee, locale),
    ...(service.audience.length > 0
      ? {
          eligibility_description: `${t(locale, 'Untuk', 'For')} ${listWords(
            service.audience.map((a) => pick(AUDIENCE_LABELS[a], locale)),
            locale,
          )}.`,
        }
      : {}),
    ...(service.verification.verifiedAt ? { assured_date: service.verification.verifiedAt.slice(0, 10) } : {}),
    last_modified: service.updatedAt,
    ...(responsible ? { organization: hsdsOrganization(responsible, loader) } : {}),
    service_at_locations: places.map((place) => hsdsServiceAtLocation(service, place, loader)),
    schedules: own.flatMap((s) => hsdsSchedules(s, { service_id: id }, options)),
    required_documents: service.requirements.map((r, i) => {
      const document = pick(r.document, locale)
      const condition = pickOrNull(r.condition, locale)
      const note = pickOrNull(r.note, locale)
      return {
        id: hsdsId('required_document', service.id, String(i)),
        service_id: id,
        document: `${document}${condition ? ` (${condition})` : ''}${note ? `. ${note}` : ''}`,
        x_cerdas_document: document,
        x_cerdas_condition: condition,
        x_cerdas_note: note,
      }
    }),
    cost_options: [
      {
        id: hsdsId('cost_option', service.id),
        service_id: id,
        currency: 'IDR',
        amount: service.fee.free ? 0 : (service.fee.amount ?? 0),
        amount_description: feeText(service.fee, locale),
        x_cerdas_legal_basis: service.fee.legalBasis,
      },
    ],
    contacts,
    attributes: [
      {
        id: hsdsId('attribute', service.id, 'category'),
        link_id: id,
        link_type: 'service_category',
        link_entity: 'service',
        taxonomy_term_id: termId,
        label: categoryLabel,
        taxonomy_term: {
          id: termId,
          code: service.category,
          name: categoryLabel,
          description: t(
            locale,
            `Kategori layanan publik Cerdas: ${categoryLabel}`,
            `Cerdas public service category: ${categoryLabel}`,
          ),
          taxonomy: 'Cerdas service categories',
          taxonomy_id: hsdsId('taxonomy', 'service-category'),
          language: locale,
        },
      },
    ],
    x_cerdas_id: service.id,
    x_cerdas_slug: service.slug,
    x_cerdas_category: service.category,
    x_cerdas_audience: service.audience,
    x_cerdas_synonyms: service.synonyms,
    x_cerdas_processing_time: processing
      ? {
          value: processing.value,
          unit: processing.unit,
          text: `${processing.value} ${pick(PROCESSING_UNIT_LABELS[processing.unit] ?? { id: processing.unit }, locale)}`,
          note: pickOrNull(processing.note, locale),
        }
      : null,
    x_cerdas_responsible_unit: unit ? unitExtension(unit, locale) : null,
    x_cerdas_legal_basis: service.legalBasis,
    x_cerdas_fee: {
      free: service.fee.free,
      amount: service.fee.free ? null : service.fee.amount,
      currency: 'IDR',
      note: pickOrNull(service.fee.note, locale),
      legal_basis: service.fee.legalBasis,
    },
    x_cerdas_product: pickOrNull(service.product, locale),
    x_cerdas_complaint: service.complaint
      ? {
          description: pick(service.complaint.description, locale),
          phone: service.complaint.phone ?? null,
          email: service.complaint.email ?? null,
          url: service.complaint.url ?? null,
        }
      : null,
    x_cerdas_related_service_ids: service.related.filter((r) => existing.has(r)).map((r) => hsdsId('service', r)),
    x_cerdas_verification: verificationOf(service.verification),
    x_cerdas_texts: { name: service.name, description: service.summary },
  }
}

// ---------------------------------------------------------------- pages and public functions

/** The HSDS API list envelope for one page of `perPage` items out of `total`. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage)
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: total === 0,
    contents,
  }
}

function wordFilters(q: string | undefined): SQL[] {
  if (!q) return []
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => {
      const like = `%${likeEscape(word)}%`
      return sql`(lower(${services.nameId}) LIKE ${like} ESCAPE '\\' OR lower(coalesce(${services.nameEn}, '')) LIKE ${like} ESCAPE '\\'
        OR lower(${services.synonyms}) LIKE ${like} ESCAPE '\\')`
    })
}

/** The filters of a services query, or null when it names an organization that does not exist. */
async function serviceFilters(
  loader: HsdsLoader,
  query: { search?: string | undefined; organization_id?: string | undefined },
): Promise<SQL | undefined | null> {
  const where = wordFilters(query.search)
  if (query.organization_id) {
    const office = await loader.resolveOffice(query.organization_id)
    if (!office) return null
    where.push(eq(services.officeId, office.id))
  }
  return where.length > 0 ? and(...where) : undefined
}

const optionsOf = (query: { lang?: Locale | undefined }, options: HsdsOptions): HsdsOptions => ({
  ...options,
  ...(query.lang ? { locale: query.lang } : {}),
})

/** A page of fully nested HSDS services, by name, filtered by words and responsible organization. */
export async function listHsdsServices(
  ctx: TenantContext,
  query: HsdsServicesQuery,
  options: HsdsOptions = {},
): Promise<HsdsPage<HsdsService>> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const where = await serviceFilters(loader, query)
  if (where === null) return hsdsPage([], 0, query.page, query.per_page)
  const [count] = await ctx.db.select({ n: sql<number>`count(*)` }).from(services).where(where)
  const rows = await ctx.db
    .select()
    .from(services)
    .where(where)
    .orderBy(services.nameId, services.id)
    .limit(query.per_page)
    .offset((query.page - 1) * query.per_page)
  const contents: HsdsService[] = []
  for (const row of rows) contents.push(await hsdsService(serviceFromRow(row), loader))
  return hsdsPage(contents, Number(count?.n ?? 0), query.page, query.per_page)
}

/** One fully nested HSDS service by HSDS id, Cerdas id or slug; 404 when there is none. */
export async function getHsdsService(
  ctx: TenantContext,
  ref: string,
  query: HsdsDetailQuery = {},
  options: HsdsOptions = {},
): Promise<HsdsService> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const service = await loader.resolveService(ref)
  if (!service) throw problem('notFound', `No service ${ref}`)
  return hsdsService(service, loader)
}

/** A page of HSDS organizations (every office of the directory), by name, filtered by words. */
export async function listHsdsOrganizations(
  ctx: TenantContext,
  query: HsdsOrganizationsQuery,
  options: HsdsOptions = {},
): Promise<HsdsPage<HsdsOrganization>> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  let offices: Office[]
  if (query.search) {
    offices = []
    let cursor: string | undefined
    do {
      const page = await listOffices(ctx, { limit: 100, q: query.search, ...(cursor ? { cursor } : {}) })
      offices.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  } else {
    offices = await loader.allOffices()
  }
  const start = (query.page - 1) * query.per_page
  const contents: HsdsOrganization[] = []
  for (const office of offices.slice(start, start + query.per_page)) {
    const bundle = await loader.office(office.id)
    if (bundle) contents.push(hsdsOrganization(bundle, loader))
  }
  return hsdsPage(contents, offices.length, query.page, query.per_page)
}

/** One HSDS organization by HSDS id, or the office's Cerdas id or slug; 404 when there is none. */
export async function getHsdsOrganization(
  ctx: TenantContext,
  ref: string,
  query: HsdsDetailQuery = {},
  options: HsdsOptions = {},
): Promise<HsdsOrganization> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const office = await loader.resolveOffice(ref)
  const bundle = office ? await loader.office(office.id) : null
  if (!bundle) throw problem('notFound', `No office ${ref}`)
  return hsdsOrganization(bundle, loader)
}

export type HsdsServiceAtLocationItem = HsdsServiceAtLocation & {
  x_cerdas_service_id: string
  x_cerdas_service_name: string
}

/** A page of HSDS service_at_location records (every place of every service, by service name). */
export async function listHsdsServiceAtLocations(
  ctx: TenantContext,
  query: HsdsServiceAtLocationsQuery,
  options: HsdsOptions = {},
): Promise<HsdsPage<HsdsServiceAtLocationItem>> {
  const loader = new HsdsLoader(ctx, optionsOf(query, options))
  const where = await serviceFilters(loader, query)
  if (where === null) return hsdsPage([], 0, query.page, query.per_page)
  const rows = await ctx.db.select().from(services).where(where).orderBy(services.nameId, services.id)
  const all: { service: Service; place: Place }[] = []
  for (const row of rows) {
    const service = serviceFromRow(row)
    for (const place of await placesOf(service, loader)) all.push({ service, place })
  }
  const start = (query.page - 1) * query.per_page
  const contents = all.slice(start, start + query.per_page).map(({ service, place }) => ({
    ...hsdsServiceAtLocation(service, place, loader),
    x_cerdas_service_id: service.id,
    x_cerdas_service_name: pick(service.name, loader.locale),
  }))
  return hsdsPage(contents, all.length, query.page, query.per_page)
}

/** The HSDS API root (`GET /`): version and where the OpenAPI document and the lists are. */
export function hsdsRoot(ctx: TenantContext, options: HsdsOptions = {}): HsdsRoot {
  const origin = (options.origin ?? `https://${ctx.tenant.primaryHost}`).replace(/\/+$/, '')
  const api = `${origin}/api/v1`
  return {
    version: HSDS_VERSION,
    openapi_url: `${origin}/api/openapi.json`,
    description: `Open Referral HSDS ${HSDS_VERSION} export of the public services and government offices of ${ctx.tenant.name}`,
    publisher: { name: ctx.tenant.name, website: origin },
    x_cerdas_endpoints: {
      services: `${api}/services/hsds/services`,
      service: `${api}/services/{id}/hsds`,
      organizations: `${api}/services/hsds/organizations`,
      organization: `${api}/directory/offices/{id}/hsds`,
      service_at_locations: `${api}/services/hsds/service_at_locations`,
    },
  }
}
