import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Units, counters and positions once shared one 550-line file, and the four admin console
// entities another; each entity is now declared once, in its own file.
const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const PARTS = ['Unit', 'Counter', 'Position'] as const

/** The parts of an office whose functions a source file exports. */
function partsExportedBy(name: string): string[] {
  const text = readFileSync(`${SRC}${name}`, 'utf8')
  const exported = [...text.matchAll(/export (?:async )?function (\w+)/g)].map((m) => m[1] as string)
  return PARTS.filter((part) => exported.some((fn) => fn.includes(part)))
}

describe('directory sources', () => {
  it('keep each part of an office (unit, counter, position) in its own file', () => {
    // The seed writes an office with its parts in one go: one thing.
    const sources = readdirSync(SRC).filter((name) => name.endsWith('.ts') && name !== 'seed.ts')
    const mixed = sources.filter((name) => partsExportedBy(name).length > 1)
    expect(mixed).toEqual([])
    expect(partsExportedBy('units.ts')).toEqual(['Unit'])
    expect(partsExportedBy('counters.ts')).toEqual(['Counter'])
    expect(partsExportedBy('positions.ts')).toEqual(['Position'])
  })

  it('declare each entity in its own file, from which its console screens come', () => {
    const sources = readdirSync(SRC).filter((name) => name.endsWith('.ts'))
    const declared = sources.map((name) => ({
      name,
      entities: [...readFileSync(`${SRC}${name}`, 'utf8').matchAll(/export const (\w+) = defineEntity\(/g)].map(
        (m) => m[1],
      ),
    }))
    expect(declared.filter((f) => f.entities.length > 1)).toEqual([])
    expect(declared.flatMap((f) => f.entities).sort()).toEqual(['counter', 'office', 'position', 'unit'])
    expect(sources.filter((name) => name.endsWith('-admin.ts'))).toEqual([])
  })
})
