import type { AdminMessageKey } from './messages'

/**
 * A notice for the page after a redirect (post/redirect/get). One-time
 * secrets (invitation links, token secrets) travel the same way so they never
 * appear in a URL or the browser history; the next page shows them once.
 */
export interface Flash {
  key: AdminMessageKey
  vars?: Record<string, string>
  secret?: {
    title: AdminMessageKey
    note: AdminMessageKey
    label: AdminMessageKey
    name: string
    value: string
    hours?: number
  }
}
