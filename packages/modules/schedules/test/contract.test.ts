import { describeModuleContract } from '@cerdas/testing'
import schedules from '../src/index'

describeModuleContract(schedules, {
  seedData: {
    holidays: [
      {
        date: '2026-08-17',
        name: { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' },
        kind: 'national',
        source: 'SKB 3 Menteri 2026',
        verified: false,
      },
      {
        key: 'hut-kabupaten',
        date: '2026-03-09',
        name: { id: 'Hari jadi kabupaten (contoh)' },
        kind: 'regional',
        note: 'Contoh data uji',
        verified: true,
      },
    ],
    schedules: [
      {
        key: 'contoh-jam-kantor',
        owner: { module: 'directory', type: 'office', id: 'contoh-kantor' },
        kind: 'hours',
        label: { id: 'Jam layanan', en: 'Service hours' },
        openingHours: 'Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-11:30,13:30-16:30; PH off',
      },
      {
        key: 'contoh-petugas',
        owner: { module: 'directory', type: 'office', id: 'contoh-kantor' },
        kind: 'presence',
        label: { id: 'Perekaman KTP-el' },
        role: { id: 'Petugas perekaman', en: 'Registration officer' },
        services: ['svc-ktp-el'],
        definition: { weekly: { mo: [{ start: '08:30', end: '12:00' }], we: [{ start: '08:30', end: '12:00' }] } },
        verification: { at: '2026-01-06T00:00:00Z', by: 'Diskominfo', source: 'https://example.go.id/jadwal' },
      },
    ],
  },
})
