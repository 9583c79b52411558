import { type Locale, pickText } from '@cerdas/core'
import { officeJsonLd, officeUrl } from '@cerdas/module-directory'
import type { SchemaOrgHours } from '@cerdas/module-schedules'
import { CATEGORY_LABELS } from './labels'
import { type ServiceDetail, serviceUrl } from './services'

/**
 * The service page's JSON-LD: a schema.org GovernmentService provided by the responsible office,
 * delivered at its offices (GovernmentOffice with OpeningHoursSpecification), with its fee as an Offer.
 * @example serviceJsonLd(detail, { origin: 'https://tobakab.go.id', regency: 'Kabupaten Toba', region: 'Sumatera Utara', hours: null, locale: 'id' })
 */
export function serviceJsonLd(
  detail: ServiceDetail,
  options: { origin: string; regency: string; region: string; hours: SchemaOrgHours | null; locale: Locale },
) {
  const { service, office } = detail
  const { origin, locale } = options
  const places = detail.locations.length > 0 ? detail.locations.map((l) => l.office) : office ? [office] : []
  const fee = service.fee
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: pickText(service.name, locale),
    url: `${origin}${serviceUrl(service)}`,
    ...(service.summary ? { description: pickText(service.summary, locale) } : {}),
    serviceType: pickText(CATEGORY_LABELS[service.category], locale),
    ...(service.synonyms.length > 0 ? { alternateName: service.synonyms } : {}),
    areaServed: { '@type': 'AdministrativeArea', name: options.regency },
    ...(office
      ? {
          provider: { '@type': 'GovernmentOrganization', name: office.name.id, url: `${origin}${officeUrl(office)}` },
        }
      : {}),
    availableChannel: [
      ...places.map((place) => ({
        '@type': 'ServiceChannel',
        name: place.name.id,
        serviceLocation: officeJsonLd(place, {
          origin,
          region: options.region,
          hours: place.id === office?.id ? options.hours : null,
        }),
        ...(place.contacts.phone ? { servicePhone: { '@type': 'ContactPoint', telephone: place.contacts.phone } } : {}),
      })),
      ...(service.onlineUrl ? [{ '@type': 'ServiceChannel', serviceUrl: service.onlineUrl }] : []),
    ],
    offers: {
      '@type': 'Offer',
      price: fee.free ? 0 : (fee.amount ?? 0),
      priceCurrency: 'IDR',
      ...(fee.note ? { description: pickText(fee.note, locale) } : {}),
    },
    ...(service.product ? { serviceOutput: { '@type': 'Thing', name: pickText(service.product, locale) } } : {}),
  }
}
