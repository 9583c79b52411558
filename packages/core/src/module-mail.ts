import type { TenantContext } from './tenant'

/** A plain-text message a module sends to one person (e.g. a reporter's one-time code). */
export interface ModuleMail {
  /** One address. */
  to: string
  /** One line, at most 200 characters. */
  subject: string
  /** Plain text, at most 20,000 characters; an HTML copy is made from it. */
  text: string
}

/** Whether a module's message left, and if not, why (one English line, never the remote server's words). */
export interface ModuleMailResult {
  sent: boolean
  reason?: string
}

/**
 * Sends a module's message through the tenant's own mail settings. Never throws: mail that is off,
 * refused or unreachable answers `{ sent: false, reason }`.
 */
export type SendModuleMail = (ctx: TenantContext, message: ModuleMail) => Promise<ModuleMailResult>

/** Stores a photo sent to a module route or page: checked, re-encoded without metadata, audited. */
export type UploadModulePhoto = (
  ctx: TenantContext,
  bytes: Uint8Array,
) => Promise<{ id: string; width: number; height: number }>
