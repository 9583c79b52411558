import { z } from '@hono/zod-openapi'

/**
 * Pieces the zod descriptions of the HSDS export share. The descriptions list the HSDS fields Cerdas
 * fills and its own extension fields (`x_cerdas_*`); HSDS has more optional fields, and HSDS objects
 * allow additional properties, so none of the objects is strict. The normative check is the official
 * HSDS JSON schemas: `test/hsds.test.ts` validates the output against the copies in `test/fixtures/hsds-3/`.
 */

export const hsdsUuid = (description: string) => z.string().openapi({ description, format: 'uuid' })

/** Marks a field as a Cerdas extension in the OpenAPI document. */
export const EXTENSION = 'Cerdas extension (not part of HSDS).'
