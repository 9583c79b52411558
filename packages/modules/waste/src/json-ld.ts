import type { SchemaOrgHours } from '@cerdas/module-schedules'
import { placeJsonLd } from '@cerdas/places'
import type { DropPoint } from './droppoint'
import type { DropPointKind } from './labels'

/** schema.org has RecyclingCenter for places that take waste back; a plain TPS or landfill is a Place. */
export const dropPointSchemaType = (kind: DropPointKind) =>
  kind === 'tps3r' || kind === 'bank_sampah' || kind === 'tpst' ? 'RecyclingCenter' : 'Place'

/** A drop point as schema.org JSON-LD with its address, coordinates, contacts and hours. */
export function dropPointJsonLd(
  p: DropPoint,
  at: { url: string; region: string; hours?: SchemaOrgHours | null | undefined },
) {
  return placeJsonLd(dropPointSchemaType(p.kind), p, at)
}
