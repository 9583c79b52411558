import { describeModuleContract } from '@cerdas/testing'
import announcements from '../src/index'

describeModuleContract(announcements, {
  seedData: [
    {
      key: 'jam-layanan',
      title: { id: 'Perubahan jam layanan', en: 'Change of service hours' },
      body: { id: 'Kantor buka pukul 08.00.', en: 'The office opens at 08:00.' },
      category: 'service',
      publishAt: '2026-01-05T08:00:00+07:00',
    },
    {
      key: 'festival',
      title: { id: 'Festival budaya' },
      body: { id: 'Festival di Balige.' },
      category: 'event',
      verification: { at: '2026-01-06T00:00:00Z', by: 'Diskominfo', source: 'https://example.go.id/festival' },
    },
    {
      key: 'siaga-banjir',
      title: { id: 'Siaga banjir' },
      body: { id: 'Hubungi 112.' },
      category: 'emergency',
      publishAt: '2026-01-07T08:00:00+07:00',
      expiresAt: '2026-02-07T08:00:00+07:00',
    },
  ],
})
