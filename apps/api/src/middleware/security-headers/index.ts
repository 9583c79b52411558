export { API_CONTENT_SECURITY_POLICY, API_SECURITY_HEADERS, securityHeaders } from './security-headers'
