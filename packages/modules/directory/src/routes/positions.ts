import type { ApiKit, ModuleRouter } from '@cerdas/core'
import { createPosition, deletePosition, getPosition, updatePosition, verifyPosition } from '../positions'
import { createPositionSchema, positionSchema, updatePositionSchema } from '../validation'
import { registerPartRoutes } from './parts'

/** Positions (jabatan): GET, POST, PATCH, DELETE /directory/positions[/{id}], POST /directory/positions/{id}/verify. */
export function registerPositions(router: ModuleRouter, kit: ApiKit) {
  registerPartRoutes(router, kit, {
    entity: 'position',
    plural: 'positions',
    label: 'position (jabatan)',
    out: positionSchema,
    createInput: createPositionSchema,
    updateInput: updatePositionSchema,
    get: getPosition,
    create: createPosition,
    update: updatePosition,
    remove: deletePosition,
    verify: verifyPosition,
  })
}
