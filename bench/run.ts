// All benchmarks, one after another; each prints its figures and ratios. The peer comparison
// (bench/peers.ts, about 15 minutes with a Directus install) runs on its own: npm run bench:peers.
import { benchApiRead } from './api-read'
import { benchBulkLoad } from './bulk-load'
import { benchPlacePages } from './place-pages'
import { benchReportLoad } from './report-load'
import { benchSearch } from './search'
import { benchServerStart } from './server-start'
import { benchServicePage } from './service-page'
import { benchTailLatency } from './tail-latency'
import { benchTenantOverview } from './tenant-overview'
import { benchTenantScale } from './tenant-scale'

await benchApiRead()
await benchTenantScale()
await benchServerStart()
await benchSearch()
await benchServicePage()
await benchPlacePages()
await benchBulkLoad()
await benchTailLatency()
await benchReportLoad()
await benchTenantOverview()
await import('./schedules')
