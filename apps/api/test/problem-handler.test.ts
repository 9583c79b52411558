import { createLogger, problemErrorHandler, problemNotFound } from '@cerdas/api'
import { problem, problemType } from '@cerdas/core'
import { expectProblem } from '@cerdas/testing'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'

/** An app whose one route throws the given error, with the API's error handler. */
function throwing(error: unknown, lines: string[] = []) {
  const app = new Hono()
  app.onError(problemErrorHandler(createLogger('error', (line) => lines.push(line))))
  app.notFound(problemNotFound)
  app.get('/boom', () => {
    throw error
  })
  return app
}

describe('problem error handler', () => {
  it.each([
    [400, 'malformedBody'],
    [401, 'unauthorized'],
    [413, 'payloadTooLarge'],
    [415, 'unsupportedMediaType'],
  ] as const)('maps an HTTPException %i from a library to its stable problem type', async (status, kind) => {
    const res = await throwing(new HTTPException(status, { message: 'from a library' })).request('/boom')
    await expectProblem(res, status, problemType(kind))
  })

  it('passes a ProblemError through with its type, detail and field errors', async () => {
    const error = problem('validation', 'title: required', { errors: [{ pointer: '/title', message: 'required' }] })
    const body = await expectProblem(await throwing(error).request('/boom'), 422, problemType('validation'))
    expect(body).toMatchObject({ detail: 'title: required', errors: [{ pointer: '/title', message: 'required' }] })
    expect(body.instance).toBe('/boom')
  })

  it('answers an unexpected error with a 500 problem that leaks neither message nor stack, and logs both', async () => {
    const lines: string[] = []
    const res = await throwing(new Error('secret table users_passwords is locked'), lines).request('/boom')
    const body = await expectProblem(res, 500, problemType('internal'))
    expect(JSON.stringify(body)).not.toContain('users_passwords')
    expect(lines).toHaveLength(1)
    const logged = JSON.parse(lines[0] ?? '{}') as { level: string; error: { message: string; stack: string } }
    expect(logged.level).toBe('error')
    expect(logged.error.message).toContain('users_passwords')
    expect(logged.error.stack).toContain('Error')
  })

  it('answers an unknown route with a 404 problem naming method and path', async () => {
    const body = await expectProblem(await throwing(null).request('/nothing', { method: 'PUT' }), 404)
    expect(body.type).toBe(problemType('notFound'))
    expect(body.detail).toBe('Nothing at PUT /nothing')
  })
})
