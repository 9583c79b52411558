import type { FormField } from './components'
import type { useAdminT } from './use-admin-t'

/** The new-password and confirmation fields of the link and change-password forms. */
export function newPasswordFields(t: ReturnType<typeof useAdminT>): FormField[] {
  return [
    {
      name: 'password',
      label: t('newPassword'),
      type: 'password',
      required: true,
      help: t('passwordRules'),
      autoComplete: 'new-password',
    },
    { name: 'confirm', label: t('confirmPassword'), type: 'password', required: true, autoComplete: 'new-password' },
  ]
}
