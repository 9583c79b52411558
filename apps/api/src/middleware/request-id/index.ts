export { requestId } from './request-id'
