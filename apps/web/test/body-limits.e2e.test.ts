import { rmSync, statSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

const HOST = 'toba.localhost'
const FORM_LIMIT = 4096
const IMPORT_LIMIT = 64 * 1024
const FORM = 'application/x-www-form-urlencoded'

const ADMIN = { email: 'admin-batas@tobakab.go.id', password: 'kata-sandi-batas-1' }

let server: RunningServer
let dataDir: string
let adminCookie: string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('limits', [{ ...ADMIN, grants: [{ role: 'admin', dimension: null }] }])
  server = await startServer({
    CERDAS_DATA_DIR: dataDir,
    CERDAS_FORM_BODY_LIMIT_BYTES: String(FORM_LIMIT),
    CERDAS_IMPORT_BODY_LIMIT_BYTES: String(IMPORT_LIMIT),
  })
  adminCookie = await sessionCookieFor(server.port, HOST, ADMIN)
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

interface RawAnswer {
  status: number
  head: string
  body: string
}

/**
 * Sends a request head and only the first part of its body over a raw socket, and waits for the
 * answer. The rest is never sent: an answer at all shows the server did not wait for the whole body.
 */
function answerToPartialBody(head: string[], firstPart: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let received = Buffer.alloc(0)
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('no answer before the whole body was sent'))
    }, 15_000)
    const settle = () => {
      const text = received.toString('utf8')
      const end = text.indexOf('\r\n\r\n')
      if (end < 0) return
      const headText = text.slice(0, end)
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headText)?.[1] ?? Number.NaN)
      let body = text.slice(end + 4)
      if (Number.isFinite(length) && Buffer.byteLength(body) < length) return
      if (/\r\ntransfer-encoding: *chunked/i.test(headText)) {
        if (!body.endsWith('0\r\n\r\n')) return
        body = unchunk(body)
      }
      clearTimeout(timer)
      socket.destroy()
      resolve({ status: Number(headText.split(' ')[1]), head: headText, body })
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      settle()
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      if (received.length > 0) settle()
    })
    const origin = `http://${HOST}:${server.port}`
    socket.write(`${[...head, `Host: ${HOST}:${server.port}`, `Origin: ${origin}`].join('\r\n')}\r\n\r\n`)
    socket.write(firstPart)
  })
}

/** The payload of a chunked body. */
function unchunk(framed: string): string {
  let out = ''
  let rest = framed
  for (;;) {
    const lineEnd = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, lineEnd), 16)
    if (!size) return out
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size)
    rest = rest.slice(lineEnd + 4 + size)
  }
}

const loginForm = (bytes: number) => `email=${'a'.repeat(bytes)}%40toba.example&password=salah-sekali-123`

/** The tenant database with its write-ahead log, in bytes. */
function tenantDbSize(): number {
  const base = join(dataDir, 'tenants', 'toba.db')
  return [base, `${base}-wal`].reduce((sum, path) => sum + (statSync(path, { throwIfNoEntry: false })?.size ?? 0), 0)
}

function expectTooLargePage(answer: { status: number; head: string; body: string }, language: 'id' | 'en') {
  expect(answer.status).toBe(413)
  expect(answer.head).toMatch(/\r\ncontent-type: text\/html/i)
  expect(answer.head).toMatch(/\r\nconnection: close/i)
  expect(answer.body).toContain(`<html lang="${language}">`)
  expect(answer.body).toContain(language === 'id' ? 'Kiriman terlalu besar' : 'Submission too large')
  expect(answer.body).toContain('4 KB')
}

