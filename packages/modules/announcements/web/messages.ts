import type { Messages } from '@cerdas/core/web'

export const messages = {
  id: {
    title: 'Pengumuman',
    intro: 'Pengumuman resmi pemerintah daerah, terbaru lebih dulu.',
    empty: 'Belum ada pengumuman.',
    all: 'Semua',
    published: 'Diterbitkan {date}',
    expires: 'Berlaku sampai {date}',
    expired: 'Pengumuman ini sudah berakhir pada {date}.',
    moreInfo: 'Informasi lebih lanjut',
    back: '← Semua pengumuman',
    category_general: 'Umum',
    category_service: 'Layanan',
    category_emergency: 'Darurat',
    category_event: 'Kegiatan',
  },
  en: {
    title: 'Announcements',
    intro: 'Official notices of the local government, newest first.',
    empty: 'No announcements yet.',
    all: 'All',
    published: 'Published {date}',
    expires: 'Valid until {date}',
    expired: 'This announcement ended on {date}.',
    moreInfo: 'More information',
    back: '← All announcements',
    category_general: 'General',
    category_service: 'Services',
    category_emergency: 'Emergency',
    category_event: 'Events',
  },
} satisfies Messages
