import type { AddressInfo } from 'node:net'
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
  close(): Promise<void>
}

/**
 * A real SMTP server in this process on 127.0.0.1 and a random port: AUTH
 * (PLAIN, LOGIN) required with the given user and password, no TLS, every
 * accepted message parsed and kept.
 */
export async function startTestSmtp(credentials: { user: string; pass: string }): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const state = { connections: 0 }
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      state.connections++
      callback()
    },
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username })
        return
      }
      const error = Object.assign(new Error('Invalid username or password'), { responseCode: 535 })
      callback(error)
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
    get connections() {
      return state.connections
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
