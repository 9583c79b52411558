export * from './problem'
