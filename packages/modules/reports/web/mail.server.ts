import type { TenantContext } from '@cerdas/core'
import type { SendMail } from '../src/types'

/** The web app's mail capability, when it offers one (never throws; says whether it sent). */
type WebSendMail = (
  ctx: TenantContext,
  mail: { to: string; subject: string; text: string },
) => Promise<{ sent: boolean; reason?: string }>

/** A sender for the module's one-time codes over the page's mail capability, or null without one. */
export function pageMailer(context: unknown, ctx: TenantContext): SendMail | null {
  const send = (context as { sendMail?: WebSendMail }).sendMail
  if (!send) return null
  return async (to, subject, text) => {
    const result = await send(ctx, { to, subject, text })
    if (!result.sent) throw new Error(`Mail not sent: ${result.reason ?? 'unknown'}`)
  }
}
