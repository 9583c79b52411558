import type { Messages } from '@cerdas/core/web'

/** Words of the photo components, Indonesian first. */
export const photoMessages = {
  id: {
    credit: 'Foto: {credit}',
    licence: 'Lisensi: {licence}',
    photos: 'Foto',
  },
  en: {
    credit: 'Photo: {credit}',
    licence: 'Licence: {licence}',
    photos: 'Photos',
  },
} satisfies Messages
