export { uiMessages } from './messages'
export { Pager } from './pager'
export { useLocale } from './use-locale'
export { VerificationBadge } from './verification-badge'
