import type { Messages } from '@cerdas/core/web'

export const uiMessages = {
  id: {
    notVerified: 'Belum diverifikasi',
    notVerifiedNote: 'Data ini belum diperiksa terhadap sumber resmi.',
    verifiedOn: 'Diverifikasi {date} oleh {by}',
    source: 'Sumber',
    next: 'Berikutnya',
    first: 'Halaman pertama',
  },
  en: {
    notVerified: 'Not verified',
    notVerifiedNote: 'This data has not been checked against an official source.',
    verifiedOn: 'Verified {date} by {by}',
    source: 'Source',
    next: 'Next',
    first: 'First page',
  },
} satisfies Messages
