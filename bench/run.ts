// All benchmarks, one after another; each prints its figures and ratios.
import { benchApiRead } from './api-read'
import { benchTenantScale } from './tenant-scale'

await benchApiRead()
await benchTenantScale()
await import('./schedules')