describe('body limits on page forms (real server)', () => {
  it('refuses a sign-in form declaring 8 MB with a 413 page in Indonesian, before the body is sent', async () => {
    const answer = await answerToPartialBody(
      ['POST /admin/masuk HTTP/1.1', `Content-Type: ${FORM}`, `Content-Length: ${8 * 1024 * 1024}`],
      Buffer.from(loginForm(1000)),
    )
    expectTooLargePage(answer, 'id')
  })

  it('answers in English to a visitor who chose English', async () => {
    const answer = await answerToPartialBody(
      ['POST /admin/masuk HTTP/1.1', `Content-Type: ${FORM}`, 'Cookie: lang=en', `Content-Length: ${FORM_LIMIT + 1}`],
      Buffer.alloc(0),
    )
    expectTooLargePage(answer, 'en')
  })

  it('cuts off a chunked form body as soon as it passes the limit', async () => {
    const chunk = Buffer.from(loginForm(FORM_LIMIT))
    const answer = await answerToPartialBody(
      ['POST /admin/masuk HTTP/1.1', `Content-Type: ${FORM}`, 'Transfer-Encoding: chunked'],
      // One chunk over the limit and no last chunk: the body never ends.
      Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
    )
    expectTooLargePage(answer, 'id')
  })

  it('refuses an 8 MB sign-in form sent whole, and the tenant database does not grow', async () => {
    const before = tenantDbSize()
    const answer = await httpRequest(server.port, HOST, '/admin/masuk', {
      method: 'POST',
      headers: { 'content-type': FORM, origin: `http://${HOST}:${server.port}` },
      body: loginForm(8 * 1024 * 1024),
    })
    expect(answer.status).toBe(413)
    expect(tenantDbSize() - before).toBeLessThan(64 * 1024)
  })

  it('lets a form within the limit reach its page', async () => {
    const answer = await httpRequest(server.port, HOST, '/admin/masuk', {
      method: 'POST',
      headers: { 'content-type': FORM, origin: `http://${HOST}:${server.port}` },
      body: loginForm(20),
    })
    expect(answer.status).toBe(401)
    expect(answer.text()).toContain('Email atau kata sandi salah')
  })

  it('gives the import pages their own, larger limit', async () => {
    const path = '/admin/impor/services/services'
    const headers = { 'content-type': FORM, origin: `http://${HOST}:${server.port}` }
    const within = await httpRequest(server.port, HOST, path, {
      method: 'POST',
      headers,
      body: `payload=${'a'.repeat(IMPORT_LIMIT / 2)}`,
    })
    // Within the limit the page itself answers (here: no session, so the way to sign in).
    expect(within.status).not.toBe(413)
    expect(within.status).toBeLessThan(500)
    const over = await httpRequest(server.port, HOST, path, {
      method: 'POST',
      headers,
      body: `payload=${'a'.repeat(IMPORT_LIMIT)}`,
    })
    expect(over.status).toBe(413)
    expect(over.text()).toContain('64 KB')
  })

  it("gives a module's upload screen its file's limit, for a multipart form only", async () => {
    const boundary = 'grens'
    const multipart = (size: number) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="perbup.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n${'a'.repeat(size)}\r\n--${boundary}--\r\n`
    const headers = {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      origin: `http://${HOST}:${server.port}`,
    }
    const upload = await httpRequest(server.port, HOST, '/admin/peraturan/reg_01ABC/dokumen', {
      method: 'POST',
      headers: { ...headers, cookie: adminCookie },
      body: multipart(IMPORT_LIMIT * 2),
    })
    // Past the form limit the page itself answers (here: no such regulation).
    expect(upload.status).not.toBe(413)
    expect(upload.status).toBeLessThan(500)
    // Without a session the screen would only say how to sign in: no large body is read for that.
    const anonymous = await httpRequest(server.port, HOST, '/admin/peraturan/reg_01ABC/dokumen', {
      method: 'POST',
      headers: { ...headers, cookie: 'cerdas_session=palsu' },
      body: multipart(IMPORT_LIMIT * 2),
    })
    expect(anonymous.status).toBe(413)
    const elsewhere = await httpRequest(server.port, HOST, '/admin/kpi/kpi_01ABC/nilai', {
      method: 'POST',
      headers,
      body: multipart(IMPORT_LIMIT * 2),
    })
    expect(elsewhere.status).toBe(413)
    const urlencoded = await httpRequest(server.port, HOST, '/admin/peraturan/reg_01ABC/dokumen', {
      method: 'POST',
      headers: { ...headers, 'content-type': FORM },
      body: `payload=${'a'.repeat(FORM_LIMIT)}`,
    })
    expect(urlencoded.status).toBe(413)
  })

  it('answers the next request on a keep-alive connection after a 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const errors: string[] = []
    const send = (method: string, path: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            method,
            path,
            agent,
            headers: {
              host: `${HOST}:${server.port}`,
              origin: `http://${HOST}:${server.port}`,
              ...(body ? { 'content-type': FORM, 'content-length': Buffer.byteLength(body) } : {}),
            },
          },
          (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          },
        )
        req.on('socket', (socket) => socket.on('error', (e: NodeJS.ErrnoException) => errors.push(e.code ?? '')))
        req.on('error', (e: NodeJS.ErrnoException) => {
          errors.push(e.code ?? e.message)
          reject(e)
        })
        if (body) req.write(body)
        req.end()
      })
    try {
      expect(await send('GET', '/')).toBe(200)
      expect(await send('POST', '/admin/masuk', loginForm(2 * 1024 * 1024))).toBe(413)
      expect(await send('GET', '/')).toBe(200)
      expect(await send('GET', '/')).toBe(200)
      expect(errors).toEqual([])
    } finally {
      agent.destroy()
    }
  })
})
