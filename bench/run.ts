// All benchmarks, one after another; each prints its figures and ratios.
import { benchApiRead } from './api-read'
import { benchSearch } from './search'
import { benchTenantScale } from './tenant-scale'

await benchApiRead()
await benchTenantScale()
await benchSearch()
await import('./schedules')
