export * from './process-collector'
export * from './registry'
export * from './request-metrics'
export * from './server-metrics'
