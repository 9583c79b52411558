import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The search index was once one 640-line file (writer, query parsing, ranking, snippets); this
// keeps each responsibility in its own file.
const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const searchSources = readdirSync(SRC)
  .filter((name) => name.startsWith('search') && name.endsWith('.ts'))
  .map((name) => ({ name, lines: readFileSync(`${SRC}${name}`, 'utf8').split('\n').length }))

describe('search index sources', () => {
  it('are split by responsibility, none longer than 250 lines', () => {
    expect(searchSources.length).toBeGreaterThan(1)
    expect(searchSources.filter((f) => f.lines > 250).map((f) => f.name)).toEqual([])
  })
})
