import { type Messages, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'

/** Text of the "who may edit what" screen, Indonesian first. */
export const whoMayEditMessages = {
  id: {
    title: 'Siapa boleh mengubah apa',
    intro:
      'Setiap akun dengan perannya, per dimensi, dan asal perannya: keanggotaan tim dimensi atau diberikan langsung oleh admin. Editor suatu dimensi mengubah data modul dimensi itu saja.',
    account: 'Akun',
    allDimensions: 'Semua dimensi',
    fromTeam: 'dari tim {team}',
    byHand: 'diberikan admin',
    none: '—',
    disabled: 'nonaktif',
    noUsers: 'Belum ada akun.',
    manageUsers: 'Ubah peran di Pengguna',
    manageTeams: 'Ubah keanggotaan tim',
    role_admin: 'Admin',
    role_editor: 'Editor',
    role_verifier: 'Verifikator',
    role_viewer: 'Peninjau',
    lead: 'ketua tim',
  },
  en: {
    title: 'Who may edit what',
    intro:
      "Every account with its roles, per dimension, and where each comes from: a dimension team membership or given directly by an admin. A dimension's editor edits that dimension's modules only.",
    account: 'Account',
    allDimensions: 'All dimensions',
    fromTeam: 'from the {team} team',
    byHand: 'given by an admin',
    none: '—',
    disabled: 'disabled',
    noUsers: 'No accounts yet.',
    manageUsers: 'Change roles under Users',
    manageTeams: 'Change team memberships',
    role_admin: 'Admin',
    role_editor: 'Editor',
    role_verifier: 'Verifier',
    role_viewer: 'Viewer',
    lead: 'team lead',
  },
} satisfies Messages

export type WhoMayEditMessageKey = keyof typeof whoMayEditMessages.id

export function useWhoMayEditT() {
  return translator(whoMayEditMessages, useLocale())
}
