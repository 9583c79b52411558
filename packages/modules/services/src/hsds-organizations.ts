import type { TenantContext } from '@cerdas/core'
import { OFFICE_TYPE_LABELS, type Office, officeUrl } from '@cerdas/module-directory'
import { unitExtension, verificationOf } from './hsds-extensions'
import { hsdsId } from './hsds-ids'
import type { HsdsLoader, OfficeBundle } from './hsds-loader'
import type { HsdsAddress, HsdsLocation, HsdsOrganization, HsdsPhone } from './hsds-organization-schemas'
import { hsdsSchedules } from './hsds-schedules'
import { pick, pickOrNull } from './hsds-wording'

/** Offices become HSDS organizations, each with itself as its one physical location. */

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
export function hsdsLocation(bundle: OfficeBundle, loader: HsdsLoader): HsdsLocation {
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

/** An office (OPD, kecamatan, puskesmas, ...) as an HSDS organization with itself as its location. */
export function hsdsOrganization(bundle: OfficeBundle, loader: HsdsLoader): HsdsOrganization {
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
