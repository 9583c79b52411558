import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config'

describe('CERDAS_JOBS', () => {
  it('runs module jobs in the server unless set to off, and refuses anything else', () => {
    expect(loadConfig({}).CERDAS_JOBS).toBe('on')
    expect(loadConfig({ CERDAS_JOBS: 'off' }).CERDAS_JOBS).toBe('off')
    expect(() => loadConfig({ CERDAS_JOBS: 'false' })).toThrow(ConfigError)
  })
})
