import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** Envelope sender and recipients as the server saw them. */
  mailFrom: string
  rcptTo: string[]
  user: string | undefined
  parsed: ParsedMail
}

export interface TestSmtp {
  port: number
  received: ReceivedMail[]
  /** How many SMTP connections were opened (a disabled tenant opens none). */
  connections: number
  /** Every AUTH the server received, with whether it came over TLS. */
  logins: { user: string; password: string; secure: boolean }[]
  close(): Promise<void>
}

/** The test certificate (CN localhost, SANs localhost and 127.0.0.1) and its key; trust it with `CERDAS_SMTP_CA_FILE`. */
export const TEST_CA_FILE = fileURLToPath(new URL('./fixtures/smtp-test-cert.pem', import.meta.url))
const TEST_KEY_FILE = fileURLToPath(new URL('./fixtures/smtp-test-key.pem', import.meta.url))

/** Text the server puts in its refusals; it must never reach an admin. */
export const REMOTE_SECRET_TEXT = 'internal-banner-db01.corp:5432'

export interface TestSmtpOptions {
  /** Offer STARTTLS with the test certificate (default); when false, AUTH is offered over plaintext. */
  starttls?: boolean
  /** Refuse every recipient with a reply carrying {@link REMOTE_SECRET_TEXT}. */
  rejectRecipients?: boolean
}

/**
 * A real SMTP server in this process on 127.0.0.1 and a random port: AUTH
 * (PLAIN, LOGIN) required with the given user and password, after STARTTLS
 * with the test certificate unless `starttls: false`, every accepted message
 * parsed and kept. Refusals carry {@link REMOTE_SECRET_TEXT}.
 */
export async function startTestSmtp(
  credentials: { user: string; pass: string },
  options: TestSmtpOptions = {},
): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const logins: TestSmtp['logins'] = []
  const state = { connections: 0 }
  const starttls = options.starttls ?? true
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    ...(starttls
      ? { key: readFileSync(TEST_KEY_FILE), cert: readFileSync(TEST_CA_FILE) }
      : { allowInsecureAuth: true, disabledCommands: ['STARTTLS'] }),
    logger: false,
    onConnect(_session, callback) {
      state.connections++
      callback()
    },
    onAuth(auth, session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '', secure: Boolean(session.secure) })
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username })
        return
      }
      const error = Object.assign(new Error(`Invalid username or password ${REMOTE_SECRET_TEXT}`), {
        responseCode: 535,
      })
      callback(error)
    },
    onRcptTo(_address, _session, callback) {
      if (!options.rejectRecipients) return callback()
      callback(Object.assign(new Error(`Mailbox unavailable ${REMOTE_SECRET_TEXT}`), { responseCode: 550 }))
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const from = session.envelope.mailFrom
          received.push({
            mailFrom: from ? from.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            parsed,
          })
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    received,
    logins,
    get connections() {
      return state.connections
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
