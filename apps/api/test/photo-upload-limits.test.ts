import { problemType } from '@cerdas/core'
import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { solidPng } from './support/png'
import { type Answer, type ApiServerProcess, KeepAliveClient, startApiServer } from './support/server-process'

const HOST = 'toba.localhost'
const PHOTO_LIMIT = 256 * 1024
const BOUNDARY = 'cerdas-uji-batas'

let t: TestPlatform
let server: ApiServerProcess

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba')
  t.platform.close()
  server = await startApiServer(t.dataDir, { CERDAS_PHOTO_MAX_BYTES: String(PHOTO_LIMIT) })
}, 90_000)
afterAll(async () => {
  await server?.stop()
  t?.close()
})

/** A multipart body holding one file. */
function multipart(file: Buffer, name = 'foto.png'): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

const upload = {
  method: 'POST',
  headers: {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    authorization: `Bearer ${TEST_OPERATOR_TOKEN}`,
  },
}

function expectTooLarge(answer: Answer) {
  expect(answer.status).toBe(413)
  expect(JSON.parse(answer.body.toString('utf8')).type).toBe(problemType('payloadTooLarge'))
  // The client must not send its next request on this socket.
  expect(answer.headers.connection).toBe('close')
}

describe('photo upload limits on a real server (operator limit from the environment)', () => {
  it('takes an upload under the limit on a kept-alive connection', async () => {
    const client = new KeepAliveClient(server.port, HOST, 1)
    try {
      const answer = await client.send('/api/v1/photos', { ...upload, body: multipart(solidPng(40, 30, [1, 2, 3])) })
      expect(answer.status, answer.body.toString('utf8')).toBe(201)
      expect(answer.headers.connection).toBe('keep-alive')
    } finally {
      client.close()
    }
  })

  it('refuses an upload over the limit with 413 and closes the connection, with or without Content-Length', async () => {
    const client = new KeepAliveClient(server.port, HOST, 1)
    const big = multipart(Buffer.alloc(PHOTO_LIMIT * 4, 7))
    try {
      expectTooLarge(await client.send('/api/v1/photos', { ...upload, body: big }))
      expectTooLarge(await client.send('/api/v1/photos', { ...upload, body: big, chunked: true }))
      // The pool goes on working on new sockets.
      expect((await client.send('/api/v1/tenant')).status).toBe(200)
      expect(client.connectionErrors).toEqual([])
    } finally {
      client.close()
    }
  })
})
