import type { Counter } from '@cerdas/module-directory'
import type { Schedule } from '@cerdas/module-schedules'
import { hsdsId } from './hsds-ids'
import type { HsdsLoader, OfficeBundle } from './hsds-loader'
import { hsdsLocation } from './hsds-organizations'
import { hsdsSchedules } from './hsds-schedules'
import type { HsdsServiceAtLocation } from './hsds-service-schemas'
import { pick, pickOrNull, t } from './hsds-wording'
import type { Service } from './service'

/** The places a service is offered, as HSDS service_at_location records (one per office and counter). */

export interface Place {
  office: OfficeBundle
  counter: Counter | null
  fallback: boolean
}

/** Where a service is offered: its places whose office still exists, else its responsible office. */
export async function placesOf(service: Service, loader: HsdsLoader): Promise<Place[]> {
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
export function hsdsServiceAtLocation(service: Service, place: Place, loader: HsdsLoader): HsdsServiceAtLocation {
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
