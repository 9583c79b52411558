import { describeModuleContract } from '@cerdas/testing'
import waste from '../src/index'

describeModuleContract(waste, {
  seedData: [
    {
      key: 'balige-kota',
      name: { id: 'Balige Kota', en: 'Balige town' },
      kecamatan: 'Balige',
      desa: ['Sangkar Nihuta', 'Napitupulu Bagasan'],
      rule: { days: ['mo', 'th'], start: '07:00', end: '10:00', onHolidays: 'next-working-day' },
      sourceNote: 'Contoh untuk uji kontrak.',
    },
    {
      key: 'laguboti',
      name: { id: 'Laguboti' },
      kecamatan: 'Laguboti',
      desa: ['Pintu Bosi'],
      rule: { days: ['we'], onHolidays: 'skip' },
      verification: { at: '2026-01-06T00:00:00Z', by: 'Tim Smart Environment', source: 'https://example.go.id/sampah' },
    },
  ],
})
