import { describe, expect, it } from 'vitest'
import { checkModule, ModuleDefinitionError, orderModules } from '../src/define-module'
import { sampleModule } from './fixtures'

const run = async () => ({ changed: 0 })
const routes = () => {}

describe('module jobs and open endpoints in the definition', () => {
  it('accepts jobs and an http prefix', () => {
    expect(
      checkModule(
        sampleModule({ jobs: [{ id: 'auto-close', everyMinutes: 15, run }], http: { prefix: '/open311', routes } }),
      ),
    ).toEqual([])
  })

  it('refuses bad job ids, periods and duplicates', () => {
    expect(checkModule(sampleModule({ jobs: [{ id: 'Auto Close', everyMinutes: 15, run }] }))).toEqual([
      expect.stringMatching(/^jobs\.0\.id: /),
    ])
    expect(checkModule(sampleModule({ jobs: [{ id: 'tick', everyMinutes: 0, run }] }))[0]).toMatch(
      /^jobs\.0\.everyMinutes/,
    )
    expect(checkModule(sampleModule({ jobs: [{ id: 'tick', everyMinutes: 1.5, run }] }))[0]).toMatch(
      /^jobs\.0\.everyMinutes/,
    )
    const twice = [
      { id: 'tick', everyMinutes: 5, run },
      { id: 'tick', everyMinutes: 10, run },
    ]
    expect(checkModule(sampleModule({ jobs: twice }))).toEqual(['jobs: ids must be unique'])
    expect(checkModule(sampleModule({ jobs: [{ id: 'tick', everyMinutes: 5, run: 'no' as never }] }))[0]).toMatch(
      /^jobs\.0\.run: must be a function/,
    )
  })

  it.each(['/api', '/admin', '/media', '/vendor', '/assets', '/cari', '/Open311', '/open311/v2', 'open311', '/'])(
    'refuses the http prefix %s',
    (prefix) => {
      expect(checkModule(sampleModule({ http: { prefix, routes } }))[0]).toMatch(/^http\.prefix: /)
    },
  )

  it("refuses a prefix another module uses, or one over another module's page", () => {
    const a = sampleModule({ http: { prefix: '/open311', routes } })
    const b = sampleModule({ id: 'other', schema: {}, permissions: {}, http: { prefix: '/open311', routes } })
    expect(() => orderModules([a, b])).toThrow(ModuleDefinitionError)
    const page = sampleModule({
      id: 'pages',
      schema: {},
      permissions: {},
      web: { root: '/x', routes: [{ path: 'open311/:id', file: 'page.tsx' }] },
    })
    expect(() => orderModules([a, page])).toThrow(/lies under the http.prefix of "notes"/)
  })
})
