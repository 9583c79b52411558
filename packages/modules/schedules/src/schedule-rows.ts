import { verificationOf } from '@cerdas/core'
import { type ScheduleDefinition, toOpeningHours } from '@cerdas/schedules'
import type { ScheduleKind } from './kinds'
import type { schedules } from './schema'
import type { Schedule } from './validation'

/** Stored schedule rows as records, with their parsed definitions cached by content. */

export type ScheduleRow = typeof schedules.$inferSelect

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/**
 * Parsed definitions by their stored JSON text: the engine caches its compiled form per definition
 * object, so handing every read of unchanged hours the same (frozen) object skips validating and
 * compiling them again on each request. Keyed by content, so tenants never see each other's data.
 */
const parsedDefinitions = new Map<string, { definition: ScheduleDefinition; openingHours: string }>()
const PARSED_DEFINITIONS_MAX = 2000

function parsedDefinition(text: string): { definition: ScheduleDefinition; openingHours: string } {
  const hit = parsedDefinitions.get(text)
  if (hit) {
    // Least recently used goes first: re-insert on every hit.
    parsedDefinitions.delete(text)
    parsedDefinitions.set(text, hit)
    return hit
  }
  const definition = deepFreeze(JSON.parse(text) as ScheduleDefinition)
  const parsed = { definition, openingHours: toOpeningHours(definition) }
  parsedDefinitions.set(text, parsed)
  if (parsedDefinitions.size > PARSED_DEFINITIONS_MAX) {
    const oldest = parsedDefinitions.keys().next().value
    if (oldest !== undefined) parsedDefinitions.delete(oldest)
  }
  return parsed
}

export function scheduleFromRow(row: ScheduleRow): Schedule {
  const { definition, openingHours } = parsedDefinition(row.definition)
  return {
    id: row.id,
    owner: { module: row.ownerModule, type: row.ownerType, id: row.ownerId },
    kind: row.kind as ScheduleKind,
    label: { id: row.labelIndonesian, ...(row.labelEnglish ? { en: row.labelEnglish } : {}) },
    role: row.roleIndonesian ? { id: row.roleIndonesian, ...(row.roleEnglish ? { en: row.roleEnglish } : {}) } : null,
    services: JSON.parse(row.services) as string[],
    definition,
    openingHours,
    verification: verificationOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}
