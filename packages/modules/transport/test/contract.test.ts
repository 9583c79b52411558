import { describeModuleContract } from '@cerdas/testing'
import transport from '../src/index'

describeModuleContract(transport, {
  seedData: [
    {
      key: 'kapal-ajibata-tomok',
      name: { id: 'Kapal penumpang Ajibata – Tomok', en: 'Ajibata – Tomok passenger ferry' },
      mode: 'ferry',
      originName: 'Pelabuhan Ajibata',
      originKecamatan: 'Ajibata',
      destinationName: 'Pelabuhan Tomok',
      destinationKecamatan: 'Simanindo (Samosir)',
      timetable: { onHolidays: 'su', weekly: { mo: ['07:00', '09:00'], su: ['07:00'] } },
      sourceNote: 'Contoh untuk uji kontrak.',
    },
    {
      key: 'bus-balige-kualanamu',
      name: { id: 'Bus Balige – Bandara Kualanamu' },
      mode: 'bus',
      originName: 'Balige',
      destinationName: 'Bandara Kualanamu',
      fares: [{ kind: 'passenger', category: { id: 'Dewasa' }, amount: 100000 }],
      verification: { at: '2026-01-06T00:00:00Z', by: 'Tim Smart Living', source: 'https://example.go.id/bus' },
    },
  ],
})
