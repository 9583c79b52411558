export * from './accounts'
export * from './module-contract'
export * from './problem-assertions'
export * from './test-platform'
