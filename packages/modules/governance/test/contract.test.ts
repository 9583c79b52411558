import { describeModuleContract } from '@cerdas/testing'
import governanceModule from '../src/index'

// The same records a template gives in templates/<name>/data/governance.json.
describeModuleContract(governanceModule, {
  seedData: {
    regulations: [
      {
        key: 'perbup-smart-city',
        kind: 'perbup',
        title: { id: 'Dewan dan Tim Pelaksana Smart City' },
        validFrom: '2021-06-01',
        validUntil: '2026-06-01',
        establishes: ['council', 'team'],
        sourceNote: 'Contoh untuk uji kontrak.',
      },
    ],
    members: [
      {
        key: 'dewan-ketua',
        body: 'council',
        role: 'chair',
        position: { id: 'Bupati', en: 'Regent' },
        institution: 'Pemerintah Kabupaten',
      },
    ],
  },
})
