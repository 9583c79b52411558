import { z } from '@hono/zod-openapi'

/** A year (`2022`) or a date (`2022-03-31`): masterplans often give only the year. */
export const yearOrDate = (example: string) =>
  z
    .string()
    .regex(/^(19|20|21)\d\d(-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/, 'a year as YYYY or a date as YYYY-MM-DD')
    .openapi({ example, description: 'A year (YYYY) or a date (YYYY-MM-DD)' })

/** A local date in the tenant's zone. */
export const localDate = (example: string) => z.iso.date().openapi({ example, description: 'Local date, YYYY-MM-DD' })

/** A local wall-clock time in the tenant's zone. */
export const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (00:00-23:59)')
  .openapi({ example: '09:00', description: 'Local time in the tenant zone, HH:MM' })

/** Holds unless both are given and `a` comes after `b` (an update may give either alone). */
export const notAfter = (a: unknown, b: unknown) => typeof a !== 'string' || typeof b !== 'string' || a <= b
