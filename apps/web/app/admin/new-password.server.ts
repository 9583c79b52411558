import { passwordSchema } from '@cerdas/identity'
import type { Issues } from './components'

/** The messages of a new password and its confirmation, next to their fields; empty when both are fine. */
export function newPasswordIssues(password: string, confirm: string): Issues {
  const errors: Issues = {}
  const checked = passwordSchema.safeParse(password)
  if (!password) errors.password = 'required'
  else if (!checked.success) {
    const issue = checked.error.issues[0]
    errors.password = issue?.code === 'too_big' ? { code: 'tooLong', max: 200 } : { code: 'tooShort', min: 10 }
  }
  if (!errors.password && confirm !== password) errors.confirm = 'passwordMismatch'
  return errors
}
