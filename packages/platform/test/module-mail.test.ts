import type { TenantContext } from '@cerdas/core'
import { bareTemplates } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { updateMailSettings } from '../src/mail'
import { sendModuleMail } from '../src/module-mail'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { startTestSmtp, TEST_CA_FILE, type TestSmtp } from './mail-smtp'
import { testPlatform } from './support'

// This file needs no module: the registered modules play no part in it.
vi.mock('@cerdas/registry', () => ({ modules: [] }))

const SMTP_USER = 'no-reply@tobakab.go.id'
const SMTP_PASS = 'smtp-rahasia-123'
const ADMIN = { kind: 'user' as const, id: 'usr_admin', grants: [{ role: 'admin' as const, dimension: null }] }

let platform: Platform
let smtp: TestSmtp
let env: Record<string, string>

async function context(slug: string): Promise<TenantContext> {
  const tenant = await platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no ${slug}`)
  return platform.context(tenant, await platform.tenantDb(tenant.record), { actor: ADMIN })
}

beforeAll(async () => {
  smtp = await startTestSmtp({ user: SMTP_USER, pass: SMTP_PASS })
  env = {
    CERDAS_SMTP_ALLOW_HOSTS: `127.0.0.1:${smtp.port}`,
    CERDAS_SMTP_CA_FILE: TEST_CA_FILE,
    CERDAS_SMTP_TOBA_PASSWORD: SMTP_PASS,
  }
  platform = await testPlatform({ templatesDir: bareTemplates([]) })
  await createTenant(platform, { slug: 'toba', template: 'bare', name: 'Kabupaten Toba' })
  await createTenant(platform, { slug: 'samosir', template: 'bare', name: 'Kabupaten Samosir' })
  const settings = {
    enabled: true,
    host: '127.0.0.1',
    port: smtp.port,
    user: SMTP_USER,
    passwordEnv: 'CERDAS_SMTP_TOBA_PASSWORD',
    from: 'Diskominfo Toba <no-reply@tobakab.go.id>',
  }
  await updateMailSettings(platform, await context('toba'), settings, { env })
})
afterAll(() => smtp?.close())

describe('sendModuleMail', () => {
  it("sends a module's message through the tenant's own SMTP server, with an escaped HTML copy", async () => {
    const text = 'Kode Anda: 482913\n\nBerlaku 15 menit. <jangan dibagikan>'
    const result = await sendModuleMail(
      platform,
      await context('toba'),
      { to: 'warga@example.id', subject: 'Kode laporan', text },
      { env },
    )
    expect(result).toEqual({ sent: true })
    const mail = smtp.received.at(-1)
    expect(mail?.rcptTo).toEqual(['warga@example.id'])
    expect(mail?.user).toBe(SMTP_USER)
    expect(mail?.parsed.subject).toBe('Kode laporan')
    expect(mail?.parsed.text?.trim()).toBe(text)
    expect(mail?.parsed.html).toContain('<p>Berlaku 15 menit. &lt;jangan dibagikan&gt;</p>')
  })

  it('answers why not, without throwing, when mail is off or the message is not valid', async () => {
    const sent = smtp.received.length
    const off = await sendModuleMail(
      platform,
      await context('samosir'),
      { to: 'a@example.id', subject: 'x', text: 'y' },
      { env },
    )
    expect(off).toEqual({ sent: false, reason: 'email (SMTP) is not configured for this tenant' })
    const toba = await context('toba')
    for (const bad of [
      { to: 'bukan-alamat', subject: 'x', text: 'y' },
      { to: 'a@example.id', subject: 'x\r\nBcc: b@example.id', text: 'y' },
      { to: 'a@example.id', subject: 'x', text: '' },
    ]) {
      expect(await sendModuleMail(platform, toba, bad, { env })).toEqual({
        sent: false,
        reason: expect.stringMatching(/not valid/),
      })
    }
    expect(smtp.received.length).toBe(sent)
  })
})
