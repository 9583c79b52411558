import { describeModuleContract } from '@cerdas/testing'
import tourism from '../src/index'

describeModuleContract(tourism, {
  seedData: {
    attractions: [
      {
        key: 'museum-uji',
        name: { id: 'Museum Uji', en: 'Test Museum' },
        category: 'museum',
        kecamatan: 'Balige',
        facilities: ['parking', 'toilet'],
        fees: [{ visitorType: 'adult', label: { id: 'Dewasa' } }],
        sourceNote: 'https://example.org/museum-uji',
      },
      {
        key: 'pantai-uji',
        name: { id: 'Pantai Uji' },
        category: 'beach',
        freeEntry: true,
        verification: { at: '2026-01-06T00:00:00Z', by: 'Dinas Pariwisata', source: 'https://example.go.id/pantai' },
      },
    ],
    events: [
      {
        key: 'festival-uji',
        name: { id: 'Festival Uji' },
        category: 'festival',
        startDate: '2026-12-01',
        endDate: '2026-12-03',
        recurrence: 'yearly',
        venueAttraction: 'pantai-uji',
      },
      {
        key: 'pasar-uji',
        name: { id: 'Pasar Malam Uji' },
        category: 'market',
        startDate: '2026-01-03',
        startTime: '18:00',
        endTime: '22:00',
        recurrence: 'weekly',
        venueName: 'Lapangan Uji',
        kecamatan: 'Balige',
      },
    ],
  },
})
