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

/**
 * What is wrong with one form input, as a code the console translates (the platform's
 * `FieldIssue` codes and a few more for numbers, lists and unions).
 */
export interface FormIssue {
  code:
    | 'required'
    | 'tooShort'
    | 'tooLong'
    | 'url'
    | 'datetime'
    | 'number'
    | 'choice'
    | 'invalid'
    | 'custom'
    | 'integer'
    | 'min'
    | 'max'
    | 'tooFew'
    | 'tooMany'
    | 'emailFormat'
    | 'notApplicable'
  min?: number
  max?: number
  /** The schema's or business function's own words, for `custom` and `invalid`. */
  message?: string
  /** 1-based line of a `lines` field the issue is about. */
  line?: number
}
