import { describeModuleContract } from '@cerdas/testing'
import directory from '../src/index'

describeModuleContract(directory, {
  seedData: {
    offices: [
      {
        key: 'disdukcapil',
        type: 'dinas',
        name: { id: 'Dinas Kependudukan dan Pencatatan Sipil', en: 'Population and Civil Registration Agency' },
        shortName: 'Disdukcapil',
        kecamatan: 'Balige',
        coordinates: { lat: 2.33, lon: 99.06 },
        units: [
          { key: 'dafduk', kind: 'bidang', name: { id: 'Bidang Pelayanan Pendaftaran Penduduk' } },
          { key: 'dafduk-ktp', kind: 'seksi', name: { id: 'Seksi Identitas Penduduk' }, parent: 'dafduk' },
        ],
        counters: [{ key: 'loket-1', code: '1', name: { id: 'Loket KTP-el' }, unit: 'dafduk' }],
        positions: [{ key: 'kadis', title: { id: 'Kepala Dinas' } }],
      },
      {
        key: 'puskesmas-contoh',
        type: 'puskesmas',
        name: { id: 'Puskesmas Contoh' },
        verification: { at: '2026-01-06T00:00:00Z', by: 'Diskominfo', source: 'https://example.go.id/puskesmas' },
      },
    ],
  },
})
