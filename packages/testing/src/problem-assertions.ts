import { expect } from 'vitest'

/** Asserts an RFC 9457 problem response with the given status, and returns its body. */
export async function expectProblem(response: Response, status: number, type?: string) {
  expect(response.status, await response.clone().text()).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const body = (await response.json()) as Record<string, unknown>
  expect(body.status).toBe(status)
  expect(typeof body.type).toBe('string')
  expect(typeof body.title).toBe('string')
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/) // never a stack trace
  if (type) expect(body.type).toBe(type)
  return body
}
