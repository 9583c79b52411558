import { createHash, timingSafeEqual } from 'node:crypto'
import type { Actor, ApiEnv } from '@cerdas/core'
import { problem } from '@cerdas/core'
import type { MiddlewareHandler } from 'hono'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Reads `Authorization: Bearer <token>` and, when it matches the operator
 * token, acts as the platform operator. A stand-in until tenant accounts and
 * scoped API tokens exist; a wrong token is always a 401, never a fallback.
 */
export function operatorAuth(operatorToken: string | undefined): MiddlewareHandler<ApiEnv> {
  const expected = operatorToken ? digest(operatorToken) : undefined
  return async (c, next) => {
    const header = c.req.header('authorization')
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header)
      if (!match || !expected || !timingSafeEqual(digest(match[1] as string), expected)) {
        throw problem('unauthorized', 'The token is not valid.')
      }
      const actor: Actor = { kind: 'operator', id: 'operator', name: 'Operator' }
      c.set('actor', actor)
    } else c.set('actor', null)
    await next()
  }
}
