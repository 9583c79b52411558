export * from './next-midnight'
export * from './read-cache'
export * from './response-store'
