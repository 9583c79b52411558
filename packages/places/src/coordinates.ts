import type { CustomStorage } from '@cerdas/core'
import { z } from '@hono/zod-openapi'

const label = (id: string, en: string) => ({ id, en })

export type Coordinates = { lat: number; lon: number }

/** Bounding box of Indonesia with a margin: a point outside is a typo (swapped lat/lon, missing minus). */
export const LAT_RANGE = [-11.5, 6.5] as const
export const LON_RANGE = [94.5, 141.5] as const

export const coordinatesSchema = z
  .strictObject({
    lat: z.number().min(LAT_RANGE[0], 'latitude outside Indonesia').max(LAT_RANGE[1], 'latitude outside Indonesia'),
    lon: z.number().min(LON_RANGE[0], 'longitude outside Indonesia').max(LON_RANGE[1], 'longitude outside Indonesia'),
  })
  .openapi('Coordinates', { example: { lat: 2.3333, lon: 99.0667 } })

/**
 * A point on the map kept in the columns lat and lon, inside Indonesia; the console asks for both
 * in decimal degrees.
 */
export const coordinatesStorage: CustomStorage<Coordinates> = {
  columns: [
    { key: 'lat', column: 'lat', type: 'REAL' },
    { key: 'lon', column: 'lon', type: 'REAL' },
  ],
  input: coordinatesSchema,
  output: z.object({ lat: z.number(), lon: z.number() }),
  read: (row) => (row.lat === null || row.lon === null ? null : { lat: row.lat as number, lon: row.lon as number }),
  write: (value) => ({ lat: value?.lat ?? null, lon: value?.lon ?? null }),
  admin: [
    {
      name: 'coordinates.lat',
      label: label('Lintang', 'Latitude'),
      type: 'number',
      help: {
        id: 'Desimal, misalnya 2,3333 (di selatan khatulistiwa diawali minus). Kosongkan keduanya bila tidak tahu.',
        en: 'Decimal, e.g. 2.3333 (negative south of the equator). Leave both empty if unknown.',
      },
    },
    {
      name: 'coordinates.lon',
      label: label('Bujur', 'Longitude'),
      type: 'number',
      help: label('Desimal, misalnya 99,0667.', 'Decimal, e.g. 99.0667.'),
    },
  ],
  values: (value) => ({ 'coordinates.lat': value?.lat ?? null, 'coordinates.lon': value?.lon ?? null }),
}
