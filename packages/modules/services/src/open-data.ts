import type { ModuleOpenData } from '@cerdas/core'

/** The public services as open data: also in the Open Referral HSDS shape (docs/interoperability-hsds.md). */
export const servicesOpenData: ModuleOpenData = {
  keywords: ['standar pelayanan', 'layanan publik'],
  entities: {
    service: {
      links: [
        {
          path: '/api/v1/services/hsds/services',
          mediaType: 'application/json',
          format: 'HSDS 3',
          title: { id: 'Layanan publik (Open Referral HSDS)', en: 'Public services (Open Referral HSDS)' },
          conformsTo: 'https://docs.openreferral.org/en/latest/hsds/overview.html',
          // A paged API (`?page=`), not one file.
          download: false,
        },
      ],
    },
  },
}
