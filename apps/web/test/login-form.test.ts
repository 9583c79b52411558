import type { WebLoadContext } from '@cerdas/core/web'
import { describe, expect, it } from 'vitest'
import { action as loginAction } from '../app/routes/admin_.masuk'

const ORIGIN = 'http://toba.localhost:3000'

/** A tenant page context without a database: the form is refused before anything is looked up. */
const context = { site: { kind: 'tenant' }, locale: 'id', session: null } as unknown as WebLoadContext

const submit = (fields: Record<string, string>) =>
  loginAction({
    request: new Request(`${ORIGIN}/admin/masuk`, { method: 'POST', body: new URLSearchParams(fields) }),
    params: {},
    context,
  } as never)

describe('the login form', () => {
  it('refuses an email over 254 characters next to the field, without trying to log in', async () => {
    const email = `${'a'.repeat(300)}@toba.localhost`
    const answer = (await submit({ email, password: 'kata-sandi-apa-saja' })) as unknown as {
      init: { status: number }
      data: { email: string; errors: Record<string, unknown> }
    }
    expect(answer.init.status).toBe(422)
    expect(answer.data.errors.email).toEqual({ code: 'tooLong', max: 254 })
    expect(answer.data.email.length).toBe(254)
  })
})
