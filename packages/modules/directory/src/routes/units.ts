import type { ApiKit, ModuleRouter } from '@cerdas/core'
import { createUnit, deleteUnit, getUnit, updateUnit, verifyUnit } from '../units'
import { createUnitSchema, unitSchema, updateUnitSchema } from '../validation'
import { registerPartRoutes } from './parts'

/** Units (bidang/seksi): GET, POST, PATCH, DELETE /directory/units[/{id}], POST /directory/units/{id}/verify. */
export function registerUnits(router: ModuleRouter, kit: ApiKit) {
  registerPartRoutes(router, kit, {
    entity: 'unit',
    plural: 'units',
    label: 'unit (bidang/seksi)',
    out: unitSchema,
    createInput: createUnitSchema,
    updateInput: updateUnitSchema,
    get: getUnit,
    create: createUnit,
    update: updateUnit,
    remove: deleteUnit,
    verify: verifyUnit,
  })
}
