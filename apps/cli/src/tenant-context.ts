import type { TenantContext } from '@cerdas/core'
import type { Platform } from '@cerdas/platform'
import { CliError } from './errors'
import type { CliIo } from './io'
import { cliActor } from './platform-session'

/** A tenant context acting as the CLI (full rights, audited as `cli:<user>`). */
export async function cliTenantContext(platform: Platform, slug: string, io: CliIo): Promise<TenantContext> {
  const tenant = await platform.tenantBySlug(slug)
  if (!tenant) throw new CliError(`no tenant "${slug}"`)
  return platform.context(tenant, await platform.tenantDb(tenant.record), { actor: cliActor(io) })
}

/** Where a tenant's pages are, for printing links (the server's PORT unless 80/443). */
export function tenantOrigin(ctx: TenantContext, io: CliIo): string {
  const port = io.env.PORT ?? '3000'
  const suffix = port === '80' || port === '443' ? '' : `:${port}`
  return `${port === '443' ? 'https' : 'http'}://${ctx.tenant.primaryHost}${suffix}`
}
