import type { SchemaOrgHours } from '@cerdas/module-schedules'
import { type Office, officeUrl } from './office'

const SCHEMA_TYPE: Record<Office['type'], string> = {
  dinas: 'GovernmentOffice',
  badan: 'GovernmentOffice',
  kecamatan: 'GovernmentOffice',
  kelurahan: 'GovernmentOffice',
  desa: 'GovernmentOffice',
  puskesmas: 'MedicalClinic',
  rsud: 'Hospital',
  mpp: 'GovernmentOffice',
  sekretariat: 'GovernmentOffice',
  other: 'GovernmentOffice',
}

/**
 * schema.org JSON-LD of an office: GovernmentOffice (puskesmas as MedicalClinic, RSUD as
 * Hospital) with address, coordinates, contacts and, when given, OpeningHoursSpecification
 * including special hours. Other modules embed it, e.g. as a service's location.
 * @example officeJsonLd(office, { origin: 'https://tobakab.go.id', region: 'Sumatera Utara', hours: null })
 */
export function officeJsonLd(
  office: Office,
  options: { origin: string; region: string; hours: SchemaOrgHours | null },
) {
  const { origin, region, hours } = options
  return {
    '@type': SCHEMA_TYPE[office.type] ?? 'GovernmentOffice',
    name: office.name.id,
    ...(office.name.en ? { alternateName: office.name.en } : {}),
    url: `${origin}${officeUrl(office)}`,
    ...(office.description ? { description: office.description.id } : {}),
    ...(office.address || office.kecamatan
      ? {
          address: {
            '@type': 'PostalAddress',
            ...(office.address ? { streetAddress: office.address } : {}),
            ...(office.kecamatan ? { addressLocality: office.kecamatan } : {}),
            addressRegion: region,
            addressCountry: 'ID',
          },
        }
      : {}),
    ...(office.coordinates
      ? { geo: { '@type': 'GeoCoordinates', latitude: office.coordinates.lat, longitude: office.coordinates.lon } }
      : {}),
    ...(office.contacts.phone ? { telephone: office.contacts.phone } : {}),
    ...(office.contacts.email ? { email: office.contacts.email } : {}),
    ...(office.contacts.website ? { sameAs: office.contacts.website } : {}),
    ...(hours ?? {}),
  }
}
