import { type ScheduleDefinition, toOpeningHours } from '@cerdas/schedules'

/** Stored schedule definitions, parsed once per content and kept with their OSM opening_hours. */

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
const parsedDefinitions = new Map<string, ScheduleDefinition>()
const PARSED_DEFINITIONS_MAX = 2000
/** The opening_hours value of each parsed definition, made once. */
const openingHoursByDefinition = new WeakMap<ScheduleDefinition, string>()

export function parsedDefinition(text: string): ScheduleDefinition {
  const hit = parsedDefinitions.get(text)
  if (hit) {
    // Least recently used goes first: re-insert on every hit.
    parsedDefinitions.delete(text)
    parsedDefinitions.set(text, hit)
    return hit
  }
  const definition = deepFreeze(JSON.parse(text) as ScheduleDefinition)
  parsedDefinitions.set(text, definition)
  if (parsedDefinitions.size > PARSED_DEFINITIONS_MAX) {
    const oldest = parsedDefinitions.keys().next().value
    if (oldest !== undefined) parsedDefinitions.delete(oldest)
  }
  return definition
}

/** The definition as an OSM opening_hours value. */
export function openingHoursOf(definition: ScheduleDefinition): string {
  const known = openingHoursByDefinition.get(definition)
  if (known !== undefined) return known
  const value = toOpeningHours(definition)
  openingHoursByDefinition.set(definition, value)
  return value
}
