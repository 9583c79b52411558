import { problemType } from '@cerdas/core'
import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Answer, type ApiServerProcess, KeepAliveClient, startApiServer } from './support/server-process'

const HOST = 'toba.localhost'
const LIMIT = 64 * 1024
const OVERSIZED = JSON.stringify({ email: 'a@toba.example', password: 'x'.repeat(2 * 1024 * 1024) })

let t: TestPlatform
let server: ApiServerProcess

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba')
  // The server process opens the databases itself.
  t.platform.close()
  server = await startApiServer(t.dataDir, { CERDAS_BODY_LIMIT_BYTES: String(LIMIT) })
}, 90_000)
afterAll(async () => {
  await server?.stop()
  t?.close()
})

function expectTooLarge(answer: Answer) {
  expect(answer.status).toBe(413)
  expect(String(answer.headers['content-type'])).toMatch(/^application\/problem\+json/)
  expect(JSON.parse(answer.body.toString('utf8')).type).toBe(problemType('payloadTooLarge'))
}

/** Requests after a refusal, on the same pool: each one answers (on a new socket where the old one closed). */
async function expectPoolStillWorks(client: KeepAliveClient) {
  for (let i = 0; i < 3; i++) {
    const answer = await client.send('/api/v1/tenant')
    expect(answer.status, `request ${i + 1} after the refusal`).toBe(200)
  }
}

describe('early refusals on keep-alive connections (real server process)', () => {
  const login = { method: 'POST', headers: { 'content-type': 'application/json' } }

  it('answers an oversized body (Content-Length) with 413 and Connection: close; the next requests succeed', async () => {
    const client = new KeepAliveClient(server.port, HOST, 1)
    try {
      expect((await client.send('/api/v1/tenant')).status).toBe(200)
      const refused = await client.send('/api/v1/auth/login', { ...login, body: OVERSIZED })
      expect(refused.reusedSocket).toBe(true)
      expectTooLarge(refused)
      await expectPoolStillWorks(client)
      expect(client.connectionErrors).toEqual([])
      // The client must not send its next request on this socket.
      expect(refused.headers.connection).toBe('close')
    } finally {
      client.close()
    }
  })

  it('cuts off a chunked body once it passes the limit, with the same clean close', async () => {
    const client = new KeepAliveClient(server.port, HOST, 1)
    try {
      expect((await client.send('/api/v1/tenant')).status).toBe(200)
      const refused = await client.send('/api/v1/auth/login', { ...login, body: OVERSIZED, chunked: true })
      expectTooLarge(refused)
      await expectPoolStillWorks(client)
      expect(client.connectionErrors).toEqual([])
      expect(refused.headers.connection).toBe('close')
    } finally {
      client.close()
    }
  })

  it('closes cleanly after other answers given before the body was read (401, 415), many times over', async () => {
    const client = new KeepAliveClient(server.port, HOST, 2)
    const body = JSON.stringify({ title: { id: 'x'.repeat(LIMIT - 100) } })
    try {
      for (let round = 0; round < 5; round++) {
        const [anonymous, wrongType, tooLarge, read] = await Promise.all([
          client.send('/api/v1/announcements', { ...login, body }),
          client.send('/api/v1/announcements', {
            method: 'POST',
            headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_OPERATOR_TOKEN}` },
            body: OVERSIZED,
          }),
          client.send('/api/v1/auth/login', { ...login, body: OVERSIZED }),
          client.send('/api/v1/tenant'),
        ])
        expect(anonymous.status).toBe(401)
        expect([413, 415]).toContain(wrongType.status)
        expectTooLarge(tooLarge)
        expect(read.status).toBe(200)
      }
      await expectPoolStillWorks(client)
      expect(client.connectionErrors).toEqual([])
    } finally {
      client.close()
    }
  })

  it('keeps the connection open after an answer that read the whole body', async () => {
    const client = new KeepAliveClient(server.port, HOST, 1)
    try {
      const body = JSON.stringify({ email: 'nobody@toba.example', password: 'salah-sekali-123' })
      const first = await client.send('/api/v1/auth/login', { ...login, body })
      expect(first.status).toBe(401)
      expect(first.headers.connection).toBe('keep-alive')
      const second = await client.send('/api/v1/tenant')
      expect(second.reusedSocket).toBe(true)
      expect(second.status).toBe(200)
    } finally {
      client.close()
    }
  })
})
