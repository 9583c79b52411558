import type { ApiKit, ModuleRouter } from '@cerdas/core'
import { createCounter, deleteCounter, getCounter, updateCounter, verifyCounter } from '../counters'
import { counterSchema, createCounterSchema, updateCounterSchema } from '../validation'
import { registerPartRoutes } from './parts'

/** Counters (loket): GET, POST, PATCH, DELETE /directory/counters[/{id}], POST /directory/counters/{id}/verify. */
export function registerCounters(router: ModuleRouter, kit: ApiKit) {
  registerPartRoutes(router, kit, {
    entity: 'counter',
    plural: 'counters',
    label: 'counter (loket)',
    out: counterSchema,
    createInput: createCounterSchema,
    updateInput: updateCounterSchema,
    get: getCounter,
    create: createCounter,
    update: updateCounter,
    remove: deleteCounter,
    verify: verifyCounter,
  })
}
