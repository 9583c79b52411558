// All benchmarks, one after another; each prints its figures and ratios.
import { benchApiRead } from './api-read'
import { benchSearch } from './search'
import { benchServicePage } from './service-page'
import { benchTenantScale } from './tenant-scale'

await benchApiRead()
await benchTenantScale()
await benchSearch()
await benchServicePage()
await import('./schedules')
