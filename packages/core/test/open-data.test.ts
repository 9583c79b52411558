import { describe, expect, it } from 'vitest'
import { checkModule } from '../src/define-module'
import { euThemeUri, frequencyUri } from '../src/open-data'
import { sampleModule } from './fixtures'

describe('a module’s open data declaration', () => {
  it('is checked when the module loads: a known EU theme and frequency, dataset ids fit for a URL', () => {
    expect(checkModule(sampleModule({ openData: { theme: 'TRAN', frequency: 'daily' } }))).toEqual([])
    expect(checkModule(sampleModule({ openData: { theme: 'XXXX' as never } })).join()).toContain('openData.theme')
    expect(checkModule(sampleModule({ openData: { frequency: 'sometimes' as never } })).join()).toContain(
      'openData.frequency',
    )
    const dataset = (id: string) => ({ id, title: { id: 'T' }, description: { id: 'D' }, auditEntities: [] })
    expect(checkModule(sampleModule({ openData: { datasets: [dataset('kpi_values')] } }))).toEqual([])
    expect(checkModule(sampleModule({ openData: { datasets: [dataset('../x.csv')] } })).join()).toContain(
      'openData.datasets.0.id',
    )
  })

  it('names EU vocabulary concepts', () => {
    expect(frequencyUri('semiannual')).toBe('http://publications.europa.eu/resource/authority/frequency/ANNUAL_2')
    expect(frequencyUri('irregular')).toBe('http://publications.europa.eu/resource/authority/frequency/IRREG')
    expect(euThemeUri('ENVI')).toBe('http://publications.europa.eu/resource/authority/data-theme/ENVI')
  })
})
