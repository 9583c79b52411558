export * from './read-cache'
export * from './read-cache-metrics'
