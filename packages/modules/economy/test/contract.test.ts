import { describeModuleContract } from '@cerdas/testing'
import economy from '../src/index'

describeModuleContract(economy, {
  seedData: {
    eateries: [
      {
        key: 'lapo-uji',
        name: { id: 'Lapo Uji', en: 'Test lapo' },
        type: 'lapo',
        kecamatan: 'Balige',
        cuisine: ['Batak'],
        dishes: [{ name: { id: 'Arsik ikan mas', en: 'Arsik carp' } }],
        servesPork: 'yes',
        halal: 'not_halal',
        sourceNote: 'Contoh uji',
      },
      {
        key: 'rm-muslim-uji',
        name: { id: 'Rumah Makan Muslim Uji' },
        type: 'rumah_makan',
        halal: 'certified',
        halalCertificate: 'ID00000000000000000, BPJPH',
        verification: { at: '2026-01-06T00:00:00Z', by: 'Dinas Koperasi', source: 'https://example.go.id/halal' },
      },
    ],
    lodgings: [
      {
        key: 'hotel-uji',
        name: { id: 'Hotel Uji' },
        type: 'hotel',
        starClass: 3,
        facilities: ['parking', 'wifi'],
        contacts: { whatsapp: '+62 812 0000 0000' },
      },
    ],
    businesses: [
      {
        key: 'tenun-uji',
        name: { id: 'Tenun Ulos Uji' },
        sector: 'craft',
        products: ['Ulos Ragi Hotang'],
        nib: '9120300000000',
        certificates: [{ kind: 'pirt', number: '2061212010001-23' }],
      },
    ],
  },
})
